{# part: imports #}

from private_rabbitmq import PrivateRabbitMQ
{# part: server-fields #}

    broker: PrivateRabbitMQ
{# part: running-servers #}

            broker=stack.enter_context(PrivateRabbitMQ.running()),
{# part: broker-settings #}

        "celery_broker_url": servers.broker.url,
