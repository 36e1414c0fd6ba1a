"""Production-like settings: DEBUG off, persistent database connections, Django's default
middleware; the database comes from the environment (PEER_DB_* variables, set by compare.py).
"""

import os

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key-not-for-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "peer.urls"
WSGI_APPLICATION = "peer.wsgi.application"
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "peer",
]

# What `django-admin startproject` writes (messages and clickjacking aside: no pages here).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

_ENGINE = os.environ.get("PEER_DB_ENGINE", "sqlite")
DATABASES = {
    "default": {
        "ENGINE": f"django.db.backends.{_ENGINE}",
        "NAME": os.environ.get("PEER_DB_NAME", "blog.db"),
        "HOST": os.environ.get("PEER_DB_HOST", ""),
        "PORT": os.environ.get("PEER_DB_PORT", ""),
        "USER": os.environ.get("PEER_DB_USER", ""),
        # One connection per worker kept open between requests (the default reconnects
        # every request, which no production deployment wants).
        "CONN_MAX_AGE": None,
    }
}

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "peer.pagination.ItemsPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "PAGE_SIZE": 20,
}
