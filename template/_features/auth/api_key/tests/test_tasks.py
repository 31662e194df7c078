{# part: other-readers #}

    # Reads need no key, but a task belongs to the key that queued it.
    async with client_of(app) as other:
        others_view = (await other.get(f"/api/v1/tasks/{task_id}")).json()
