"""The attachments table: the files of each item, by the random key they are stored under."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base, UTCDateTime


class Attachment(Base):
    __tablename__ = "attachments"

    # A random UUID, also the stored object's name: it tells nothing of the file or its owner.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Null once the attachment or its item is deleted: the file is doomed, and the sweep
    # (cleanup.py) removes it from storage, then the row.
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="SET NULL"), index=True
    )
    # The name the client gave, cleaned: shown and offered back on download, never a path.
    filename: Mapped[str] = mapped_column(String(255))
    # Read from the file's first bytes, not from what the client declared.
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
