"""The one way the portal sends e-mail.

Every message is rendered here, in its recipient's language, from a plain-text subject and body
template rendered without HTML escaping (an e-mail is not a web page: « d'école » must not
arrive as « d&#x27;école »), with the portal's subject prefix and sender; then a task delivers
it after the transaction commits, retrying while the mail server is away (core.tasks).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import Context, Engine
from django.utils import translation

from .tasks import deliver_email, to_payload


class Recipient(Protocol):
    email: str
    preferred_language: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


def render(template_name: str, context: Mapping) -> str:
    """A text template rendered with autoescape off, in the active language."""
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(dict(context), autoescape=False))


def _one_line(text: str) -> str:
    # A subject is one header line: the template's line breaks must not end it. Only ASCII
    # blanks go at the seams; the no-break spaces of French typography (« … ») stay.
    return " ".join(line.strip(" \t") for line in text.splitlines() if line.strip(" \t"))


def compose(
    *,
    to: Recipient | str,
    template: str,
    context: Mapping,
    language: str | None = None,
    body_suffix: str = "body",
    attachments: Iterable[Attachment] = (),
    headers: Mapping[str, str] | None = None,
) -> EmailMessage:
    """The message of ``{template}_subject.txt`` and ``{template}_{body_suffix}.txt``.

    ``to`` is a person (their address and language; they are ``recipient`` in the templates)
    or a bare address, then in ``language`` (by default the active one).
    """
    if isinstance(to, str):
        address, context = to, dict(context)
    else:
        address, context = to.email, {**context, "recipient": to}
        language = language or to.preferred_language
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = render(f"{template}_subject.txt", context)
        body = render(f"{template}_{body_suffix}.txt", context)
    message = EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _one_line(subject),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [address],
        headers=dict(headers or {}),
    )
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def queue(message: EmailMessage) -> None:
    """Deliver ``message`` by a task, once (and only if) the current transaction commits."""
    deliver_email.delay_on_commit(to_payload(message))


def send(**compose_arguments) -> None:
    """Compose (see ``compose``) and queue one e-mail."""
    queue(compose(**compose_arguments))


def deliver(message: EmailMessage) -> None:
    """Hand ``message`` over to the mail server now, raising if it cannot take it: for work
    that must know it was sent (digests are marked sent only then), already off the request."""
    message.send()
