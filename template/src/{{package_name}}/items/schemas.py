"""Request and response models of the items API."""

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..pagination import PageQuery

Name = Annotated[str, Field(min_length=1, max_length=200, examples=["Espresso cup"])]
Description = Annotated[str, Field(max_length=2000, examples=["Porcelain, 90 ml."])]
PriceCents = Annotated[int, Field(ge=0, le=1_000_000_000, description="Price in cents.")]


class ItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name
    description: Description = ""
    price_cents: PriceCents


class ItemUpdate(BaseModel):
    """A partial update: fields left out keep their value; none may be set to null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name | None = None
    description: Description | None = None
    price_cents: PriceCents | None = None

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


ItemSort = Literal["name", "-name", "price_cents", "-price_cents", "created_at", "-created_at"]


class ItemQuery(PageQuery):
    """Filters and ordering of the items list."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(default=None, max_length=200, description="Part of the name.")
    min_price_cents: int | None = Field(default=None, ge=0)
    max_price_cents: int | None = Field(default=None, ge=0)
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
