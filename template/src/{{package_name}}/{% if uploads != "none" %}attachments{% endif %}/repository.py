"""Attachment records, on the request's connection and inside its transaction."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import Depends
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ..db.session import ConnectionDep
from .models import Attachment
from .schemas import AttachmentRead

_COLUMNS = [Attachment.__table__.c[name] for name in AttachmentRead.model_fields]


class AttachmentRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    async def add(self, attachment: AttachmentRead) -> None:
        values = attachment.model_dump() | {"id": str(attachment.id)}
        await self.connection.execute(insert(Attachment).values(values))

    async def count(self, item_id: int) -> int:
        counted = select(func.count()).where(Attachment.item_id == item_id)
        return await self.connection.scalar(counted) or 0

    async def of_item(self, item_id: int) -> list[AttachmentRead]:
        rows = await self.connection.execute(
            select(*_COLUMNS)
            .where(Attachment.item_id == item_id)
            .order_by(Attachment.created_at, Attachment.id)
        )
        return [AttachmentRead.model_validate(row) for row in rows.mappings()]

    async def get(self, item_id: int, attachment_id: str) -> AttachmentRead | None:
        found = select(*_COLUMNS).where(
            Attachment.id == attachment_id, Attachment.item_id == item_id
        )
        row = (await self.connection.execute(found)).mappings().first()
        return None if row is None else AttachmentRead.model_validate(row)

    async def detach(self, item_id: int, attachment_id: str | None = None) -> bool:
        """Doom an item's attachment (or all of them): the sweep removes the files, then the
        rows. Whether any was attached."""
        doomed = update(Attachment).where(Attachment.item_id == item_id)
        if attachment_id is not None:
            doomed = doomed.where(Attachment.id == attachment_id)
        result = await self.connection.execute(doomed.values(item_id=None))
        return bool(result.rowcount)


async def doomed_keys(connection: AsyncConnection, limit: int) -> Sequence[str]:
    """Keys of files whose attachment or item is gone, oldest first."""
    keys = await connection.scalars(
        select(Attachment.id)
        .where(Attachment.item_id.is_(None))
        .order_by(Attachment.created_at)
        .limit(limit)
    )
    return keys.all()


async def forget(connection: AsyncConnection, keys: Sequence[str]) -> None:
    """Delete the records of files already removed from storage."""
    await connection.execute(delete(Attachment).where(Attachment.id.in_(keys)))


async def get_attachment_repository(connection: ConnectionDep) -> AttachmentRepository:
    return AttachmentRepository(connection)


AttachmentRepositoryDep = Annotated[AttachmentRepository, Depends(get_attachment_repository)]
