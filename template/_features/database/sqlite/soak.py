{# part: settings-parameters #}
, directory: Path
{# part: server-settings #}

        "database_url": f"sqlite+aiosqlite:///{directory / 'soak.db'}",
{# part: settings-arguments #}
, Path(directory)
