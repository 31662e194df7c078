"""HTTP routes of the users: registration, your account, and the admin's list; the accounts
themselves, and signing in, live in auth."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from ..auth.dependencies import AdminUser, CurrentUser
from ..auth.repository import UserRepository
from ..auth.schemas import UserCreate, UserPage, UserRead
from ..auth.service import UserService
from ..auth.sign_in_limits import limit_registration
from ..db.session import ConnectionDep
from ..openapi import location_header
from ..pagination import PageQuery
from ..rate_limits import THROTTLED

router = APIRouter(prefix="/users", tags=["users"])


async def get_user_service(request: Request, connection: ConnectionDep) -> UserService:
    settings = request.app.state.settings
    return UserService(UserRepository(connection), registration_open=settings.registration_open)


UserServiceDep = Annotated[UserService, Depends(get_user_service)]
UserId = Annotated[int, Path(ge=1, le=2_147_483_647, description="The user's id.")]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(limit_registration)],
    responses={201: {"headers": location_header("account")}, **THROTTLED},
)
async def register(
    request: Request, service: UserServiceDep, data: UserCreate, response: Response
) -> UserRead:
    """Create an account with the `user` role (when REGISTRATION_OPEN is true).

    Registrations are limited per client address. A taken address is a 409: registration
    tells whether an account exists, which sign-in never does.
    """
    user = await service.register(data)
    response.headers["Location"] = request.url_for("read_user", user_id=user.id).path
    return user


@router.get("/me")
async def read_me(user: CurrentUser) -> UserRead:
    """The account the access token belongs to."""
    return user


@router.get("/{user_id}")
async def read_user(service: UserServiceDep, reader: CurrentUser, user_id: UserId) -> UserRead:
    """One account: your own, or anyone's for admins; another user's is a 404."""
    return await service.read_user(user_id, reader)


@router.get("")
async def list_users(
    service: UserServiceDep, _: AdminUser, query: Annotated[PageQuery, Query()]
) -> UserPage:
    """Every account, one page at a time (admins only)."""
    return await service.list_users(query)
