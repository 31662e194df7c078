{# part: typing #}
Annotated,
{# part: pydantic #}
AfterValidator,
{# part: third-party #}
from limits import parse
{# part: types #}



def checked_rate_limit(limit: str) -> str:
    parse(limit)  # a ValueError names the setting and the value
    return limit


# A limit such as "10/minute" or "5 per 15 minutes", checked at start-up.
RateLimit = Annotated[str, AfterValidator(checked_rate_limit)]
