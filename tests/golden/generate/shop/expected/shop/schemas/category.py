"""What the API and forms accept and return for categories, checked as the database would."""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shop.kit.schemas import Id, PageOf, SafeStr, not_null, refuse_null


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

    _nulls_refused = refuse_null("name")


class CategoryRead(BaseModel):
    """A category as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    parent_id: int | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class CategoryPage(PageOf[CategoryRead]):
    """One page of the list, and where it sits in the whole list."""
