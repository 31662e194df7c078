"""Limit/offset pagination shared by every list endpoint."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class PageQuery(BaseModel):
    """Query parameters of a paginated list; domains extend it with their filters."""

    limit: int = Field(default=20, ge=1, le=100, description="How many results to return.")
    # Bounded so that every database accepts it as an OFFSET.
    offset: int = Field(default=0, ge=0, le=2_147_483_647, description="How many results to skip.")


class Page(BaseModel, Generic[T]):
    """One page of results, with the total across all pages."""

    items: list[T]
    total: int
    limit: int
    offset: int
