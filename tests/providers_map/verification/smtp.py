"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives: the tests, the browser journey and the
bench send the portal's mail to it and read the links back from the received messages.

    with smtp_sink() as sink:           # Django's SMTP backend points at it meanwhile
        ...send...
        sink.messages[0]                # email.message.EmailMessage
        sink.refuse.add("gone@example.org")   # 550 for this recipient from now on
"""

import email
import re
import socket
import threading
from contextlib import contextmanager
from email import policy

from django.test import override_settings

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+/verify/\S+?/(?=\s|$)")


class Sink:
    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 OK: queued"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    @staticmethod
    def text(message):
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message):
        return message.get_body(preferencelist=("html",)).get_content()

    def link(self, message):
        """The verification link in the message's plain-text part."""
        return LINK.search(self.text(message)).group(0)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_sink():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=10,
        ):
            yield sink
    finally:
        controller.stop()
