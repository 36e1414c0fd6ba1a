class BookmarkCreate(BaseModel):
    ...
    address: HttpUrlStr = Field(min_length=1, max_length=2048)
    icon: HttpUrlStr | None = Field(default=None, max_length=2048)


class BookmarkUpdate(BaseModel):
    ...
    address: HttpUrlStr | None = Field(
        default=None, min_length=1, max_length=2048, json_schema_extra=not_null
    )
    icon: HttpUrlStr | None = Field(default=None, max_length=2048)


class BookmarkRead(BaseModel):
    ...
    address: str
    icon: str | None
