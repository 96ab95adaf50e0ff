"""Those who hold power sign in with a second factor.

Staff, network coordinators and city coordinators approve members, read registrations and hide
what others wrote: their role counts only once they have enrolled an authenticator app or a
security key (``cities.rules``, where every role predicate asks ``_power_counts``). Until then
they are members like the others, and a page or an action that needs their role sends them to
the enrolment page (allauth's ``mfa_index``) with a message saying why, instead of refusing
them (or hiding from them, as a draft is hidden from members). The Django admin does the same
for staff. allauth then asks for the code at each sign-in,
and counts a wrong code against the same rate limit as a wrong password.

Once found, "enrolled" is kept in the session: the check costs one query per session, not one
per page.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from cities.rules import has_second_factor, holds_power

SESSION_KEY = "second_factor_enrolled"
# The page they asked for, offered again on the enrolment page.
RETURN_KEY = "second_factor_return_to"


def _enrolment_page(request):
    messages.warning(
        request,
        _(
            "Your role in the network needs a second factor at sign-in: set up an authenticator "
            "app or a security key, then go back to the page you asked for."
        ),
    )
    if request.method == "GET":
        request.session[RETURN_KEY] = request.get_full_path()
    return redirect("mfa_index")


class SecondFactorMiddleware:
    """After the authentication and the page cache (a cached page was already allowed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.SECOND_FACTOR_REQUIRED:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and request.session.get(SESSION_KEY):
            user._second_factor = True
        if (
            request.path.startswith(reverse("admin:index"))
            and user.is_authenticated
            and user.is_staff
            and not has_second_factor(user)
        ):
            return _enrolment_page(request)
        response = self.get_response(request)
        if getattr(user, "_second_factor", None) and not request.session.get(SESSION_KEY):
            request.session[SESSION_KEY] = True
        if (
            response.status_code in (403, 404)  # a draft is hidden from members
            and getattr(user, "_power_withheld", False)
            and holds_power(user)
        ):
            return _enrolment_page(request)
        return response
