"""Database operations on categories for the API, pages and admin: the kit's `Crud`, declared."""

from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.models.category import Category
from shop.models.product import Product

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

categories = Crud(
    Category,
    label=Label("category", "categories", "a category"),
    load=(joinedload(Category.parent),),
    search=(Category.name,),
    sort=(Category.id, Category.created_at, Category.updated_at, Category.name, Category.parent_id),
    order=(Category.id.asc(),),
    filters=(Category.name, Category.parent_id),
    unique=(Unique(Category.name, "A category with this name already exists."),),
    refs=(Ref(Category.parent_id, Category, "parent"),),
    manys=(),
    referrers=(
        Referrer(
            Category, Category.parent_id, Label("category", "categories"), "parent", "set_null"
        ),
        Referrer(
            Product, Product.category_id, Label("product", "products"), "category", "restrict"
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
