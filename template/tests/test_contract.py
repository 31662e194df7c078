"""The HTTP contract a generated client relies on: methods, status codes and headers."""

import re

from httpx import AsyncClient

ITEMS = "/api/v1/items"


async def create(client: AsyncClient, name: str = "Cup") -> dict[str, object]:
    response = await client.post(ITEMS, json={"name": name, "price_cents": 100})
    assert response.status_code == 201
    created: dict[str, object] = response.json()
    return created


async def test_a_405_names_every_method_of_the_path(client: AsyncClient) -> None:
    response = await client.put(f"{ITEMS}/1", json={})

    assert response.status_code == 405
    assert response.headers["Allow"] == "DELETE, GET, HEAD, PATCH"
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_head_answers_as_get_does_without_the_body(client: AsyncClient) -> None:
    await create(client)

    got = await client.get(ITEMS)
    head = await client.head(ITEMS)

    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]
    assert head.headers["Content-Length"] == got.headers["Content-Length"]


async def test_a_created_item_says_where_to_find_it(client: AsyncClient) -> None:
    response = await client.post(ITEMS, json={"name": "Jug", "price_cents": 250})

    assert response.status_code == 201
    assert response.headers["Location"] == f"{ITEMS}/{response.json()['id']}"
    assert (await client.get(response.headers["Location"])).json() == response.json()


async def test_a_deletion_answers_204_with_nothing_at_all(client: AsyncClient) -> None:
    item = await create(client)

    response = await client.delete(f"{ITEMS}/{item['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert "Content-Type" not in response.headers


async def test_a_body_in_another_media_type_is_415(client: AsyncClient) -> None:
    response = await client.post(
        ITEMS,
        content=b'{"name": "Cup", "price_cents": 100}',
        headers={"Content-Type": "text/plain"},
    )

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


async def test_json_with_a_parameter_or_a_suffix_is_json(client: AsyncClient) -> None:
    for media_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = await client.post(
            ITEMS,
            content=b'{"name": "' + media_type.encode() + b'", "price_cents": 100}',
            headers={"Content-Type": media_type},
        )
        assert response.status_code == 201, media_type


async def test_operations_are_named_by_domain_and_action(client: AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    ids = [
        operation["operationId"] for path in schema["paths"].values() for operation in path.values()
    ]

    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)+", operation_id) for operation_id in ids), ids
    assert {"items-list", "items-create", "items-get", "items-update", "items-delete"} <= set(ids)


async def test_sort_values_have_names_a_client_can_use(client: AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    (sort,) = (p for p in schema["paths"][ITEMS]["get"]["parameters"] if p["name"] == "sort")

    names = sort["schema"]["x-enum-varnames"]
    assert len(names) == len(sort["schema"]["enum"])
    assert all(name.isidentifier() for name in names)
    assert dict(zip(sort["schema"]["enum"], names, strict=True))["-price_cents"] == (
        "PRICE_CENTS_DESCENDING"
    )
