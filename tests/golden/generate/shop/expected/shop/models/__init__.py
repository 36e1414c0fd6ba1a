"""Every model of the application.

Importing this package registers every table on `Base.metadata`, which Alembic
autogenerate and the tests rely on: each new model is imported here (scaffold
adds the import for resources it generates).
"""

from shop.models.base import Base
from shop.models.category import Category
from shop.models.order import Order
from shop.models.order_line import OrderLine
from shop.models.product import Product
from shop.models.user import User

__all__ = ["Base", "Category", "Order", "OrderLine", "Product", "User"]
