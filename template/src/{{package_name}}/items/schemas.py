"""Request and response models of the items API."""

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from ..pagination import Page, PageQuery

# Bounds match the columns, so bad input is a 422 and never a database error.
# Control characters are refused (PostgreSQL cannot store NUL); descriptions
# may still hold tabs and line breaks.
SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"
MULTI_LINE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"

Name = Annotated[str, Field(min_length=1, max_length=200, pattern=SINGLE_LINE, examples=["Cup"])]
Description = Annotated[str, Field(max_length=2000, pattern=MULTI_LINE)]
PriceCents = Annotated[int, Field(ge=0, le=1_000_000_000, description="Price in cents.")]


class ItemCreate(BaseModel):
    # Strict: JSON `true` is not a price, nor "12" a number.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    name: Name
    description: Description = ""
    price_cents: PriceCents


class ItemUpdate(BaseModel):
    """A partial update: fields left out keep their value; none may be set to null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    # SkipJsonSchema: the schema shows what clients may send, which is never null.
    name: Name | SkipJsonSchema[None] = None
    description: Description | SkipJsonSchema[None] = None
    price_cents: PriceCents | SkipJsonSchema[None] = None

    @field_validator("name", "description", "price_cents")
    @classmethod
    def reject_null(cls, value: object) -> object:
        # Only explicit values reach this validator; omitted fields keep their default.
        if value is None:
            msg = "may be omitted but not null"
            raise ValueError(msg)
        return value


class ItemRead(BaseModel):
    """An item as clients see it; internal columns (such as `version`) stay hidden."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str
    price_cents: int
    created_at: datetime
    updated_at: datetime


# The list endpoint's response: one page of items and the total.
ItemPage = Page[ItemRead]

ItemSort = Literal["name", "-name", "price_cents", "-price_cents", "created_at", "-created_at"]


class ItemQuery(PageQuery):
    """Filters and ordering of the items list."""

    model_config = ConfigDict(extra="forbid")

    q: Name | None = Field(default=None, description="Part of the name.")
    min_price_cents: PriceCents | None = None
    max_price_cents: PriceCents | None = None
    sort: ItemSort = Field(default="-created_at", description="Sort field; `-` for descending.")

    @model_validator(mode="after")
    def check_price_range(self) -> Self:
        if (
            self.min_price_cents is not None
            and self.max_price_cents is not None
            and self.min_price_cents > self.max_price_cents
        ):
            msg = "min_price_cents must not exceed max_price_cents"
            raise ValueError(msg)
        return self
