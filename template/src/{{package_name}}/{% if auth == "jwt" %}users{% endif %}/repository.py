"""Users stored with SQLAlchemy Core on the request's connection."""

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ..db.base import utcnow
from ..errors import ConflictError
from ..pagination import PageQuery
from .models import User
from .schemas import Role, UserPage, UserRead

_READ_COLUMNS = [User.__table__.c[name] for name in UserRead.model_fields]
# Built once: every authenticated request runs it, and SQLAlchemy reuses its compiled form.
_BY_ID = select(*_READ_COLUMNS).where(User.id == bindparam("user_id"))


class UserRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    async def get(self, user_id: int) -> UserRead | None:
        row = (await self.connection.execute(_BY_ID, {"user_id": user_id})).first()
        return UserRead.model_validate(row._asdict()) if row else None

    async def credentials(self, email: str) -> tuple[UserRead, str] | None:
        """The user with this address and their password hash, for signing in."""
        statement = select(*_READ_COLUMNS, User.password_hash).where(User.email == email)
        row = (await self.connection.execute(statement)).first()
        if row is None:
            return None
        return UserRead.model_validate(row), row.password_hash

    async def add(self, email: str, password_hash: str, role: Role) -> UserRead:
        created_at = utcnow()
        values = {"email": email, "password_hash": password_hash, "role": role}
        try:
            result = await self.connection.execute(
                insert(User).values(**values, created_at=created_at)
            )
        except IntegrityError as error:
            msg = "An account with this email address already exists."
            raise ConflictError(msg) from error
        (user_id,) = result.inserted_primary_key or (None,)
        return UserRead(id=user_id, email=email, role=role, created_at=created_at)

    async def set_role(self, user_id: int, role: Role) -> None:
        await self.connection.execute(update(User).where(User.id == user_id).values(role=role))

    async def page(self, query: PageQuery) -> UserPage:
        total = await self.connection.scalar(select(func.count()).select_from(User))
        statement = select(*_READ_COLUMNS).order_by(User.id).limit(query.limit).offset(query.offset)
        rows = (await self.connection.execute(statement)).all()
        return UserPage(
            items=[UserRead.model_validate(row) for row in rows],
            total=total or 0,
            limit=query.limit,
            offset=query.offset,
        )
