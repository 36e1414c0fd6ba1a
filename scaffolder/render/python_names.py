"""The names generated Python modules give a resource's model where a name the modules
import would clash with it (a resource named `Page`, `Query`, `Settings`…), and
`IMPORTED_NAMES`, those names. The loader reads them too: an enum's class steers
clear of them (`scaffolder/spec/fields.py`).
"""

from __future__ import annotations

#: Class-like names that generated modules import from libraries and from the project
#: itself (`Annotated`, `Page`, `Query`, `Settings`…). A resource of that name is still
#: fine: modules other than its own model import it as `<Name>Model` (see `model_ref`).
#: tests/unit/test_names.py checks that this covers what the blueprints import.
IMPORTED_NAMES = frozenset(
    {
        *("APIRouter", "ASGIApp", "AfterValidator", "Annotated", "Any", "ApiUser"),
        *("AppSettings", "Argon2Hasher", "AsyncEngine", "AsyncExitStack", "AsyncGenerator"),
        *("AsyncIterator", "AsyncSession", "AutogenContext", "Awaitable", "AwareDatetime"),
        *("BadSignature", "BaseModel", "BaseSettings", "CSRFMiddleware", "Callable"),
        *("ClassVar", "Collection", "ColumnElement", "Config", "ConfigDict", "ConflictError"),
        *("Connection", "ConnectionPoolEntry", "DBAPIConnection", "DBAPIError", "DateTime"),
        *("DbSession", "Decimal", "DeclarativeBase", "Depends", "Dialect", "Engine", "Enum"),
        *("ErrorMessage", "FastAPI", "Field", "Form", "FormData", "FormErrors", "FormReader"),
        *("FormValue", "Future", "Generator", "Generic", "HTMLResponse", "HTTPConnection"),
        *("HTTPException", "HTTPStatus", "HttpUrlStr", "Id", "Index", "InstrumentedAttribute"),
        *("IntegrityError", "InvalidRequestError", "Iterable", "Iterator", "JSONResponse"),
        *("Jinja2Templates", "JsonDict", "JsonValue", "ListQuery", "Literal", "LoaderOption"),
        *("LocalTime", "LoggedInUser", "LoginRequiredError", "MakeUser", "Mapped", "Mapping"),
        *("Message", "MetaData", "MultiPartException", "MutableHeaders", "NotFoundError"),
        *("OAuth2PasswordBearer", "OAuth2PasswordRequestForm", "Page", "PasswordHash", "Path"),
        *("Query", "Receive", "RedirectResponse", "Request", "RequestValidationError"),
        *("Response", "SafeJson", "SafeStr", "Scope", "SecretStr", "SecurityHeadersMiddleware"),
        *("SelectOption", "Self", "Send", "Sequence", "SessionMiddleware", "Settings"),
        *("SettingsConfigDict", "StarletteHTTPException", "StaticFiles", "StrEnum", "String"),
        *("StringConstraints", "TestClient", "TimestampMixin", "TrustedHostMiddleware"),
        *("TypeAdapter", "TypeDecorator", "TypeVar", "URL", "URLSafeTimedSerializer", "UTC"),
        *("UUID", "UnaryExpression", "UtcDatetime", "ValidationError", "WithJsonSchema"),
        *("EmailStr", "Slug", "PASSWORD", "BeforeValidator", "DeletionEffects", "Select"),
        *("Int32", "Int64", "Crud", "Label", "Many", "Ref", "Unique", "AnyOf", "Referrer"),
        *("Reads", "Ids", "ListParams", "CONFLICT", "UNAUTHORIZED", "Endpoints", "PageNumber"),
        *("TextInput", "SlugInput", "EmailInput", "UrlInput", "TextArea", "NumberInput"),
        *("DateInput", "TimeInput", "DateTimeInput", "JsonInput", "Checkbox", "RelatedSelect"),
        *("MultiSelect", "Pages", "PageOf", "Filters", "Api", "HasId"),
        *("Column", "ModelAdmin"),
    }
)


def model_ref(class_name: str) -> str:
    """The name modules other than a model's own use for it: `Post`, or `PageModel`
    for a resource named like something the generated code imports (`Page`)."""
    return f"{class_name}Model" if class_name in IMPORTED_NAMES else class_name


def model_import(class_name: str) -> str:
    """What `from <package>.models.<snake> import …` says: `Post`, `Page as PageModel`."""
    ref = model_ref(class_name)
    return class_name if ref == class_name else f"{class_name} as {ref}"
