{# part: responses #}

# Every write counts against the write limit.
ERROR_RESPONSES[429] = THROTTLED_RESPONSE
