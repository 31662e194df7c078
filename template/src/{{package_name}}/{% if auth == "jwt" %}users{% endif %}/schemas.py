"""Request and response models of the users API."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..pagination import Page


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


# A pragmatic check (one @, a dot in the domain, no spaces or control characters);
# whether the address works is for a confirmation mail to find out.
_ADDRESS_PART = r"[^@\s\x00-\x1f\x7f]+"
MAX_EMAIL_LENGTH = 254


def lowercased(address: str) -> str:
    """The address as accounts keep it; lowercasing can lengthen it ("İ" becomes two)."""
    lowered = address.lower()
    if len(lowered) > MAX_EMAIL_LENGTH:
        msg = f"must have at most {MAX_EMAIL_LENGTH} characters once lowercased"
        raise ValueError(msg)
    return lowered


Email = Annotated[
    str,
    Field(
        max_length=MAX_EMAIL_LENGTH,
        pattern=rf"^{_ADDRESS_PART}@{_ADDRESS_PART}\.{_ADDRESS_PART}$",
        examples=["ada@example.com"],
    ),
    AfterValidator(lowercased),
]
EMAIL = TypeAdapter(Email)


def stored_email(text: str) -> str | None:
    """`text` as an account's address is kept, or None when no account could have it."""
    try:
        return EMAIL.validate_python(text)
    except ValidationError:
        return None


# Long passphrases are welcome; the upper bound keeps hashing cheap to refuse.
Password = Annotated[str, Field(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    password: Password


class UserRead(BaseModel):
    """A user as clients see it; the password hash stays hidden."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    role: Role
    created_at: datetime


UserPage = Page[UserRead]
