{# part: classes #}



class DatabaseSettings(BaseSettings):
    """The database: where it is, and how the connection pool treats it."""

    database_url: str = "{{ database_url }}"
    database_echo: bool = False
{{- fragments("settings.py", "database") }}
{# part: bases #}
DatabaseSettings,
