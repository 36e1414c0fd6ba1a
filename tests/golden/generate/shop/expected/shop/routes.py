"""Every router of the application, included in one place (scaffold adds generated ones).

The project's own routers are imported under private names: a resource's are
`<snake>_api`, `<snake>_views` and `<snake>_admin`, which for a resource named
Auth or Admin would be the same names.
"""

from fastapi import FastAPI

from shop import health, pages
from shop.admin import category as category_admin
from shop.admin import order as order_admin
from shop.admin import order_line as order_line_admin
from shop.admin import product as product_admin
from shop.admin import views as _admin_views
from shop.api import category as category_api
from shop.api import order as order_api
from shop.api import order_line as order_line_api
from shop.api import product as product_api
from shop.auth import api as _auth_api
from shop.auth import views as _auth_views
from shop.views import category as category_views
from shop.views import order as order_views
from shop.views import product as product_views


def include_routers(app: FastAPI) -> None:
    """HTML pages at the root, the JSON API under /api, staff screens under /admin."""
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(_auth_views.router)
    app.include_router(_auth_api.router, prefix="/api")
    app.include_router(_admin_views.router, prefix="/admin")
    app.include_router(category_api.router, prefix="/api")
    app.include_router(category_views.router)
    app.include_router(category_admin.router, prefix="/admin")
    app.include_router(product_api.router, prefix="/api")
    app.include_router(product_views.router)
    app.include_router(product_admin.router, prefix="/admin")
    app.include_router(order_api.router, prefix="/api")
    app.include_router(order_views.router)
    app.include_router(order_admin.router, prefix="/admin")
    app.include_router(order_line_api.router, prefix="/api")
    app.include_router(order_line_admin.router, prefix="/admin")
