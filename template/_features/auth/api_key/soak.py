{# part: package-imports #}

from {{ package_name }}.auth.api_keys import digest
{# part: constants #}

# The soak's own key, made for the run.
API_KEY = secrets.token_urlsafe(32)
{# part: headers #}

        headers = {"X-API-Key": API_KEY}
{# part: credential-settings #}

        "api_keys": {"soak": digest(API_KEY)},
