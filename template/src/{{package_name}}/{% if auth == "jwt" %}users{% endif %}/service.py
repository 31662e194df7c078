"""User use cases: registration, reading an account, and the admin's view of every account."""

from ..auth.passwords import hash_password
from ..errors import ForbiddenError, NotFoundError
from ..pagination import PageQuery
from .repository import UserRepository
from .schemas import Role, UserCreate, UserPage, UserRead


class UserService:
    def __init__(self, users: UserRepository, *, registration_open: bool) -> None:
        self.users = users
        self.registration_open = registration_open

    async def register(self, data: UserCreate) -> UserRead:
        if not self.registration_open:
            msg = "Registration is closed; ask an administrator for an account."
            raise ForbiddenError(msg)
        return await self.users.add(data.email, await hash_password(data.password), Role.USER)

    async def read_user(self, user_id: int, reader: UserRead) -> UserRead:
        """The account, if `reader` may see it: as if it did not exist otherwise."""
        may_read = reader.role == Role.ADMIN or reader.id == user_id
        user = await self.users.get(user_id) if may_read else None
        if user is None:
            msg = "No such user."
            raise NotFoundError(msg)
        return user

    async def list_users(self, query: PageQuery) -> UserPage:
        return await self.users.page(query)
