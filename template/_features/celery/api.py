{# part: imports #}

from .tasks.router import router as tasks_router
{# part: routers #}

api_router.include_router(tasks_router)
