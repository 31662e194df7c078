{# part: stdlib-imports #}

from datetime import UTC, datetime
{# part: fixture-imports #}

from fixtures.accounts import Accounts, bearer
{# part: package-imports #}

from {{ package_name }}.users.schemas import Role, UserRead
{# part: invalid-credentials #}
{"Authorization": "Bearer not-a-token"}
{# part: credential-in-the-url #}

    parameter, secret = "access_token", credentials["Authorization"].removeprefix("Bearer ")
{# part: tests #}



async def test_users_hear_of_their_own_items_and_admins_of_all(
    server: str, accounts: Accounts
) -> None:
    _, alice = await accounts.add("alice@example.com")
    _, bob = await accounts.add("bob@example.com")
    _, admin = await accounts.add("admin@example.com", Role.ADMIN)
    async with (
        subscribed(server, bearer(bob)) as bobs_socket,
        subscribed(server, bearer(admin)) as admins_socket,
        http(server, bearer(alice)) as alices_client,
        http(server, bearer(bob)) as bobs_client,
        http(server, bearer(admin)) as admins_client,
    ):
        kettle = await create_item(alices_client, "Kettle")
        mug = await create_item(bobs_client, "Mug")
        # Bob's first event is his own item: Alice's never reached him.
        assert await next_event(bobs_socket) == event("created", mug)

        # An administrator's changes to Bob's item reach Bob too.
        renamed = await admins_client.patch(f"/api/v1/items/{mug['id']}", json={"name": "Cup"})
        assert await next_event(bobs_socket) == event("updated", renamed.json())
        assert (await admins_client.delete(f"/api/v1/items/{mug['id']}")).status_code == 204
        assert await next_event(bobs_socket) == event("deleted", mug)

        heard = [(await next_event(admins_socket))["item_id"] for _ in range(4)]
        assert heard == [kettle["id"], mug["id"], mug["id"], mug["id"]]
{# part: lagging-subscriber #}

    admin = UserRead(id=1, email="admin@example.com", role=Role.ADMIN, created_at=datetime.now(UTC))
{# part: subscriber #}
admin
{# part: envelope-owner #}
, owner_id=None
