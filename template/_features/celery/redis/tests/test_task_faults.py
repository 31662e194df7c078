{# part: broker-doc #}
 (a Redis apart from the one the service keeps its keys in)
