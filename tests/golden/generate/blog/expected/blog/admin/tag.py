"""Admin of tags: what its change list shows, searches and filters.

The kit (`kit/admin/`) serves the pages from these declarations: list, add, change,
delete, bulk actions. Override a page or hook by subclassing `ModelAdmin` here.
"""

from blog.forms.tag import tag_form
from blog.kit.admin.columns import Column
from blog.kit.admin.options import ModelAdmin
from blog.kit.admin.site import site
from blog.models.tag import Tag
from blog.schemas.tag import TagRead
from blog.services.tag import tags


class TagAdmin(ModelAdmin[Tag]):
    """The admin of tags; override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    TagAdmin(
        tags,
        route="tags",
        form=tag_form,
        stored=TagRead,
        columns=(Column("Name", lambda tag: tag.name, sort=Tag.name),),
        list_load=(),
        search_help="name",
    )
)
router = admin.router
