"""What the API and forms accept and return for categories.

`CategoryCreate` and `CategoryUpdate` validate input like the database would
(lengths, bounds, formats), so invalid data is a 422 with a message per field,
never a database error.
"""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from shop.kit.schemas import (
    Id,
    SafeStr,
    not_null,
)


class CategoryCreate(BaseModel):
    """A new category: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "Name 1", "parent_id": 1}]}
    )

    name: SafeStr = Field(min_length=1, max_length=80)
    parent_id: Id | None = Field(default=None)


class CategoryUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Name 1"}]})

    name: SafeStr | None = Field(
        default=None, min_length=1, max_length=80, json_schema_extra=not_null
    )
    parent_id: Id | None = Field(default=None)

    @field_validator("name")
    @classmethod
    def refuse_null(cls, value: object) -> object:
        """Leaving a field out keeps it; null would empty a required field, so it is refused."""
        if value is None:
            raise ValueError("may not be null")
        return value


class CategoryRead(BaseModel):
    """A category as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    parent_id: int | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class CategoryPage(BaseModel):
    """One page of categories, and where it sits in the whole list."""

    model_config = ConfigDict(from_attributes=True)

    items: list[CategoryRead]
    total: int = Field(description="Rows matching the query, on all pages.")
    page: int
    page_size: int
