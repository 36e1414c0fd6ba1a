class BookCreate(BaseModel):
    ...
    title: SafeStr = Field(min_length=1, max_length=200)
    subtitle: SafeStr | None = Field(default=None, max_length=255)
    isbn: SafeStr = Field(
        min_length=10, max_length=13, title="ISBN", description="10 or 13 digits, without dashes."
    )


class BookUpdate(BaseModel):
    ...
    title: SafeStr | None = Field(
        default=None, min_length=1, max_length=200, json_schema_extra=not_null
    )
    subtitle: SafeStr | None = Field(default=None, max_length=255)
    isbn: SafeStr | None = Field(
        default=None,
        min_length=10,
        max_length=13,
        title="ISBN",
        description="10 or 13 digits, without dashes.",
        json_schema_extra=not_null,
    )


class BookRead(BaseModel):
    ...
    title: str
    subtitle: str | None
    isbn: str
