"""The user model: who can log in, and what they may do."""

from typing import TYPE_CHECKING

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.models.order import Order


class User(TimestampMixin, Base):
    """A person who can log in. Staff may use the admin; superusers may do anything."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    is_staff: Mapped[bool] = mapped_column(default=False)
    is_superuser: Mapped[bool] = mapped_column(default=False)
    #: Carried by the user's session cookies and bearer tokens; bumped on logout and on
    #: a password change, which makes every copy issued before worthless.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    # Reverse relationships of generated resources that reference User are added
    # below this line by scaffold (e.g. `posts: Mapped[list["Post"]]`).

    orders: Mapped[list["Order"]] = relationship(
        back_populates="customer",
        foreign_keys="Order.customer_id",
        passive_deletes=True,
        lazy="raise",
    )

    def __str__(self) -> str:
        return self.email
