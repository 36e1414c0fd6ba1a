"""The category model: the `categories` table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.models.product import Product


class Category(TimestampMixin, Base):
    """Category: a row of `categories`."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), unique=True)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    parent: Mapped["Category | None"] = relationship(
        foreign_keys=[parent_id],
        remote_side=[id],
        post_update=True,
        back_populates="children",
        lazy="raise",
    )

    #: The categories whose `parent` is this category.
    children: Mapped[list["Category"]] = relationship(
        foreign_keys="Category.parent_id",
        back_populates="parent",
        lazy="raise",
        passive_deletes=True,
    )

    #: The products whose `category` is this category.
    products: Mapped[list["Product"]] = relationship(
        foreign_keys="Product.category_id",
        back_populates="category",
        lazy="raise",
        passive_deletes=True,
    )

    def __str__(self) -> str:
        return self.name
