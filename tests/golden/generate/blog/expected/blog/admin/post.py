from sqlalchemy.orm import joinedload

from blog.forms.post import post_form
from blog.kit.admin.columns import Column, choice_filter, related_filter
from blog.kit.admin.options import ModelAdmin
from blog.kit.admin.site import site
from blog.models.post import Post, PostStatus
from blog.schemas.post import PostRead
from blog.services.author import authors
from blog.services.post import posts


class PostAdmin(ModelAdmin[Post]):
    """The admin of posts (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    PostAdmin(
        posts,
        route="posts",
        form=post_form,
        stored=PostRead,
        columns=(
            Column("Title", lambda post: post.title, sort=Post.title),
            Column("Status", lambda post: post.status, sort=Post.status),
            Column(
                "Author",
                lambda post: post.author,
                sort=Post.author_id,
                href=lambda post: f"/admin/authors/{post.author_id}/",
            ),
            Column("Published at", lambda post: post.published_at, sort=Post.published_at),
        ),
        list_load=(joinedload(Post.author),),
        search_help="title, body",
        filters=(
            choice_filter(Post.status, "Status", PostStatus),
            related_filter(Post.author_id, "Author", authors),
        ),
    )
)
router = admin.router
