"""What the API and forms accept and return for comments.

`CommentCreate` and `CommentUpdate` validate input like the database would
(lengths, bounds, formats), so invalid data is a 422 with a message per field,
never a database error.
"""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from blog.kit.schemas import (
    Id,
    SafeStr,
    not_null,
)


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

    @field_validator("post_id", "user_id", "body", "approved")
    @classmethod
    def refuse_null(cls, value: object) -> object:
        """Leaving a field out keeps it; null would empty a required field, so it is refused."""
        if value is None:
            raise ValueError("may not be null")
        return value


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


class CommentPage(BaseModel):
    """One page of comments, and where it sits in the whole list."""

    model_config = ConfigDict(from_attributes=True)

    items: list[CommentRead]
    total: int = Field(description="Rows matching the query, on all pages.")
    page: int
    page_size: int
