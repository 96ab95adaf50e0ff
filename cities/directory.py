"""The member directory: the approved members who chose to appear in it (``User.in_directory``),
filtered by city, country, role, theme of expertise and language spoken, and the contact
requests members send each other through it.

A contact request is an e-mail to the person, in their language, with the sender's name, city
and address to answer to (Reply-To). The recipient's address is shown to nobody: the sender
learns it only if the recipient answers. Requests are counted per sender and day, and per
sender and recipient and day (``CONTACT_REQUESTS_PER_DAY``,
``CONTACT_REQUESTS_PER_RECIPIENT_PER_DAY``), in the shared cache (``core.ratelimit``).
"""

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.enums import SpokenLanguage
from accounts.models import User
from core import mail, ratelimit
from themes.models import Theme

from .enums import MembershipRole
from .forms import PlaceAndThemeFilterForm
from .models import City, Membership, display_name_expression
from .selectors import approved_members

PAGE_SIZE = 50
MESSAGE_MAX_LENGTH = 2000
DAY = 24 * 60 * 60
# The languages one filters the directory by: those of the network and the one it shares.
DIRECTORY_LANGUAGES = [SpokenLanguage.FRENCH, SpokenLanguage.SWEDISH, SpokenLanguage.ENGLISH]


# --- Forms ------------------------------------------------------------------------------------


class DirectoryFilterForm(PlaceAndThemeFilterForm):
    """The directory's filters, read from the query string. A value that is not one of the
    choices is said beside its filter and ignored (the view reads only ``cleaned_data``)."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("All roles")), *MembershipRole.choices],
        required=False,
        error_messages={"invalid_choice": _("Unknown role: the list shows every role.")},
    )
    language = forms.ChoiceField(
        label=_("Language spoken"),
        choices=[
            ("", _("All languages")),
            *((lang.value, lang.label) for lang in DIRECTORY_LANGUAGES),
        ],
        required=False,
        error_messages={
            "invalid_choice": _("Choose French, Swedish or English: the list shows every language.")
        },
    )

    field_order = ["city", "country", "role", "theme", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].label = _("Theme of expertise")
        messages = {
            "city": _("Unknown city: the list shows every city."),
            "country": _("Unknown country: the list shows both countries."),
            "theme": _("Unknown theme: the list shows every theme."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["invalid_choice"] = message

    @property
    def filters(self) -> dict:
        """The valid filters that were given, as ``directory_people`` takes them."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if cleaned.get(name)}


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write a message.")},
    )

    def __init__(self, *args, sender: User, recipient: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = gettext(
            "%(name)s receives it by e-mail with your name, your city and your e-mail address "
            "(%(email)s), to answer you. Their own address stays hidden. At most "
            "%(max)s characters."
        ) % {"name": recipient.full_name, "email": sender.email, "max": MESSAGE_MAX_LENGTH}


# --- Reads ------------------------------------------------------------------------------------


def _speaks(language: str) -> Q:
    """``languages_spoken`` (a JSON list of codes) holds ``language``: one item compared after
    another, which SQLite and PostgreSQL both index into (SQLite has no JSON ``contains``)."""
    return reduce(
        or_,
        (Q(**{f"languages_spoken__{index}": language}) for index in range(len(SpokenLanguage))),
    )


def directory_people(
    *,
    city: City | None = None,
    country: str | None = None,
    role: str | None = None,
    theme: Theme | None = None,
    language: str | None = None,
) -> QuerySet[User]:
    """Active people with an approved membership who chose to appear in the directory (in
    ``city``, a city of ``country``, with ``role`` there; with expertise in ``theme``; speaking
    ``language``), by name, with their approved memberships (``directory_memberships``, their
    cities in the reader's language) and themes of expertise (``directory_themes``) in two
    more queries. Filters are subqueries: no join to de-duplicate."""
    # A person without a name would be shown by their e-mail address (``get_full_name``): the
    # directory lists people by name and never shows an address.
    people = (
        approved_members(city=city, country=country, role=role)
        .filter(in_directory=True)
        .exclude(full_name="")
    )
    if theme is not None:
        experts = User.expertise.through.objects.filter(theme=theme).values("user_id")
        people = people.filter(pk__in=experts)
    if language:
        people = people.filter(_speaks(language))
    memberships = (
        Membership.objects.approved()
        .select_related("city")
        .order_by(display_name_expression("city__"), "pk")
    )
    return people.order_by("full_name", "pk").prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="directory_memberships"),
        Prefetch(
            "expertise",
            queryset=Theme.objects.order_by("kind", "position", "slug"),
            to_attr="directory_themes",
        ),
    )


def _with_language_names(people: list[User]) -> list[User]:
    """Each person with ``spoken_languages``: the names of the languages they speak."""
    names = dict(SpokenLanguage.choices)
    for person in people:
        person.spoken_languages = [
            names[code] for code in person.languages_spoken or [] if code in names
        ]
    return people


def directory_page(filters: dict, number) -> Page:
    """Page ``number`` (any value: a bad one gives the first or last page) of the directory
    people matching ``filters``, ``PAGE_SIZE`` to a page, in a fixed number of queries."""
    page = Paginator(directory_people(**filters), PAGE_SIZE).get_page(number)
    page.object_list = _with_language_names(list(page.object_list))
    return page


def directory_person(pk: int) -> User | None:
    """One person of the directory, or None when they are not in it (not opted in, not or no
    longer an approved member, deactivated)."""
    person = directory_people().filter(pk=pk).first()
    return _with_language_names([person])[0] if person is not None else None


# --- Writes -----------------------------------------------------------------------------------


class ContactLimitReached(ValidationError):
    """Too many contact requests for now: the page answers 429 Too Many Requests."""


def contact_request_send(*, sender: User, recipient: User, message: str) -> None:
    """E-mail ``message`` to ``recipient`` (a person of the directory), in their language and
    queued on commit, with the sender's name, cities and roles, and the sender's address as
    Reply-To. Raises ``ValidationError`` for a message to oneself and ``ContactLimitReached``
    past the day's limits (each refused attempt counts too, so that a robot gains nothing)."""
    if sender.pk == recipient.pk:
        raise ValidationError(gettext("You cannot send a message to yourself."))
    # The pair first: sending the same message twice (a double click) spends no more of the
    # sender's day.
    pair = f"contact-request:{sender.pk}:{recipient.pk}"
    if not ratelimit.allowed(pair, settings.CONTACT_REQUESTS_PER_RECIPIENT_PER_DAY, DAY):
        raise ContactLimitReached(
            gettext("You already wrote to %(name)s today: wait for their answer.")
            % {"name": recipient.full_name}
        )
    if not ratelimit.allowed(
        f"contact-request:{sender.pk}", settings.CONTACT_REQUESTS_PER_DAY, DAY
    ):
        raise ContactLimitReached(
            gettext(
                "You have sent as many messages through the directory as the portal allows in "
                "a day: try again tomorrow."
            )
        )
    memberships = list(
        Membership.objects.approved().filter(user=sender).select_related("city").order_by("pk")
    )
    mail.send(
        to=recipient,
        template="email/contact_request",
        context={
            "sender": sender,
            "sender_memberships": memberships,
            "sender_listed": directory_people().filter(pk=sender.pk).exists(),
            "message": message,
        },
        headers={"Reply-To": sender.email},
    )
