"""The order model: the `orders` table."""

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.models.order_line import OrderLine
    from shop.models.user import User


class OrderStatus(StrEnum):
    """Values of `Order.status`; the database stores the values, not the names."""

    NEW = "new"
    PAID = "paid"
    ON_HOLD = "on hold"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


def _enum_values(enum: type[StrEnum]) -> list[str]:
    """What SQLAlchemy stores for an enum column: the values (`on hold`), not `ON_HOLD`."""
    return [member.value for member in enum]


class Order(TimestampMixin, Base):
    """Order: a row of `orders`."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[UUID] = mapped_column(sa.Uuid(), unique=True)
    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    customer: Mapped["User"] = relationship(
        foreign_keys=[customer_id], back_populates="orders", lazy="raise"
    )
    status: Mapped[OrderStatus] = mapped_column(
        sa.Enum(OrderStatus, native_enum=False, length=9, values_callable=_enum_values),
        default=OrderStatus.NEW,
    )
    placed_at: Mapped[datetime] = mapped_column()
    note: Mapped[str | None] = mapped_column(sa.Text())

    #: The order lines whose `order` is this order.
    lines: Mapped[list["OrderLine"]] = relationship(
        foreign_keys="OrderLine.order_id",
        back_populates="order",
        lazy="raise",
        passive_deletes=True,
    )

    def __str__(self) -> str:
        return f"Order #{self.id}"


#: The index of the default order (`ordering: [-placed_at]`): a page of a
#: list reads its first entries instead of sorting every matching row.
sa.Index("ix_orders_ordering", Order.placed_at.desc(), Order.id)
