"""Files whose attachment or item is gone leave storage once their records say so.

Deleting marks the records (their item id is cleared, in the request's transaction); once that
has committed, the process's sweep removes the files, then the records. A removal that fails
(storage down) leaves the record, and the sweep tries again every ATTACHMENT_SWEEP_SECONDS: no
file outlives its attachment for long, and none is removed while its attachment stands.
"""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Annotated

import obstore
from fastapi import Depends, Request

from ..after_commit import AfterCommit, AfterCommitDep
from ..db.session import Database
from ..items.changes import ItemChange
from .repository import AttachmentRepository, AttachmentRepositoryDep, doomed_keys, forget
from .store import Store

logger = logging.getLogger(__name__)

# Files removed per round trip of the sweep.
SWEEP_BATCH = 100


class DoomedFiles:
    """Removes from storage the files of deleted attachments, then their records: woken once
    a deletion has committed, and every `every_seconds` to retry what failed."""

    def __init__(self, database: Database, store: Store) -> None:
        self.database = database
        self.store = store
        self._woken = asyncio.Event()

    async def remove(self, key: str) -> None:
        """Remove one file from storage; one that is not there is gone already."""
        with suppress(FileNotFoundError):
            await obstore.delete_async(self.store, key)

    async def wake(self) -> None:
        """Sweep soon, not in the request: no response waits for storage."""
        self._woken.set()

    async def sweep(self) -> None:
        try:
            while await self._sweep_batch() == SWEEP_BATCH:
                pass
        except Exception:
            # Storage or the database is down: the records stay, and the next sweep retries.
            logger.warning("Removing the files of deleted attachments failed", exc_info=True)

    async def _sweep_batch(self) -> int:
        async with self.database.read_engine.connect() as connection:
            keys = await doomed_keys(connection, SWEEP_BATCH)
        for key in keys:
            await self.remove(key)  # not there when a sweep of another process removed it
        if keys:
            async with self.database.engine.begin() as connection:
                await forget(connection, keys)
        return len(keys)

    @asynccontextmanager
    async def sweeping(self, every_seconds: float) -> AsyncIterator[None]:
        """Sweep for as long as the service runs: when woken, and every `every_seconds`."""
        stopping = asyncio.Event()

        async def sweep_until_stopped() -> None:
            while not stopping.is_set():
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._woken.wait(), every_seconds)
                self._woken.clear()
                if not stopping.is_set():
                    await self.sweep()

        task = asyncio.create_task(sweep_until_stopped())
        try:
            yield
        finally:
            # A sweep under way finishes (cancelled, it would leave its connection unreturned);
            # what it has not reached waits for the next sweep, of any process.
            stopping.set()
            self._woken.set()
            await task


class AttachmentCleanup:
    """Subscribes to item changes: a deleted item's files go with it."""

    def __init__(
        self, attachments: AttachmentRepository, doomed: DoomedFiles, after_commit: AfterCommit
    ) -> None:
        self.attachments = attachments
        self.doomed = doomed
        self.after_commit = after_commit

    async def __call__(self, change: ItemChange) -> None:
        if change.kind == "deleted":
            # A database that enforces the foreign key has cleared them with the item already.
            await self.attachments.detach(change.item.id)
            self.after_commit.add(self.doomed.wake)


async def get_doomed_files(request: Request) -> DoomedFiles:
    doomed: DoomedFiles = request.app.state.doomed_files
    return doomed


DoomedFilesDep = Annotated[DoomedFiles, Depends(get_doomed_files)]


async def get_attachment_cleanup(
    attachments: AttachmentRepositoryDep, doomed: DoomedFilesDep, after_commit: AfterCommitDep
) -> AttachmentCleanup:
    return AttachmentCleanup(attachments, doomed, after_commit)


AttachmentCleanupDep = Annotated[AttachmentCleanup, Depends(get_attachment_cleanup)]
