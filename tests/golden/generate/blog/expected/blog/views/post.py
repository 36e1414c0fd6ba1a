"""Web pages for posts: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /posts/ from this declaration:
what they show is in templates/post/, the form's inputs in forms/post.py,
what is valid in the schemas and how rows are stored in services/post.py.
Subclass `Pages` and override a method to change what a page does.
"""

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
