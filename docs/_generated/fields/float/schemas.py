class MeasurementCreate(BaseModel):
    ...
    value: float = Field(allow_inf_nan=False)
    accuracy: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)


class MeasurementUpdate(BaseModel):
    ...
    value: float | None = Field(default=None, allow_inf_nan=False, json_schema_extra=not_null)
    accuracy: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)


class MeasurementRead(BaseModel):
    ...
    value: float
    accuracy: float | None
