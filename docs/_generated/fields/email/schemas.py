class SubscriberCreate(BaseModel):
    ...
    email: EmailStr
    backup_email: EmailStr | None = Field(default=None)


class SubscriberUpdate(BaseModel):
    ...
    email: EmailStr | None = Field(default=None, json_schema_extra=not_null)
    backup_email: EmailStr | None = Field(default=None)


class SubscriberRead(BaseModel):
    ...
    email: str
    backup_email: str | None
