{# part: typing #}
Self,
{# part: pydantic #}
SecretStr, model_validator,
{# part: constants #}


# Shipped in .env.example so that development works out of the box; refused elsewhere.
PLACEHOLDER_SECRET = "change-me-in-production-with-a-long-random-value"  # noqa: S105
{# part: classes #}



class JwtSettings(BaseSettings):
    """Accounts: signing their tokens, signing up and signing in."""

    # Signs access tokens (HS256). Generate one with:
    # python -c "import secrets; print(secrets.token_urlsafe(64))"
    jwt_secret: SecretStr = Field(default=SecretStr(PLACEHOLDER_SECRET), min_length=32)
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    registration_open: bool = True
    # Sign-in attempts per client address; failed ones per account and address; new
    # accounts per address.
    rate_limit_sign_in: RateLimit = "10/minute"
    rate_limit_sign_in_failures: RateLimit = "5 per 15 minutes"
    rate_limit_registration: RateLimit = "5/hour"
    # Read by the create-admin command when set; it asks for what is missing.
    first_admin_email: str | None = None
    first_admin_password: SecretStr | None = None
{# part: bases #}
JwtSettings,
{# part: checks #}


    @model_validator(mode="after")
    def refuse_placeholder_secret(self) -> Self:
        if self.environment != "development" and (
            self.jwt_secret.get_secret_value() == PLACEHOLDER_SECRET
        ):
            msg = (
                f"JWT_SECRET still holds the development placeholder; {self.environment} needs"
                ' its own, for example from: python -c "import secrets;'
                ' print(secrets.token_urlsafe(64))"'
            )
            raise ValueError(msg)
        return self
