from sqlalchemy.orm import joinedload

from shop.auth.service import users
from shop.forms.order import order_form
from shop.kit.admin.columns import Column, choice_filter, related_filter
from shop.kit.admin.options import ModelAdmin
from shop.kit.admin.site import site
from shop.models.order import Order, OrderStatus
from shop.schemas.order import OrderRead
from shop.services.order import orders


class OrderAdmin(ModelAdmin[Order]):
    """The admin of orders (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    OrderAdmin(
        orders,
        route="orders",
        form=order_form,
        stored=OrderRead,
        columns=(
            Column("ID", lambda order: order.id, sort=Order.id, numeric=True),
            Column("Number", lambda order: order.number, sort=Order.number),
            Column("Customer", lambda order: order.customer, sort=Order.customer_id),
            Column("Status", lambda order: order.status, sort=Order.status),
        ),
        list_load=(joinedload(Order.customer),),
        filters=(
            related_filter(Order.customer_id, "Customer", users),
            choice_filter(Order.status, "Status", OrderStatus),
        ),
    )
)
router = admin.router
