class ProductCreate(BaseModel):
    ...
    stock: int = Field(default=0, ge=-MAX_INT - 1, le=MAX_INT)
    rating: int | None = Field(default=None, ge=1, le=5)


class ProductUpdate(BaseModel):
    ...
    stock: int | None = Field(default=None, ge=-MAX_INT - 1, le=MAX_INT, json_schema_extra=not_null)
    rating: int | None = Field(default=None, ge=1, le=5)


class ProductRead(BaseModel):
    ...
    stock: int
    rating: int | None
