{# part: client-setup #}

        client.headers.update(headers)
{# part: watcher-arguments #}
, headers
