{# part: private-database-import #}

from private_mariadb import PrivateMariaDB as PrivateDatabase
