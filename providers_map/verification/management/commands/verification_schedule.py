"""Run once a day (cron or a systemd timer): queue the reminders due and, on the first run of each month, the
monthly round; the mail worker (`db_worker --backend mail`) sends them. Idempotent: a second run the same day
or month queues nothing new."""

from django.core.management.base import BaseCommand

from providers_map.verification import rounds, tasks


class Command(BaseCommand):
    help = "Queue the verification reminders due and, once a month, a round of requests (sent by the mail worker)."

    def add_arguments(self, parser):
        parser.add_argument("--no-round", action="store_true", help="Only the reminders, no monthly round.")

    def handle(self, *args, **options):
        reminders = rounds.queue_reminders()
        if reminders:
            tasks.send_messages.enqueue(reminders)
        self.stdout.write(f"reminders queued: {len(reminders)}")
        if not options["no_round"] and rounds.scheduled_round_due():
            round_ = rounds.start_round(scheduled=True)
            tasks.send_round.enqueue(round_.pk)
            self.stdout.write(f"monthly round queued: {round_.pk}")
