from sqlalchemy.orm import joinedload

from blog.auth.service import users
from blog.forms.comment import comment_form
from blog.kit.admin.columns import Column, bool_filter, related_filter
from blog.kit.admin.options import ModelAdmin
from blog.kit.admin.site import site
from blog.models.comment import Comment
from blog.schemas.comment import CommentRead
from blog.services.comment import comments
from blog.services.post import posts


class CommentAdmin(ModelAdmin[Comment]):
    """The admin of comments (kit/admin/); override pages or hooks (`can`, `on_change`) here."""


admin = site.register(
    CommentAdmin(
        comments,
        route="comments",
        form=comment_form,
        stored=CommentRead,
        columns=(
            Column("ID", lambda comment: comment.id, sort=Comment.id, numeric=True),
            Column(
                "Post",
                lambda comment: comment.post,
                sort=Comment.post_id,
                href=lambda comment: f"/admin/posts/{comment.post_id}/",
            ),
            Column("User", lambda comment: comment.user, sort=Comment.user_id),
            Column("Approved", lambda comment: comment.approved, sort=Comment.approved),
        ),
        list_load=(joinedload(Comment.post), joinedload(Comment.user)),
        filters=(
            related_filter(Comment.post_id, "Post", posts),
            related_filter(Comment.user_id, "User", users),
            bool_filter(Comment.approved, "Approved"),
        ),
    )
)
router = admin.router
