"""HTTP routes of the items domain: thin functions that call the service."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from .dependencies import ItemServiceDep
from .schemas import ItemCreate, ItemPage, ItemQuery, ItemRead, ItemUpdate

router = APIRouter(prefix="/items", tags=["items"])

ItemId = Annotated[int, Path(ge=1, le=2_147_483_647, description="The item's id.")]


@router.get("")
async def list_items(service: ItemServiceDep, query: Annotated[ItemQuery, Query()]) -> ItemPage:
    """List items, filtered and sorted, one page at a time."""
    return await service.list_items(query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_item(service: ItemServiceDep, data: ItemCreate) -> ItemRead:
    return await service.create_item(data)


@router.get("/{item_id}")
async def get_item(service: ItemServiceDep, item_id: ItemId) -> ItemRead:
    return await service.get_item(item_id)


@router.patch("/{item_id}")
async def update_item(service: ItemServiceDep, item_id: ItemId, changes: ItemUpdate) -> ItemRead:
    """Change some fields of an item."""
    return await service.update_item(item_id, changes)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_item(service: ItemServiceDep, item_id: ItemId) -> None:
    await service.delete_item(item_id)
