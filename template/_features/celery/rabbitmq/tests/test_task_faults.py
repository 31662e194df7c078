{# part: broker-import #}

from private_rabbitmq import PrivateRabbitMQ
