{# part: client-imports #}

from fixtures.credentials import client_of
{# part: tests #}



async def test_only_whoever_queued_a_task_sees_it(
    app: FastAPI, celery: Celery, client: AsyncClient{{ fragments("tests/test_tasks.py", "reader-fixtures") }}
) -> None:
    task_id = await queue_a_task(client)
    celery.backend.mark_as_done(task_id, {"secret": "the owner's result"})
{{- fragments("tests/test_tasks.py", "other-readers") }}
    owners_view = (await client.get(f"/api/v1/tasks/{task_id}")).json()

    # To anyone else, it looks like a task Celery does not know.
    assert others_view == {"id": task_id, "state": "PENDING", "result": None, "error": None}
    assert owners_view["state"] == "SUCCESS"
    assert owners_view["result"] == {"secret": "the owner's result"}
{{- fragments("tests/test_tasks.py", "reader-assertions") }}
