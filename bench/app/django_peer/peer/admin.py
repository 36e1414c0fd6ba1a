"""The Django admin of the peer: the blog's Post change list as the spec's `admin:` asks.

`list: [title, status, author, published_at]`, `search: [title, body]`, `filters:
[status, author]`, 50 rows a page like the generated admin; everything else is Django's
default (the action checkboxes, the full result count, select_related of the author
that Django adds for a foreign key shown in the list). Only loaded with
`peer.admin_settings` (bench/app/admin_compare.py): the API peer has no admin.
"""

from django.contrib import admin

from peer.models import Author, Post, Tag


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "author", "published_at")
    search_fields = ("title", "body")
    list_filter = ("status", "author")
    list_per_page = 50


admin.site.register(Author)
admin.site.register(Tag)
