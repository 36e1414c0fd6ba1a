class DownloadCreate(BaseModel):
    ...
    size_in_bytes: int = Field(ge=-MAX_BIGINT - 1, le=MAX_BIGINT)
    times_served: int = Field(default=0, ge=-MAX_BIGINT - 1, le=MAX_BIGINT)


class DownloadUpdate(BaseModel):
    ...
    size_in_bytes: int | None = Field(
        default=None, ge=-MAX_BIGINT - 1, le=MAX_BIGINT, json_schema_extra=not_null
    )
    times_served: int | None = Field(
        default=None, ge=-MAX_BIGINT - 1, le=MAX_BIGINT, json_schema_extra=not_null
    )


class DownloadRead(BaseModel):
    ...
    size_in_bytes: int
    times_served: int
