from sqlalchemy.orm import joinedload

from shop.forms.order_line import order_line_form
from shop.kit.admin.columns import Column, related_filter
from shop.kit.admin.options import ModelAdmin
from shop.kit.admin.site import site
from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineRead
from shop.services.order import orders
from shop.services.order_line import order_lines
from shop.services.product import products


class OrderLineAdmin(ModelAdmin[OrderLine]):
    """The admin of order lines (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    OrderLineAdmin(
        order_lines,
        route="order-lines",
        form=order_line_form,
        stored=OrderLineRead,
        columns=(
            Column("ID", lambda order_line: order_line.id, sort=OrderLine.id, numeric=True),
            Column(
                "Order",
                lambda order_line: order_line.order,
                sort=OrderLine.order_id,
                href=lambda order_line: f"/admin/orders/{order_line.order_id}/",
            ),
            Column(
                "Product",
                lambda order_line: order_line.product,
                sort=OrderLine.product_id,
                href=lambda order_line: f"/admin/products/{order_line.product_id}/",
            ),
            Column(
                "Quantity",
                lambda order_line: order_line.quantity,
                sort=OrderLine.quantity,
                numeric=True,
            ),
        ),
        list_load=(joinedload(OrderLine.order), joinedload(OrderLine.product)),
        filters=(
            related_filter(OrderLine.order_id, "Order", orders),
            related_filter(OrderLine.product_id, "Product", products),
        ),
    )
)
router = admin.router
