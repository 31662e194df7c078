{# part: held-up-by #}
 or the results store (Redis)
{# part: redis-holds #}
, task owners
