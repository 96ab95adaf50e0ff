from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from .enums import PortalLanguage


class AccountAdapter(DefaultAccountAdapter):
    """Remembers the language someone signed up in, for the e-mails we send them later."""

    def save_user(self, request, user, form, commit=True):
        language = (translation.get_language() or "en").split("-")[0]
        if language in PortalLanguage.values:
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)
