"""Background work with Celery: the app, the worker entry point and the task-status API."""
