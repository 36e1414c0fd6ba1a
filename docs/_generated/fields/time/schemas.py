class ShopCreate(BaseModel):
    ...
    opens_at: LocalTime
    closes_at: LocalTime | None = Field(default=None)


class ShopUpdate(BaseModel):
    ...
    opens_at: LocalTime | None = Field(default=None, json_schema_extra=not_null)
    closes_at: LocalTime | None = Field(default=None)


class ShopRead(BaseModel):
    ...
    opens_at: LocalTime
    closes_at: LocalTime | None
