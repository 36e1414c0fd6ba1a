class HolidayCreate(BaseModel):
    ...
    starts_on: date
    ends_on: date | None = Field(default=None)


class HolidayUpdate(BaseModel):
    ...
    starts_on: date | None = Field(default=None, json_schema_extra=not_null)
    ends_on: date | None = Field(default=None)


class HolidayRead(BaseModel):
    ...
    starts_on: date
    ends_on: date | None
