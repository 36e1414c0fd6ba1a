class DeviceCreate(BaseModel):
    ...
    serial: UUID
    batch: UUID | None = Field(default=None)


class DeviceUpdate(BaseModel):
    ...
    serial: UUID | None = Field(default=None, json_schema_extra=not_null)
    batch: UUID | None = Field(default=None)


class DeviceRead(BaseModel):
    ...
    serial: UUID
    batch: UUID | None
