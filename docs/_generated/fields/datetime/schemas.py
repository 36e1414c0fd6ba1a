class MeetingCreate(BaseModel):
    ...
    starts_at: UtcDatetime
    cancelled_at: UtcDatetime | None = Field(default=None)


class MeetingUpdate(BaseModel):
    ...
    starts_at: UtcDatetime | None = Field(default=None, json_schema_extra=not_null)
    cancelled_at: UtcDatetime | None = Field(default=None)


class MeetingRead(BaseModel):
    ...
    starts_at: AwareDatetime
    cancelled_at: AwareDatetime | None
