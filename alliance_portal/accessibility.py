"""The accessibility statement's facts (RGAA's déclaration d'accessibilité, DOS-lagen's
tillgänglighetsredogörelse) and the report of an access problem, which reaches the network's
coordinators by e-mail.

Update ``ASSESSED_ON``, ``METHOD`` and ``NON_CONFORMITIES`` with each assessment: the page shows
them as they are here.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cities.rules import COORDINATORS_GROUP
from core import mail, ratelimit

# The last assessment of the portal against WCAG 2.2 AA.
ASSESSED_ON = datetime.date(2026, 12, 2)
METHOD = [
    _(
        "axe-core (the WCAG 2.0, 2.1 and 2.2 A and AA rules) on every page, in French, Swedish "
        "and English, in the light and the dark theme, before every change is accepted;"
    ),
    _("the Nu HTML checker on every page;"),
    _(
        "every page measured at 320 CSS pixels wide in the three languages (no sideways "
        "scrolling) and looked at in screenshots at 390 and 1,366 pixels;"
    ),
    _(
        "journeys made with the keyboard alone in Chromium: signing up, posting a project, "
        "asking a question, registering for an event, setting up a second factor."
    ),
]


@dataclass(frozen=True)
class NonConformity:
    criterion: str  # the WCAG success criterion, e.g. "1.1.1"
    what: str
    instead: str  # what a person can do meanwhile


NON_CONFORMITIES = [
    NonConformity(
        "1.1.1, 1.3.1",
        _(
            "Documents that members attach to their projects (PDF, office files) are not "
            "checked: they may lack headings, text alternatives or a reading order."
        ),
        _("Ask the project's contacts for the document in another format."),
    ),
    NonConformity(
        "1.1.1",
        _(
            "The description of each picture is written by the member who adds it: the portal "
            "requires one but cannot judge whether it describes the picture well."
        ),
        _("Report a picture whose description does not help, with the form below."),
    ),
    NonConformity(
        "1.4.4",
        _(
            "On a phone, the names on the map of the member cities are drawn small and grow "
            "only with the page's zoom, not with the browser's text size."
        ),
        _("The list of the cities beside the map gives the same information."),
    ),
    NonConformity(
        "2.2.1",
        _(
            "The code of an authenticator app, asked at sign-in by those who set up a second "
            "factor, changes every 30 seconds."
        ),
        _("A code is accepted as long as the app shows it, and a recovery code has no time limit."),
    ),
]

# Where to turn when our answer does not satisfy.
DEFENSEUR_DES_DROITS = "https://formulaire.defenseurdesdroits.fr/"
DIGG_REPORT = "https://www.digg.se/tdosanmalan"

# Reports of one address (the visitor's IP) per hour: enough for a person, not for a robot.
REPORTS_PER_HOUR = 5


class AccessProblemForm(forms.Form):
    page = forms.CharField(
        label=_("Which page? (its address or its title)"), max_length=500, required=False
    )
    problem = forms.CharField(
        label=_("What did not work for you?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    assistive_technology = forms.CharField(
        label=_("Assistive technology, browser and system you use (optional)"),
        max_length=300,
        required=False,
    )
    email = forms.EmailField(
        label=_("Your e-mail address, for our answer"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def allowed(address: str) -> bool:
    """Count one report of ``address`` in this hour; False past ``REPORTS_PER_HOUR``."""
    return ratelimit.allowed(f"accessibility-report:{address}", REPORTS_PER_HOUR, 3600)


def coordinators():
    """Who reads the reports: the network coordinators (each in their own language)."""
    return User.objects.filter(is_active=True, groups__name=COORDINATORS_GROUP).order_by("pk")


def report_access_problem(*, report: dict, reporter: User | None, language: str) -> int:
    """E-mail ``report`` (an ``AccessProblemForm``'s cleaned data) to the coordinators, with
    the reporter's address to answer to, and tell the reporter it arrived. Both are queued on
    commit. Returns how many coordinators it went to."""
    context = {"report": report, "reporter": reporter, "assessed_on": ASSESSED_ON}
    recipients = list(coordinators())
    for coordinator in recipients:
        mail.send(
            to=coordinator,
            template="email/access_problem",
            context=context,
            headers={"Reply-To": report["email"]},
        )
    if not recipients:  # nobody in the group yet: the portal's own address keeps it
        mail.send(
            to=settings.DEFAULT_FROM_EMAIL,
            language=language,
            template="email/access_problem",
            context=context,
            headers={"Reply-To": report["email"]},
        )
    mail.send(
        to=report["email"],
        language=language,
        template="email/access_problem_received",
        context=context,
    )
    return len(recipients)
