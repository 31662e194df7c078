{# part: principal #}
 (the name of its API key)
