"""Writes for the cities' interest in calls, partner searches and their answers.

Each service is all or nothing: it checks everything first and raises a ValidationError that
says what is wrong, and then nothing is written. Partner searches, interests and answers are
for the network only: their notifications are members-only (``public=False``).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.enums import MembershipStatus
from cities.models import City
from cities.rules import is_city_member, reads_members_content
from core import mail
from notifications.enums import FOLLOWABLE, NotificationKind
from notifications.services import follow_quietly, notify
from projects.models import Project

from .enums import InterestLevel
from .models import CallInterest, FundingCall, PartnerReply, PartnerSearch

CALL_FOLLOWABLE = "funding.fundingcall" in FOLLOWABLE.values()


# --- Dates ------------------------------------------------------------------------------------


def today() -> datetime.date:
    return timezone.localdate()


def call_is_closed(call: FundingCall, now: datetime.datetime | None = None) -> bool:
    """A call is closed once its last deadline has passed (a call without deadlines is not)."""
    return call.closes_at is not None and call.closes_at < (now or timezone.now())


def call_last_day(call: FundingCall) -> datetime.date | None:
    """The day of the call's last deadline, in the portal's time zone (Brussels and Paris)."""
    return timezone.localdate(call.closes_at) if call.closes_at is not None else None


def search_is_open(search: PartnerSearch) -> bool:
    """Open until its closing day has passed, and while its call (if any) is open."""
    if search.closes_on < today():
        return False
    return search.call is None or not call_is_closed(search.call)


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _call_closed_error(call: FundingCall) -> ValidationError:
    return ValidationError(
        _("This call has closed: its last deadline was %(date)s.")
        % {"date": _day(call_last_day(call))},
        code="call_closed",
    )


# --- Interest -----------------------------------------------------------------------------------


def _check_projects(projects: Iterable[Project], city: City, message: str) -> list[Project]:
    projects = list(projects)
    for project in projects:
        if project.city_id != city.pk or project.deleted_at is not None:
            raise ValidationError(message % {"city": city.display_name}, code="project_city")
    return projects


def interest_set(
    *,
    call: FundingCall,
    city: City,
    level: str | None,
    projects: Iterable[Project] = (),
    note: str = "",
    user: User,
) -> CallInterest | None:
    """Say how ``city`` is interested in ``call`` (lead, partner, watching) and with which of its
    projects; an empty ``level`` removes its interest. Returns the interest (None once removed).
    Only the city's approved members set it, and only while the call is open."""
    if not user.has_perm("funding.set_interest", city):
        raise ValidationError(
            _("You can only set the interest of a city you are an approved member of."),
            code="not_your_city",
        )
    if call_is_closed(call):
        raise _call_closed_error(call)
    level = level or ""
    if level and level not in InterestLevel.values:
        raise ValidationError(_("Choose a level of interest from the list."), code="level")
    projects = _check_projects(
        projects, city, _("Choose projects of %(city)s: the city whose interest you set.")
    )
    note = (note or "").strip()
    with transaction.atomic():
        if not level:
            CallInterest.objects.filter(call=call, city=city).delete()
            return None
        interest = CallInterest.objects.select_for_update().filter(
            call=call, city=city
        ).first() or CallInterest(call=call, city=city)
        interest.level = level
        interest.note = note
        interest.updated_by = user
        interest.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                interest.save()
        except IntegrityError as error:  # another member of the city set it at the same time
            raise ValidationError(
                _("Someone else of your city has just set its interest: please try again."),
                code="concurrent",
            ) from error
        interest.projects.set(projects)
    return interest


# --- Partner searches ---------------------------------------------------------------------------


def search_post(
    *,
    call: FundingCall | None = None,
    project: Project | None = None,
    city: City,
    author: User,
    title: str,
    roles_sought: str,
    wants_france: bool = True,
    wants_sweden: bool = True,
    description: str = "",
    content_language: str,
    closes_on: datetime.date,
) -> PartnerSearch:
    """Post ``city``'s search for partners, for a call or one of its projects (or both), open to
    answers until ``closes_on``. Tells who follows the call, the project or the city, and the
    members of the cities interested in the call (each as their notification settings say);
    the author follows the call and the project from then on."""
    if call is None and project is None:
        raise ValidationError(
            _("Say which call or which project you seek partners for."), code="no_subject"
        )
    if not author.has_perm("funding.post_partner_search", city):
        raise ValidationError(
            _("You can only look for partners for a city you are an approved member of."),
            code="not_your_city",
        )
    if call is not None and call_is_closed(call):
        raise _call_closed_error(call)
    if project is not None:
        _check_projects(
            [project], city, _("Choose a project of %(city)s: the city that looks for partners.")
        )
    if closes_on is None or closes_on < today():
        raise ValidationError(
            _("The closing date has passed: choose today or a later day."), code="closes_past"
        )
    last_day = call_last_day(call) if call is not None else None
    if last_day is not None and closes_on > last_day:
        raise ValidationError(
            _("Answers must be wanted by the call's last deadline, %(date)s.")
            % {"date": _day(last_day)},
            code="closes_after_call",
        )
    search = PartnerSearch(
        call=call,
        project=project,
        city=city,
        author=author,
        title=(title or "").strip(),
        roles_sought=(roles_sought or "").strip(),
        wants_france=wants_france,
        wants_sweden=wants_sweden,
        description=(description or "").strip(),
        content_language=content_language,
        closes_on=closes_on,
    )
    search.full_clean()
    with transaction.atomic():
        search.save()
        targets = [city]
        if project is not None:
            targets.append(project)
            follow_quietly(user=author, target=project)
        if call is not None and CALL_FOLLOWABLE:
            targets.append(call)
            follow_quietly(user=author, target=call)
        notify(
            kind=NotificationKind.NEW_PARTNER_SEARCH,
            actor=author,
            title=search.title,
            title_language=search.content_language,
            subject=search,
            url=search.get_absolute_url(),
            city=city,
            context=call.title if call is not None else "",
            targets=targets,
            also=_interested_members(call) if call is not None else (),
            public=False,  # partner searches are for the network's members
        )
    return search


def _interested_members(call: FundingCall) -> list[User]:
    """The approved members of the cities interested in ``call`` (one query)."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__status=MembershipStatus.APPROVED,
            memberships__city__call_interests__call=call,
        )
        .only("pk")
        .distinct()
    )


def search_close(*, search: PartnerSearch, user: User) -> PartnerSearch:
    """Stop taking answers before the closing date: the search closes as of yesterday."""
    if not user.has_perm("funding.close_partner_search", search):
        raise ValidationError(
            _("Only members of the city that posted this search can close it."), code="not_yours"
        )
    if search.closes_on < today():
        raise ValidationError(_("This partner search is already closed."), code="closed")
    search.closes_on = today() - datetime.timedelta(days=1)
    search.save(update_fields=["closes_on"])
    return search


# --- Answers ------------------------------------------------------------------------------------


def reply_post(
    *, search: PartnerSearch, city: City, author: User, role: str, message: str = ""
) -> PartnerReply:
    """Answer ``search`` for ``city``: "we would join as…". Once per city, never for the city
    that posted it, only while the search is open. The poster is told by a notification and
    an e-mail of its own, in their language."""
    if not search_is_open(search):
        raise ValidationError(
            _("This partner search has closed: it no longer takes answers."), code="closed"
        )
    if city.pk == search.city_id:
        raise ValidationError(
            _("Your own city posted this search: other cities answer it."), code="own_city"
        )
    if not author.has_perm("funding.reply_partner_search", search) or not is_city_member(
        author, city
    ):
        raise ValidationError(
            _("You can only answer for a city you are an approved member of."),
            code="not_your_city",
        )
    already = _("Your city has already answered this search.")
    reply = PartnerReply(
        search=search,
        city=city,
        author=author,
        role=(role or "").strip(),
        message=(message or "").strip(),
    )
    try:
        reply.full_clean()
    except ValidationError as error:
        if PartnerReply.objects.filter(search=search, city=city).exists():
            raise ValidationError(already, code="answered") from error
        raise
    with transaction.atomic():
        try:
            with transaction.atomic():
                reply.save()
        except IntegrityError as error:  # two members of the city answered at once
            raise ValidationError(already, code="answered") from error
        poster = search.author
        told = poster if _reads_answers(poster) else None
        notify(
            kind=NotificationKind.PARTNER_REPLY,
            actor=author,
            title=search.title,
            title_language=search.content_language,
            subject=search,
            url=f"{search.get_absolute_url()}#reply-{reply.pk}",
            city=city,
            also=[poster] if poster is not None else [],
            public=False,
            # The poster gets the answer itself by e-mail: the notification must not e-mail
            # them a second time.
            emailed_separately=[told] if told is not None else [],
        )
        if told is not None and told.pk != author.pk:
            mail.send(
                to=told,
                template="email/partner_reply",
                context={"reply": reply, "search": search, "city": city, "author": author},
            )
    return reply


def _reads_answers(person: User | None) -> bool:
    """Whether the poster still reads the network's content (an answer is members-only)."""
    return person is not None and person.is_active and reads_members_content(person)
