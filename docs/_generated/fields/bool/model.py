class Task(TimestampMixin, Base):
    ...
    done: Mapped[bool] = mapped_column(sa.Boolean(), default=False)
    #: Urgent tasks are listed first.
    urgent: Mapped[bool] = mapped_column(sa.Boolean(), default=False)
