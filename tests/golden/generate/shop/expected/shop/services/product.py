"""Database operations on products for the API, pages and admin: the kit's `Crud`, declared."""

from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.models.category import Category
from shop.models.order_line import OrderLine
from shop.models.product import Product

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

products = Crud(
    Product,
    label=Label("product", "products", "a product"),
    load=(joinedload(Product.category),),
    search=(Product.sku, Product.name),
    sort=(
        Product.id,
        Product.created_at,
        Product.updated_at,
        Product.sku,
        Product.name,
        Product.description,
        Product.price,
        Product.stock,
        Product.active,
        Product.category_id,
        Product.launched_on,
    ),
    order=(Product.id.asc(),),
    filters=(
        Product.sku,
        Product.name,
        Product.price,
        Product.stock,
        Product.active,
        Product.category_id,
        Product.launched_on,
    ),
    unique=(Unique(Product.sku, "A product with this sku already exists."),),
    refs=(Ref(Product.category_id, Category, "category"),),
    manys=(),
    referrers=(
        Referrer(
            OrderLine,
            OrderLine.product_id,
            Label("order line", "order lines"),
            "product",
            "restrict",
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
