{# part: pydantic #}
field_validator,
{# part: classes #}



class ApiKeySettings(BaseSettings):
    """The API keys clients send, and what they guard."""

    api_key_header: str = Field(default="X-API-Key", pattern=r"^[A-Za-z0-9-]+$")
    # Accepted keys by name, as SHA-256 digests; several at once let clients rotate.
    api_keys: dict[str, str] = {}
    api_key_required_for: Literal["writes", "all"] = "writes"

    @field_validator("api_keys")
    @classmethod
    def check_digests(cls, keys: dict[str, str]) -> dict[str, str]:
        for name, digest in keys.items():
            if len(digest) != 64 or digest.strip("0123456789abcdef"):  # noqa: PLR2004
                msg = (
                    f"API key {name!r} must be given as its SHA-256 digest (64 lowercase hex"
                    " characters), never as the key itself: see `python -m"
                    " {{ package_name }}.auth.api_keys`"
                )
                raise ValueError(msg)
        return keys
{# part: bases #}
ApiKeySettings,
