class PostCreate(BaseModel):
    ...
    tags_ids: list[Id] = Field(default_factory=list[int])
    readers_ids: list[Id] = Field(default_factory=list[int])


class PostUpdate(BaseModel):
    ...
    tags_ids: list[Id] | None = Field(default=None, json_schema_extra=not_null)
    readers_ids: list[Id] | None = Field(default=None, json_schema_extra=not_null)


class PostRead(BaseModel):
    ...
    tags_ids: list[int]
    readers_ids: list[int]
