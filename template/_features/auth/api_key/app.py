{# part: imports #}

from .auth.api_keys import api_key_guard, document_open_reads
{# part: api-router-arguments #}
, dependencies=[api_key_guard(settings)]
{# part: openapi-edits #}
, document_open_reads(settings)
