"""HTTP routes of the users domain."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status

from ..auth.dependencies import AdminUser, CurrentUser
from ..auth.sign_in_limits import limit_registration
from ..db.session import ConnectionDep
from ..pagination import PageQuery
from ..rate_limits import THROTTLED
from .repository import UserRepository
from .schemas import UserCreate, UserPage, UserRead
from .service import UserService

router = APIRouter(prefix="/users", tags=["users"])


async def get_user_service(request: Request, connection: ConnectionDep) -> UserService:
    settings = request.app.state.settings
    return UserService(UserRepository(connection), registration_open=settings.registration_open)


UserServiceDep = Annotated[UserService, Depends(get_user_service)]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(limit_registration)],
    responses=THROTTLED,
)
async def register(service: UserServiceDep, data: UserCreate) -> UserRead:
    """Create an account with the `user` role (when REGISTRATION_OPEN is true).

    Registrations are limited per client address. A taken address is a 409: registration
    tells whether an account exists, which sign-in never does.
    """
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
