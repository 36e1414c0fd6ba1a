class PageCreate(BaseModel):
    ...
    slug: Slug = Field(min_length=1, max_length=80)


class PageUpdate(BaseModel):
    ...
    slug: Slug | None = Field(default=None, min_length=1, max_length=80, json_schema_extra=not_null)


class PageRead(BaseModel):
    ...
    slug: str
