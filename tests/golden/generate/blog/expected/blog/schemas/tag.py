"""What the API and forms accept and return for tags, checked as the database would."""

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from blog.kit.schemas import PageOf, SafeStr, not_null, refuse_null


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

    _nulls_refused = refuse_null("name")


class TagRead(BaseModel):
    """A tag as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: AwareDatetime
    updated_at: AwareDatetime


class TagPage(PageOf[TagRead]):
    """One page of the list, and where it sits in the whole list."""
