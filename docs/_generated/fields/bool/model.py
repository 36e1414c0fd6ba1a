class Task(TimestampMixin, Base):
    ...
    done: Mapped[bool] = mapped_column(Boolean(), default=False)
    #: Urgent tasks are listed first.
    urgent: Mapped[bool] = mapped_column(Boolean(), default=False)
