"""What the API and forms accept and return for products, checked as the database would."""

from datetime import date
from decimal import Decimal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue

from shop.kit.schemas import MAX_INT, Id, PageOf, SafeJson, SafeStr, not_null, refuse_null


class ProductCreate(BaseModel):
    """A new product: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "sku": "Sku 1",
                    "name": "Name 1",
                    "description": "Description 1",
                    "price": "1.5",
                    "stock": 1,
                    "active": True,
                    "category_id": 1,
                    "attributes": {"n": 1},
                    "launched_on": "2024-01-02",
                }
            ]
        },
    )

    sku: SafeStr = Field(min_length=1, max_length=32)
    name: SafeStr = Field(min_length=1, max_length=200)
    description: SafeStr | None = Field(default=None)
    price: Decimal = Field(
        ge=Decimal("-99999999.99"), le=Decimal("99999999.99"), max_digits=10, decimal_places=2
    )
    stock: int = Field(default=0, ge=-MAX_INT - 1, le=MAX_INT)
    active: bool = Field(default=True)
    category_id: Id
    attributes: SafeJson | None = Field(default=None)
    launched_on: date | None = Field(default=None)


class ProductUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"sku": "Sku 1"}]})

    sku: SafeStr | None = Field(
        default=None, min_length=1, max_length=32, json_schema_extra=not_null
    )
    name: SafeStr | None = Field(
        default=None, min_length=1, max_length=200, json_schema_extra=not_null
    )
    description: SafeStr | None = Field(default=None)
    price: Decimal | None = Field(
        default=None,
        ge=Decimal("-99999999.99"),
        le=Decimal("99999999.99"),
        max_digits=10,
        decimal_places=2,
        json_schema_extra=not_null,
    )
    stock: int | None = Field(default=None, ge=-MAX_INT - 1, le=MAX_INT, json_schema_extra=not_null)
    active: bool | None = Field(default=None, json_schema_extra=not_null)
    category_id: Id | None = Field(default=None, json_schema_extra=not_null)
    attributes: SafeJson | None = Field(default=None)
    launched_on: date | None = Field(default=None)

    _nulls_refused = refuse_null("sku", "name", "price", "stock", "active", "category_id")


class ProductRead(BaseModel):
    """A product as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    sku: str
    name: str
    description: str | None
    price: Decimal
    stock: int
    active: bool
    category_id: int
    attributes: JsonValue | None
    launched_on: date | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class ProductPage(PageOf[ProductRead]):
    """One page of the list, and where it sits in the whole list."""
