"""What the API and forms accept and return for orders, checked as the database would."""

from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shop.kit.schemas import Id, PageOf, SafeStr, UtcDatetime, not_null, refuse_null
from shop.models.order import OrderStatus


class OrderCreate(BaseModel):
    """A new order: required fields must be present."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "number": "00000000-0000-0000-0000-000000000001",
                    "customer_id": 1,
                    "status": "new",
                    "placed_at": "2024-01-01T01:00:00+00:00",
                    "note": "Note 1",
                }
            ]
        },
    )

    number: UUID
    customer_id: Id
    status: OrderStatus = Field(default=OrderStatus.NEW)
    placed_at: UtcDatetime
    note: SafeStr | None = Field(default=None)


class OrderUpdate(BaseModel):
    """Changes (PATCH): only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"number": "00000000-0000-0000-0000-000000000001"}]},
    )

    number: UUID | None = Field(default=None, json_schema_extra=not_null)
    customer_id: Id | None = Field(default=None, json_schema_extra=not_null)
    status: OrderStatus | None = Field(default=None, json_schema_extra=not_null)
    placed_at: UtcDatetime | None = Field(default=None, json_schema_extra=not_null)
    note: SafeStr | None = Field(default=None)

    _nulls_refused = refuse_null("number", "customer_id", "status", "placed_at")


class OrderRead(BaseModel):
    """An order as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    number: UUID
    customer_id: int
    status: OrderStatus
    placed_at: AwareDatetime
    note: str | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class OrderPage(PageOf[OrderRead]):
    """One page of the list, and where it sits in the whole list."""
