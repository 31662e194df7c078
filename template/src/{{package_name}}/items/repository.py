"""The storage interface the service depends on; implementations live beside it."""

from typing import Protocol

from .schemas import ItemCreate, ItemPage, ItemQuery, ItemRead, ItemUpdate


class ItemRepository(Protocol):
    async def page(self, query: ItemQuery) -> ItemPage:
        """One page of items matching the query, with the total count."""
        ...

    async def get(self, item_id: int) -> ItemRead | None: ...

    async def add(self, data: ItemCreate) -> ItemRead:
        """Store a new item; raises ConflictError when the name is taken."""
        ...

    async def update(self, item_id: int, changes: ItemUpdate) -> ItemRead | None:
        """Apply the fields set in `changes`; None when the item does not exist."""
        ...

    async def delete(self, item_id: int) -> bool:
        """Remove the item; False when it did not exist."""
        ...
