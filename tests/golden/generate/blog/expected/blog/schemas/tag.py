"""What the API and forms accept and return for tags.

`TagCreate` and `TagUpdate` validate input like the database would
(lengths, bounds, formats), so invalid data is a 422 with a message per field,
never a database error.
"""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from blog.kit.schemas import (
    SafeStr,
    not_null,
)


class TagCreate(BaseModel):
    """A new tag: required fields must be present."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Name 1"}]})

    name: SafeStr = Field(min_length=1, max_length=50)


class TagUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Name 1"}]})

    name: SafeStr | None = Field(
        default=None, min_length=1, max_length=50, json_schema_extra=not_null
    )

    @field_validator("name")
    @classmethod
    def refuse_null(cls, value: object) -> object:
        """Leaving a field out keeps it; null would empty a required field, so it is refused."""
        if value is None:
            raise ValueError("may not be null")
        return value


class TagRead(BaseModel):
    """A tag as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: AwareDatetime
    updated_at: AwareDatetime


class TagPage(BaseModel):
    """One page of tags, and where it sits in the whole list."""

    model_config = ConfigDict(from_attributes=True)

    items: list[TagRead]
    total: int = Field(description="Rows matching the query, on all pages.")
    page: int
    page_size: int
