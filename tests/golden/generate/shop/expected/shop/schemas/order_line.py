"""What the API and forms accept and return for order lines, checked as the database would."""

from decimal import Decimal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shop.kit.schemas import MAX_INT, Id, PageOf, not_null, refuse_null


class OrderLineCreate(BaseModel):
    """A new order line: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"order_id": 1, "product_id": 1, "quantity": 1, "unit_price": "1.5"}]
        },
    )

    order_id: Id
    product_id: Id
    quantity: int = Field(ge=1, le=MAX_INT)
    unit_price: Decimal = Field(
        ge=Decimal("-99999999.99"), le=Decimal("99999999.99"), max_digits=10, decimal_places=2
    )


class OrderLineUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"quantity": 1}]})

    order_id: Id | None = Field(default=None, json_schema_extra=not_null)
    product_id: Id | None = Field(default=None, json_schema_extra=not_null)
    quantity: int | None = Field(default=None, ge=1, le=MAX_INT, json_schema_extra=not_null)
    unit_price: Decimal | None = Field(
        default=None,
        ge=Decimal("-99999999.99"),
        le=Decimal("99999999.99"),
        max_digits=10,
        decimal_places=2,
        json_schema_extra=not_null,
    )

    _nulls_refused = refuse_null("order_id", "product_id", "quantity", "unit_price")


class OrderLineRead(BaseModel):
    """An order line as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    order_id: int
    product_id: int
    quantity: int
    unit_price: Decimal
    created_at: AwareDatetime
    updated_at: AwareDatetime


class OrderLinePage(PageOf[OrderLineRead]):
    """One page of the list, and where it sits in the whole list."""
