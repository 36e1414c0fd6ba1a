class TaskCreate(BaseModel):
    ...
    done: bool = Field(default=False)
    urgent: bool = Field(
        default=False, title="Urgent?", description="Urgent tasks are listed first."
    )


class TaskUpdate(BaseModel):
    ...
    done: bool | None = Field(default=None, json_schema_extra=not_null)
    urgent: bool | None = Field(
        default=None,
        title="Urgent?",
        description="Urgent tasks are listed first.",
        json_schema_extra=not_null,
    )


class TaskRead(BaseModel):
    ...
    done: bool
    urgent: bool
