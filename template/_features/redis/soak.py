{# part: imports #}

from private_redis import PrivateRedis
{# part: server-fields #}

    redis: PrivateRedis
{# part: running-servers #}

            redis=stack.enter_context(PrivateRedis.running()),
{# part: run-name #}

    run = f"soak-{secrets.token_hex(6)}"
{# part: server-settings #}

        "redis_url": servers.redis.url,
