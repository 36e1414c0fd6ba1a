class TicketCreate(BaseModel):
    ...
    status: TicketStatus = Field(default=TicketStatus.OPEN)
    priority: TicketPriority | None = Field(default=None)


class TicketUpdate(BaseModel):
    ...
    status: TicketStatus | None = Field(default=None, json_schema_extra=not_null)
    priority: TicketPriority | None = Field(default=None)


class TicketRead(BaseModel):
    ...
    status: TicketStatus
    priority: TicketPriority | None
