"""A client generated from a running service's OpenAPI document, used as its users would use it.

openapi-python-client turns the document into a package; a test imports it and signs in (with
JWT: registers and signs in; with API keys: sends the key) and then creates, reads, lists,
updates and deletes an item through its functions and models alone, and where the service takes
attachments, uploads one as multipart and downloads it. A generator warning (an
operation or schema it could not turn into code) fails the check, and so does any answer the
client cannot parse into the documented model.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import os
import secrets
import subprocess
import sys
import urllib.request
import uuid
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any

GENERATOR = Path(sys.executable).parent / "openapi-python-client"


def generate_client(base_url: str, directory: Path) -> Path:
    """Generate a client package from the document the service serves; return its folder."""
    with urllib.request.urlopen(f"{base_url}/openapi.json", timeout=10) as response:
        document = json.load(response)
    directory.mkdir(parents=True, exist_ok=True)
    spec = directory / "openapi.json"
    spec.write_text(json.dumps(document))
    package = directory / "client"
    # The generator formats its output with ruff, which it looks for on the PATH.
    path = f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = subprocess.run(
        [GENERATOR, "generate", "--path", spec, "--output-path", package, "--meta", "none"],
        capture_output=True,
        text=True,
        env=os.environ | {"PATH": path},
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "warning" not in output.lower(), output
    return package


def import_package(folder: Path) -> ModuleType:
    """Import a generated package under a name of its own (one worker imports several)."""
    name = f"generated_client_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class GeneratedClient:
    """The generated package's modules, by their path inside it."""

    def __init__(self, package: ModuleType) -> None:
        self.package = package
        self.models: Any = self.module("models")
        self.client: Any = self.module("client")

    def module(self, path: str) -> Any:
        return importlib.import_module(f"{self.package.__name__}.{path}")

    def operation(self, tag: str, name: str) -> Any:
        return self.module(f"api.{tag}.{tag}_{name}")


def signed_in(
    client: GeneratedClient, base_url: str, auth: str, api_key: str | None, stack: ExitStack
) -> Any:
    """A client that carries credentials, got as a user of this auth mode gets them; `stack`
    closes its connections."""
    models, clients = client.models, client.client
    if auth == "api_key":
        return stack.enter_context(
            clients.AuthenticatedClient(
                base_url=base_url, token=api_key, prefix="", auth_header_name="X-API-Key"
            )
        )
    if auth == "none":
        return stack.enter_context(clients.Client(base_url=base_url))
    anonymous = stack.enter_context(clients.Client(base_url=base_url))
    email, password = f"client-{uuid.uuid4().hex[:8]}@example.com", secrets.token_urlsafe(16)
    registered = client.operation("users", "register").sync_detailed(
        client=anonymous, body=models.UserCreate(email=email, password=password)
    )
    assert registered.status_code == 201, registered.content
    assert registered.headers["Location"] == f"/api/v1/users/{registered.parsed.id}"
    tokens = client.operation("auth", "sign_in").sync(
        client=anonymous, body=models.BodyAuthSignIn(username=email, password=password)
    )
    assert isinstance(tokens, models.TokenPair), tokens
    return stack.enter_context(
        clients.AuthenticatedClient(base_url=base_url, token=tokens.access_token)
    )


def check_generated_client(
    base_url: str, directory: Path, answers: dict[str, Any], api_key: str | None = None
) -> None:
    """Generate a client for the service at `base_url` and use it for sign-in and CRUD, and
    for attachments where the service takes them."""
    client = GeneratedClient(import_package(generate_client(base_url, directory)))
    with ExitStack() as stack:
        user = signed_in(client, base_url, answers["auth"], api_key, stack)
        use_items(client, user)
        if answers.get("uploads", "none") != "none":
            use_attachments(client, user)


def use_items(client: GeneratedClient, user: Any) -> None:
    """Create, read, list, update and delete an item, and read it once it has gone."""
    models = client.models

    def items(name: str) -> Any:
        return client.operation("items", name)

    created = items("create").sync_detailed(
        client=user, body=models.ItemCreate(name="Generated", price_cents=250)
    )
    assert created.status_code == 201, created.content
    item = created.parsed
    assert isinstance(item, models.ItemRead)
    assert created.headers["Location"].endswith(f"/items/{item.id}")

    assert items("get").sync(item_id=item.id, client=user) == item
    page = items("list").sync(client=user, q="Generated", sort=models.ItemsListSort.NAME_DESCENDING)
    assert isinstance(page, models.PageItemRead)
    assert [listed.id for listed in page.items] == [item.id]

    updated = items("update").sync_detailed(
        item_id=item.id,
        client=user,
        body=models.ItemUpdate(price_cents=300),
        if_match=created.headers["ETag"],
    )
    assert updated.status_code == 200, updated.content
    assert (updated.parsed.price_cents, updated.parsed.version) == (300, item.version + 1)
    stale = items("delete").sync_detailed(
        item_id=item.id, client=user, if_match=created.headers["ETag"]
    )
    assert stale.status_code == 412
    assert stale.parsed.error.code == "precondition_failed"

    deleted = items("delete").sync_detailed(
        item_id=item.id, client=user, if_match=updated.headers["ETag"]
    )
    assert deleted.status_code == 204, deleted.content
    gone = items("get").sync_detailed(item_id=item.id, client=user)
    assert gone.status_code == 404
    assert isinstance(gone.parsed, models.ErrorResponse)
    assert gone.parsed.error.code == "not_found"


def use_attachments(client: GeneratedClient, user: Any) -> None:
    """Attach a file through the generated multipart model, list it, download it and delete it."""
    models, files = client.models, client.module("types")

    def attachments(name: str) -> Any:
        return client.operation("attachments", name)

    item = client.operation("items", "create").sync(
        client=user, body=models.ItemCreate(name="With a file", price_cents=100)
    )
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    file = files.File(payload=io.BytesIO(picture), file_name="photo.png", mime_type="image/png")
    created = attachments("upload").sync_detailed(
        item_id=item.id, client=user, body=models.BodyAttachmentsUpload(file=file)
    )
    assert created.status_code == 201, created.content
    attachment = created.parsed
    assert isinstance(attachment, models.AttachmentRead)
    assert (attachment.filename, attachment.size_bytes) == ("photo.png", len(picture))

    assert attachments("list").sync(item_id=item.id, client=user) == [attachment]
    downloaded = attachments("download").sync_detailed(
        item_id=item.id, attachment_id=attachment.id, client=user
    )
    assert downloaded.status_code == 200
    assert downloaded.content == picture
    deleted = attachments("delete").sync_detailed(
        item_id=item.id, attachment_id=attachment.id, client=user
    )
    assert deleted.status_code == 204, deleted.content
    assert attachments("list").sync(item_id=item.id, client=user) == []
