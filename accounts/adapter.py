from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from core import mail

from .enums import PortalLanguage


class AccountAdapter(DefaultAccountAdapter):
    """Remembers the language someone signed up in, for the e-mails we send them later."""

    def save_user(self, request, user, form, commit=True):
        if getattr(form, "full_name", ""):
            user.full_name = form.full_name
        language = (translation.get_language() or "en").split("-")[0]
        if language in PortalLanguage.values:
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        """The confirmation link in the language of the e-mail that carries it."""
        user = emailconfirmation.email_address.user
        with translation.override(_language_of(user)):
            return super().get_email_confirmation_url(request, emailconfirmation)

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        # allauth made the link in the page's language; the e-mail speaks the person's.
        with translation.override(_language_of(user)):
            context = {
                **context,
                "password_reset_url": self.get_reset_password_from_key_url(
                    f"{context['uid']}-{context['key']}"
                ),
            }
        super().send_password_reset_mail(user, email, context)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails (address confirmation, password reset…) go the way of all the
        portal's: in the person's language, delivered by a task once the request's writes are
        committed."""
        request = allauth_context.request
        user = context.get("user")
        mail.send(
            to=email,
            language=getattr(user, "preferred_language", None),
            template=template_prefix,
            body_suffix="message",
            context={
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )


def _language_of(user) -> str:
    """The language of the e-mails to ``user``; the page's for someone unknown."""
    return getattr(user, "preferred_language", None) or translation.get_language()
