class PostCreate(BaseModel):
    ...
    tag_ids: list[Id] = Field(default_factory=list[int])
    reader_ids: list[Id] = Field(default_factory=list[int])


class PostUpdate(BaseModel):
    ...
    tag_ids: list[Id] | None = Field(default=None, json_schema_extra=not_null)
    reader_ids: list[Id] | None = Field(default=None, json_schema_extra=not_null)


class PostRead(BaseModel):
    ...
    tag_ids: list[int]
    reader_ids: list[int]
