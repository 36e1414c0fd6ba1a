class ArticleCreate(BaseModel):
    ...
    body: SafeStr = Field(min_length=1)
    summary: SafeStr | None = Field(default=None, max_length=500)


class ArticleUpdate(BaseModel):
    ...
    body: SafeStr | None = Field(default=None, min_length=1, json_schema_extra=not_null)
    summary: SafeStr | None = Field(default=None, max_length=500)


class ArticleRead(BaseModel):
    ...
    body: str
    summary: str | None
