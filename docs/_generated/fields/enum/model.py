class TicketStatus(StrEnum):
    """Values of `Ticket.status`; the database stores the values, not the names."""

    OPEN = "open"
    IN_PROGRESS = "in progress"
    CLOSED = "closed"


class TicketPriority(StrEnum):
    """Values of `Ticket.priority`; the database stores the values, not the names."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


def enum_values(enum: type[StrEnum]) -> list[str]:
    """What SQLAlchemy stores for an enum column: the values (`on hold`), not `ON_HOLD`."""
    return [member.value for member in enum]


class Ticket(TimestampMixin, Base):
    ...
    status: Mapped[TicketStatus] = mapped_column(
        Enum(TicketStatus, native_enum=False, length=11, values_callable=enum_values),
        default=TicketStatus.OPEN,
    )
    priority: Mapped[TicketPriority | None] = mapped_column(
        Enum(TicketPriority, native_enum=False, length=6, values_callable=enum_values)
    )
