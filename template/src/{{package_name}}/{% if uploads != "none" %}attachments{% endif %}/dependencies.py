"""Dependency wiring of the attachments domain."""

from typing import Annotated

from fastapi import Depends, Request

from ..after_commit import AfterCommitDep
from ..items.dependencies import ItemServiceDep
from ..settings import Settings
from .cleanup import DoomedFilesDep
from .repository import AttachmentRepositoryDep
from .service import AttachmentService


async def get_attachment_service(
    request: Request,
    items: ItemServiceDep,
    attachments: AttachmentRepositoryDep,
    doomed: DoomedFilesDep,
    after_commit: AfterCommitDep,
) -> AttachmentService:
    settings: Settings = request.app.state.settings
    return AttachmentService(items, attachments, doomed, settings, after_commit)


AttachmentServiceDep = Annotated[AttachmentService, Depends(get_attachment_service)]
