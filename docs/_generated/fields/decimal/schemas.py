class InvoiceCreate(BaseModel):
    ...
    total: Decimal = Field(
        ge=Decimal("-99999999.99"), le=Decimal("99999999.99"), max_digits=10, decimal_places=2
    )
    discount: Decimal | None = Field(
        default=Decimal("0"),
        ge=Decimal("-999.99"),
        le=Decimal("999.99"),
        max_digits=5,
        decimal_places=2,
    )
    tax_rate: Decimal = Field(
        default=Decimal("0.2"), ge=Decimal("0"), le=Decimal("1"), max_digits=4, decimal_places=3
    )


class InvoiceUpdate(BaseModel):
    ...
    total: Decimal | None = Field(
        default=None,
        ge=Decimal("-99999999.99"),
        le=Decimal("99999999.99"),
        max_digits=10,
        decimal_places=2,
        json_schema_extra=not_null,
    )
    discount: Decimal | None = Field(
        default=None, ge=Decimal("-999.99"), le=Decimal("999.99"), max_digits=5, decimal_places=2
    )
    tax_rate: Decimal | None = Field(
        default=None,
        ge=Decimal("0"),
        le=Decimal("1"),
        max_digits=4,
        decimal_places=3,
        json_schema_extra=not_null,
    )


class InvoiceRead(BaseModel):
    ...
    total: Decimal
    discount: Decimal | None
    tax_rate: Decimal
