from blog.forms.author import author_form
from blog.kit.admin.columns import Column
from blog.kit.admin.options import ModelAdmin
from blog.kit.admin.site import site
from blog.models.author import Author
from blog.schemas.author import AuthorRead
from blog.services.author import authors


class AuthorAdmin(ModelAdmin[Author]):
    """The admin of authors (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    AuthorAdmin(
        authors,
        route="authors",
        form=author_form,
        stored=AuthorRead,
        columns=(
            Column("Name", lambda author: author.name, sort=Author.name),
            Column("Email", lambda author: author.email, sort=Author.email),
            Column("Website", lambda author: author.website, sort=Author.website),
        ),
        list_load=(),
        search_help="name, email, website",
    )
)
router = admin.router
