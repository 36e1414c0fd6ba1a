"""The generated blog's tables, read by Django (`managed = False`: the generated app's
Alembic migrations created them, so both apps read the very same rows)."""

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254, unique=True)
    bio = models.TextField(null=True)
    website = models.URLField(max_length=2048, null=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "authors"

    def __str__(self) -> str:  # the admin's author column and filter show the name
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "tags"

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=255, unique=True)
    body = models.TextField()
    status = models.CharField(
        max_length=9,
        choices=[("draft", "draft"), ("published", "published"), ("archived", "archived")],
        default="draft",
    )
    published_at = models.DateTimeField(null=True)
    views = models.IntegerField(default=0)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="posts")
    reviewer = models.ForeignKey(
        Author, on_delete=models.SET_NULL, null=True, related_name="reviewed_posts"
    )
    tags = models.ManyToManyField(Tag, db_table="posts_tags", related_name="posts")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "posts"
        # The spec's `ordering: [-published_at, title]`, id breaking ties like the generated app.
        ordering = ("-published_at", "title", "id")
