{# part: limit-settings #}

        # Limits have tests of their own: the soak's writes stay under them.
        "rate_limit_writes": "1000000/minute",
