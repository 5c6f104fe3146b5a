"""Background tasks of verification (django-tasks, database backend "mail": `manage.py db_worker --backend mail`)."""

from django_tasks import task

from . import rounds
from .models import Message


@task(backend="mail")
def send_round(round_id):
    """Queue and send a whole round; the admin's round page follows its counters."""
    round_ = rounds.run_round(round_id)
    return {"sent": round_.sent, "refused": round_.refused, "failed": round_.failed}


@task(backend="mail")
def send_messages(message_ids):
    """Send single messages already queued (a fresh link, reminders)."""
    counts = rounds.deliver(Message.objects.filter(pk__in=message_ids))
    return {str(status): count for status, count in counts.items()}
