"""Resources with admin screens; the dashboard and the admin navigation list them.

scaffold appends an entry for each generated resource; add your own the same way.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AdminResource:
    """A resource as the admin lists it."""

    name: str  # the model, e.g. "BlogPost"
    label: str  # shown to people, e.g. "Blog posts"
    url: str  # its admin list, e.g. "/admin/blog-posts/"


ADMIN_RESOURCES: list[AdminResource] = [
    AdminResource(name="Category", label="Categories", url="/admin/categories/"),
    AdminResource(name="Product", label="Products", url="/admin/products/"),
    AdminResource(name="Order", label="Orders", url="/admin/orders/"),
    AdminResource(name="OrderLine", label="Order lines", url="/admin/order-lines/"),
]
