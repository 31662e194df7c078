{# part: broker-settings #}

        "celery_broker_url": servers.redis.url.removesuffix("/0") + "/1",
