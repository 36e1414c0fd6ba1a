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


class Ticket(TimestampMixin, Base):
    ...
    status: Mapped[TicketStatus] = mapped_column(
        sa.Enum(TicketStatus, native_enum=False, length=11, values_callable=_enum_values),
        default=TicketStatus.OPEN,
    )
    priority: Mapped[TicketPriority | None] = mapped_column(
        sa.Enum(TicketPriority, native_enum=False, length=6, values_callable=_enum_values)
    )
