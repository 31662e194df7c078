{# part: imports #}

from private_mariadb import PrivateMariaDB as PrivateDatabase
