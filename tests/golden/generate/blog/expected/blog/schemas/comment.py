"""What the API and forms accept and return for comments, checked as the database would."""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from blog.kit.schemas import Id, PageOf, SafeStr, not_null, refuse_null


class CommentCreate(BaseModel):
    """A new comment: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"post_id": 1, "user_id": 1, "body": "Body 1", "approved": True}]
        },
    )

    post_id: Id
    user_id: Id
    body: SafeStr = Field(min_length=1)
    approved: bool = Field(default=False)


class CommentUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"body": "Body 1"}]})

    post_id: Id | None = Field(default=None, json_schema_extra=not_null)
    user_id: Id | None = Field(default=None, json_schema_extra=not_null)
    body: SafeStr | None = Field(default=None, min_length=1, json_schema_extra=not_null)
    approved: bool | None = Field(default=None, json_schema_extra=not_null)

    _nulls_refused = refuse_null("post_id", "user_id", "body", "approved")


class CommentRead(BaseModel):
    """A comment as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    post_id: int
    user_id: int
    body: str
    approved: bool
    created_at: AwareDatetime
    updated_at: AwareDatetime


class CommentPage(PageOf[CommentRead]):
    """One page of the list, and where it sits in the whole list."""
