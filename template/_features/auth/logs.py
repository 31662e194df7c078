{# part: variables #}

# Set by authentication: who the request acts for{{ fragments("logs.py", "principal") }}.
principal_var: ContextVar[str | None] = ContextVar("principal", default=None)
{# part: copied #}
 and principal
{# part: copy #}

        record.principal = principal_var.get()
{# part: fields #}
{principal}
