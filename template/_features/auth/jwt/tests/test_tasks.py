{# part: account-imports #}

from fixtures.accounts import Accounts, bearer
{# part: package-imports #}

from {{ package_name }}.users.schemas import Role
{# part: reader-fixtures #}
, accounts: Accounts
{# part: other-readers #}

    _, other_token = await accounts.add("other@example.com")
    _, admin_token = await accounts.add("admin@example.com", Role.ADMIN)
    async with (
        client_of(app, bearer(other_token)) as other,
        client_of(app, bearer(admin_token)) as admin,
    ):
        others_view = (await other.get(f"/api/v1/tasks/{task_id}")).json()
        admins_view = (await admin.get(f"/api/v1/tasks/{task_id}")).json()
{# part: reader-assertions #}

    assert admins_view == owners_view
