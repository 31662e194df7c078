"""Item use cases: the rules between the HTTP layer and storage."""

from ..errors import NotFoundError
from .repository import ItemRepository
from .schemas import ItemCreate, ItemPage, ItemQuery, ItemRead, ItemUpdate


class ItemService:
    def __init__(self, items: ItemRepository) -> None:
        self.items = items

    async def list_items(self, query: ItemQuery) -> ItemPage:
        return await self.items.page(query)

    async def get_item(self, item_id: int) -> ItemRead:
        item = await self.items.get(item_id)
        if item is None:
            raise _not_found(item_id)
        return item

    async def create_item(self, data: ItemCreate) -> ItemRead:
        return await self.items.add(data)

    async def update_item(self, item_id: int, changes: ItemUpdate) -> ItemRead:
        item = await self.items.update(item_id, changes)
        if item is None:
            raise _not_found(item_id)
        return item

    async def delete_item(self, item_id: int) -> None:
        if not await self.items.delete(item_id):
            raise _not_found(item_id)


def _not_found(item_id: int) -> NotFoundError:
    return NotFoundError(f"Item {item_id} does not exist.")
