{# part: classes-after-conflict #}



class TooManyRequestsError(AppError):
    status_code = HTTPStatus.TOO_MANY_REQUESTS
    code = "too_many_requests"
{# part: responses #}

# A 429 says when to try again.
THROTTLED_RESPONSE = retry_later_response(429)
