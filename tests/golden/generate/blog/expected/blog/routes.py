"""Every router of the application, included in one place (scaffold adds generated ones).

The project's own routers are imported under private names: a resource's are
`<snake>_api`, `<snake>_views` and `<snake>_admin`, which for a resource named
Auth or Admin would be the same names.
"""

from fastapi import FastAPI

from blog import health, pages
from blog.admin import author as author_admin
from blog.admin import comment as comment_admin
from blog.admin import post as post_admin
from blog.admin import tag as tag_admin
from blog.admin import views as _admin_views
from blog.api import author as author_api
from blog.api import comment as comment_api
from blog.api import post as post_api
from blog.api import tag as tag_api
from blog.auth import api as _auth_api
from blog.auth import views as _auth_views
from blog.views import author as author_views
from blog.views import post as post_views
from blog.views import tag as tag_views


def include_routers(app: FastAPI) -> None:
    """HTML pages at the root, the JSON API under /api, staff screens under /admin."""
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(_auth_views.router)
    app.include_router(_auth_api.router, prefix="/api")
    app.include_router(_admin_views.router, prefix="/admin")
    app.include_router(author_api.router, prefix="/api")
    app.include_router(author_views.router)
    app.include_router(author_admin.router, prefix="/admin")
    app.include_router(tag_api.router, prefix="/api")
    app.include_router(tag_views.router)
    app.include_router(tag_admin.router, prefix="/admin")
    app.include_router(post_api.router, prefix="/api")
    app.include_router(post_views.router)
    app.include_router(post_admin.router, prefix="/admin")
    app.include_router(comment_api.router, prefix="/api")
    app.include_router(comment_admin.router, prefix="/admin")
