"""E-mail backends that fail like a mail server that is down, for the delivery tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Drops the connection on the first ``failures`` deliveries, then delivers (to the
    outbox); ``attempts`` counts every try."""

    failures = 1
    attempts = 0

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).attempts <= type(self).failures:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class DownBackend(EmailBackend):
    """A mail server that never answers."""

    attempts = 0

    def send_messages(self, messages):
        type(self).attempts += 1
        raise ConnectionRefusedError(111, "Connection refused")
