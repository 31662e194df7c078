{# part: test-imports #}

from sqlalchemy import update
{# part: package-imports #}

from {{ package_name }}.db.session import Database
from {{ package_name }}.items.models import Item
{# part: rename-behind-the-service #}

    database: Database = app.state.database
    async with database.engine.begin() as connection:
        await connection.execute(update(Item).where(Item.id == item_id).values(name=name))
