{# part: database #}

    database_pool_size: int = Field(default=10, ge=1)
    database_max_overflow: int = Field(default=10, ge=0)
    # A database that is down, or frozen, fails a request (503) after this long.
    database_connect_timeout_seconds: float = Field(default=5, gt=0)
    database_statement_timeout_seconds: float = Field(default=30, gt=0)
