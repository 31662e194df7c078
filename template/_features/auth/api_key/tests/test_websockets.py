{# part: fixture-imports #}

from fixtures.api_keys import API_KEY
{# part: credentials #}
{"X-API-Key": API_KEY}
{# part: invalid-credentials #}
{"X-API-Key": "not-a-key"}
{# part: credential-in-the-url #}

    parameter, secret = "api_key", credentials["X-API-Key"]
