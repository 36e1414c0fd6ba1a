class WebhookCreate(BaseModel):
    ...
    payload: SafeJson
    headers: SafeJson | None = Field(
        default=None, title="Headers", description="Extra HTTP headers, as a JSON object."
    )


class WebhookUpdate(BaseModel):
    ...
    payload: SafeJson | None = Field(default=None, json_schema_extra=not_null)
    headers: SafeJson | None = Field(
        default=None, title="Headers", description="Extra HTTP headers, as a JSON object."
    )


class WebhookRead(BaseModel):
    ...
    payload: JsonValue
    headers: JsonValue | None
