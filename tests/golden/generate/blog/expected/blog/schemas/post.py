"""What the API and forms accept and return for posts, checked as the database would."""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from blog.kit.schemas import MAX_INT, Id, PageOf, SafeStr, Slug, UtcDatetime, not_null, refuse_null
from blog.models.post import PostStatus


class PostCreate(BaseModel):
    """A new post: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Title 1",
                    "slug": "slug-1",
                    "body": "Body 1",
                    "status": "draft",
                    "published_at": "2024-01-01T01:00:00+00:00",
                    "views": 1,
                    "author_id": 1,
                    "reviewer_id": 1,
                    "tag_ids": [1],
                }
            ]
        },
    )

    title: SafeStr = Field(min_length=1, max_length=200)
    slug: Slug = Field(min_length=1, max_length=255)
    body: SafeStr = Field(min_length=1)
    status: PostStatus = Field(default=PostStatus.DRAFT)
    published_at: UtcDatetime | None = Field(default=None)
    views: int = Field(default=0, ge=-MAX_INT - 1, le=MAX_INT)
    author_id: Id
    reviewer_id: Id | None = Field(default=None)
    tag_ids: list[Id] = Field(default_factory=list[int])


class PostUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"title": "Title 1"}]}
    )

    title: SafeStr | None = Field(
        default=None, min_length=1, max_length=200, json_schema_extra=not_null
    )
    slug: Slug | None = Field(
        default=None, min_length=1, max_length=255, json_schema_extra=not_null
    )
    body: SafeStr | None = Field(default=None, min_length=1, json_schema_extra=not_null)
    status: PostStatus | None = Field(default=None, json_schema_extra=not_null)
    published_at: UtcDatetime | None = Field(default=None)
    views: int | None = Field(default=None, ge=-MAX_INT - 1, le=MAX_INT, json_schema_extra=not_null)
    author_id: Id | None = Field(default=None, json_schema_extra=not_null)
    reviewer_id: Id | None = Field(default=None)
    tag_ids: list[Id] | None = Field(default=None, json_schema_extra=not_null)

    _nulls_refused = refuse_null("title", "slug", "body", "status", "views", "author_id", "tag_ids")


class PostRead(BaseModel):
    """A post as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    slug: str
    body: str
    status: PostStatus
    published_at: AwareDatetime | None
    views: int
    author_id: int
    reviewer_id: int | None
    tag_ids: list[int]
    created_at: AwareDatetime
    updated_at: AwareDatetime


class PostPage(PageOf[PostRead]):
    """One page of the list, and where it sits in the whole list."""
