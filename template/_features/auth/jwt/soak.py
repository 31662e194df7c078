{# part: imports #}

from pydantic import SecretStr
{# part: sign-in #}



async def sign_in(client: httpx.AsyncClient) -> dict[str, str]:
    """The headers of a new account's client."""
    email, password = f"soak-{secrets.token_hex(6)}@example.com", secrets.token_urlsafe(16)
    account = {"email": email, "password": password}
    (await client.post("/api/v1/users", json=account)).raise_for_status()
    form = {"username": email, "password": password}
    tokens = (await client.post("/api/v1/auth/token", data=form)).raise_for_status().json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}
{# part: headers #}

        headers = await sign_in(client)
{# part: credential-settings #}

        "jwt_secret": SecretStr(secrets.token_urlsafe(48)),
