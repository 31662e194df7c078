{# part: classes-after-not-ready #}



# What a client is told to wait when a backing server is down: about as long as a
# server restart, or a failover, takes.
RETRY_UNAVAILABLE_SECONDS = 5


class ServiceUnavailableError(AppError):
    """A backing server is down or too slow; the request changed nothing and may be repeated."""

    status_code = HTTPStatus.SERVICE_UNAVAILABLE
    code = "service_unavailable"

    def __init__(self, server: str) -> None:
        message = f"The {server} is unavailable; try again in {RETRY_UNAVAILABLE_SECONDS} s."
        super().__init__(message, headers={"Retry-After": str(RETRY_UNAVAILABLE_SECONDS)})
{# part: responses #}

# Every route needs a backing server, which may be down.
ERROR_RESPONSES[503] = retry_later_response(503)
