"""Web pages for posts at /posts/, served by the kit's `Pages` (kit/pages.py)."""

from blog.forms.post import post_form
from blog.kit.pages import Pages
from blog.schemas.post import PostRead
from blog.services.post import posts

router = Pages(
    posts,
    post_form,
    read=PostRead,
    route="posts",
    templates="post",
    var="post",
).router
