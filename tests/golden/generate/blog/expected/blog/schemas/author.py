"""What the API and forms accept and return for authors, checked as the database would."""

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field

from blog.kit.schemas import HttpUrlStr, PageOf, SafeStr, not_null, refuse_null


class AuthorCreate(BaseModel):
    """A new author: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Name 1",
                    "email": "email-1@example.com",
                    "bio": "Bio 1",
                    "website": "https://example.com/website/1",
                }
            ]
        },
    )

    name: SafeStr = Field(min_length=1, max_length=120)
    email: EmailStr
    bio: SafeStr | None = Field(default=None)
    website: HttpUrlStr | None = Field(default=None, max_length=2048)


class AuthorUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Name 1"}]})

    name: SafeStr | None = Field(
        default=None, min_length=1, max_length=120, json_schema_extra=not_null
    )
    email: EmailStr | None = Field(default=None, json_schema_extra=not_null)
    bio: SafeStr | None = Field(default=None)
    website: HttpUrlStr | None = Field(default=None, max_length=2048)

    _nulls_refused = refuse_null("name", "email")


class AuthorRead(BaseModel):
    """An author as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    bio: str | None
    website: str | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class AuthorPage(PageOf[AuthorRead]):
    """One page of the list, and where it sits in the whole list."""
