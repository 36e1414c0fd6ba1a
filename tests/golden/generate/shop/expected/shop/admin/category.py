from sqlalchemy.orm import joinedload

from shop.forms.category import category_form
from shop.kit.admin.columns import Column, related_filter
from shop.kit.admin.options import ModelAdmin
from shop.kit.admin.site import site
from shop.models.category import Category
from shop.schemas.category import CategoryRead
from shop.services.category import categories


class CategoryAdmin(ModelAdmin[Category]):
    """The admin of categories (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    CategoryAdmin(
        categories,
        route="categories",
        form=category_form,
        stored=CategoryRead,
        columns=(
            Column("Name", lambda category: category.name, sort=Category.name),
            Column(
                "Parent",
                lambda category: category.parent,
                sort=Category.parent_id,
                href=lambda category: (
                    None
                    if category.parent_id is None
                    else f"/admin/categories/{category.parent_id}/"
                ),
            ),
        ),
        list_load=(joinedload(Category.parent),),
        search_help="name",
        filters=(related_filter(Category.parent_id, "Parent", categories),),
    )
)
router = admin.router
