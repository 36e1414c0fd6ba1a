"""Every model of the application.

Importing this package registers every table on `Base.metadata`, which Alembic
autogenerate and the tests rely on: each new model is imported here (scaffold
adds the import for resources it generates).
"""

from blog.models.author import Author
from blog.models.base import Base
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.tag import Tag
from blog.models.user import User

__all__ = ["Author", "Base", "Comment", "Post", "Tag", "User"]
