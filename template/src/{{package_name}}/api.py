"""Version 1 of the public API: every domain router is mounted here."""

from fastapi import APIRouter

from .errors import ERROR_RESPONSES
from .items.router import router as items_router

api_router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)
api_router.include_router(items_router)
