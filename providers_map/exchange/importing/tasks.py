"""Background tasks of the registry import (django-tasks, database backend "imports")."""

from django_tasks import task

from .jobs import prune, run_job
from .upsert import update_search


@task(backend="imports")
def check_import(job_id):
    """Dry-run the uploaded file: the preview an operator confirms."""
    prune()
    run_job(job_id, apply=False)


@task(backend="imports")
def apply_import(job_id):
    """Import the confirmed file into the registry (one transaction), then let search follow in the background."""
    written = run_job(job_id, apply=True)
    if written:
        refresh_search.enqueue(written)


@task(backend="imports")
def refresh_search(organisation_ids):
    """Bring the site's search up to date for the entries an import wrote (after it has committed)."""
    return update_search(organisation_ids)
