"""HTTP routes of the users domain."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status

from ..auth.dependencies import AdminUser, CurrentUser
from ..db.session import ConnectionDep
from ..pagination import PageQuery
from .repository import UserRepository
from .schemas import UserCreate, UserPage, UserRead
from .service import UserService

router = APIRouter(prefix="/users", tags=["users"])


async def get_user_service(request: Request, connection: ConnectionDep) -> UserService:
    settings = request.app.state.settings
    return UserService(UserRepository(connection), registration_open=settings.registration_open)


UserServiceDep = Annotated[UserService, Depends(get_user_service)]


@router.post("", status_code=status.HTTP_201_CREATED)
async def register(service: UserServiceDep, data: UserCreate) -> UserRead:
    """Create an account with the `user` role (when REGISTRATION_OPEN is true)."""
    return await service.register(data)


@router.get("/me")
async def read_me(user: CurrentUser) -> UserRead:
    """The account the access token belongs to."""
    return user


@router.get("")
async def list_users(
    service: UserServiceDep, _: AdminUser, query: Annotated[PageQuery, Query()]
) -> UserPage:
    """Every account, one page at a time (admins only)."""
    return await service.list_users(query)
