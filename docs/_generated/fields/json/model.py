class Webhook(TimestampMixin, Base):
    ...
    payload: Mapped[JsonValue] = mapped_column(sa.JSON(), nullable=False)
    #: Extra HTTP headers, as a JSON object.
    headers: Mapped[JsonValue | None] = mapped_column(sa.JSON(), nullable=True)
