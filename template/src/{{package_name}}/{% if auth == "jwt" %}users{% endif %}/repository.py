"""Users stored with SQLAlchemy Core on the request's connection."""

from dataclasses import dataclass

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
_BY_ID = select(*_READ_COLUMNS, User.token_generation).where(User.id == bindparam("user_id"))


@dataclass(frozen=True)
class Account:
    """A user, with what only authentication reads."""

    user: UserRead
    password_hash: str
    # The generation the user's access tokens must carry (see User.token_generation).
    token_generation: int


class UserRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    async def get(self, user_id: int) -> UserRead | None:
        found = await self.get_with_token_generation(user_id)
        return found[0] if found else None

    async def get_with_token_generation(self, user_id: int) -> tuple[UserRead, int] | None:
        """The user, and the generation their access tokens must carry."""
        row = (await self.connection.execute(_BY_ID, {"user_id": user_id})).first()
        if row is None:
            return None
        return UserRead.model_validate(row), row.token_generation

    async def account(self, email: str) -> Account | None:
        """The account with this address, for signing in."""
        statement = select(*_READ_COLUMNS, User.password_hash, User.token_generation).where(
            User.email == email
        )
        row = (await self.connection.execute(statement)).first()
        if row is None:
            return None
        return Account(UserRead.model_validate(row), row.password_hash, row.token_generation)

    async def lock(self, user_id: int) -> None:
        """Hold the user's row until the transaction ends.

        Every change to the user's refresh tokens takes this row first, so that no two
        wait for each other: on MySQL, storing a token reads the row (its foreign key
        check) once the token's own row is in place, and concurrent refreshes that took
        tokens first and the row second deadlocked.
        """
        await self.connection.execute(select(User.id).where(User.id == user_id).with_for_update())

    async def end_access_tokens(self, user_id: int) -> None:
        """Raise the user's token generation: every access token issued so far stops working."""
        statement = (
            update(User)
            .where(User.id == user_id)
            .values(token_generation=User.token_generation + 1)
        )
        await self.connection.execute(statement)

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
