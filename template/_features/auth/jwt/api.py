{# part: imports #}

from .auth.router import router as auth_router
from .users.router import router as users_router
{# part: account-routers #}

api_router.include_router(users_router)
api_router.include_router(auth_router)
