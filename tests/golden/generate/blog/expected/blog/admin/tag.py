from blog.forms.tag import tag_form
from blog.kit.admin.columns import Column
from blog.kit.admin.options import ModelAdmin
from blog.kit.admin.site import site
from blog.models.tag import Tag
from blog.schemas.tag import TagRead
from blog.services.tag import tags


class TagAdmin(ModelAdmin[Tag]):
    """The admin of tags (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


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
