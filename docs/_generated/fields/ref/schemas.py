class PostCreate(BaseModel):
    ...
    author_id: Id
    editor_id: Id | None = Field(default=None)


class PostUpdate(BaseModel):
    ...
    author_id: Id | None = Field(default=None, json_schema_extra=not_null)
    editor_id: Id | None = Field(default=None)


class PostRead(BaseModel):
    ...
    author_id: int
    editor_id: int | None
