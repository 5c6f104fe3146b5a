import sys

from django.core.management.base import BaseCommand

from providers_map.verification import bounces


class Command(BaseCommand):
    help = (
        "Flag addresses that bounced after sending: give them as arguments, or '-' to read a delivery status "
        "notification (RFC 3464) from standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("addresses", nargs="+", help="E-mail addresses, or '-' for a bounce message on stdin.")

    def handle(self, *args, **options):
        addresses = [address for address in options["addresses"] if address != "-"]
        if "-" in options["addresses"]:
            addresses += bounces.failed_recipients(sys.stdin.buffer.read())
        flagged = bounces.flag(addresses)
        self.stdout.write(f"flagged: {flagged}")
