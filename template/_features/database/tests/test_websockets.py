{# part: server-settings #}
 (and so its database)
