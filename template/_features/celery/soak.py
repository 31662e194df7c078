{# part: promised-work #}
, or the task queued for it
{# part: imports #}

from queued_tasks import delete_queue, tasks_reaching
{# part: package-imports #}

from {{ package_name }}.tasks.celery_app import create_celery
{# part: tally-fields #}

    # The tasks those answers said were queued, and those of them the broker never got.
    tasks: set[str] = field(default_factory=set)
    lost_tasks: set[str] = field(default_factory=set)
{# part: report-rows #}

            ("tasks lost", len(self.lost_tasks)),
{# part: lost-work #}
 or self.lost_tasks
{# part: on-created #}

            tally.tasks.add(created.headers["X-Task-ID"])
{# part: lost-work-finders #}



def find_lost_tasks(settings: Settings, tally: Tally) -> None:
    """Take the run's tasks off the broker, as a worker would; then delete its queue."""
    celery = create_celery(settings)
    tally.lost_tasks = tally.tasks - tasks_reaching(celery, tally.tasks, DELIVERY_SECONDS)
    delete_queue(celery)
{# part: queue-settings #}

        "celery_queue": run,
{# part: find-lost-work #}

            find_lost_tasks(settings, tally)
