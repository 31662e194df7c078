{# part: imports #}

from private_postgresql import PrivatePostgreSQL as PrivateDatabase
