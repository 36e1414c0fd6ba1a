from sqlalchemy.orm import joinedload

from shop.forms.product import product_form
from shop.kit.admin.columns import Column, bool_filter, related_filter
from shop.kit.admin.options import ModelAdmin
from shop.kit.admin.site import site
from shop.models.product import Product
from shop.schemas.product import ProductRead
from shop.services.category import categories
from shop.services.product import products


class ProductAdmin(ModelAdmin[Product]):
    """The admin of products (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    ProductAdmin(
        products,
        route="products",
        form=product_form,
        stored=ProductRead,
        columns=(
            Column("Sku", lambda product: product.sku, sort=Product.sku),
            Column("Name", lambda product: product.name, sort=Product.name),
            Column("Price", lambda product: product.price, sort=Product.price, numeric=True),
            Column("Stock", lambda product: product.stock, sort=Product.stock, numeric=True),
            Column("Active", lambda product: product.active, sort=Product.active),
            Column(
                "Category",
                lambda product: product.category,
                sort=Product.category_id,
                href=lambda product: f"/admin/categories/{product.category_id}/",
            ),
        ),
        list_load=(joinedload(Product.category),),
        search_help="sku, name",
        filters=(
            bool_filter(Product.active, "Active"),
            related_filter(Product.category_id, "Category", categories),
        ),
    )
)
router = admin.router
