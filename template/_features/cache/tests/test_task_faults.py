{# part: redis-holds #}
, the cache and limits
