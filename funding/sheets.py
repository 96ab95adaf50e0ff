"""Partner sheets: one city presented for one call, as a PDF (WeasyPrint, tagged) and as an
editable Word document (python-docx), in French, Swedish or English.

A member asks for one (``sheet_request``); a task makes it off the request (``sheet_make``,
``funding.tasks.make_partner_sheet``) into the private storage, where the permission-checked
views of ``funding.sheet_views`` serve it; ``alliance_portal.retention`` deletes it after
``RETENTION_PARTNER_SHEET_DAYS``.

What a sheet says (``sheet_content``) is read in a fixed number of queries whatever the data:
the call, the city's facts, the people of the city who chose to appear in the member directory
(name, job title, organisation, role: the directory shows nobody's e-mail address, so neither
does a sheet), the city's projects for the call with their soft-solution fields, the partners
found for the call, and the city's cooperation in the Alliance so far.
"""

import datetime
import html
import io
import logging
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from PIL import ImageFile
from weasyprint import CSS, HTML

from accounts.models import User
from cities.models import City, display_name_expression
from cities.rules import approved_cities, is_moderator
from cities.selectors import approved_members, city_people
from core import ratelimit
from core.dates import date_format, localtime
from core.enums import ContentLanguage, Visibility
from core.links import absolute_url
from core.markdown import render_markdown
from core.queries import count_of
from events.enums import EventKind, EventState, RegistrationState
from events.models import Event, Registration
from languages.selectors import attach_translations
from projects.models import Project
from questions.models import Answer

from . import tasks
from .models import CallDeadline, CallInterest, FundingCall, PartnerReply, PartnerSheet

logger = logging.getLogger(__name__)
# WeasyPrint tells each of its rendering steps at INFO, the portal's log level: seven lines per
# sheet that say nothing. Its warnings (a CSS rule it ignores) and errors still reach the log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
# Importing WeasyPrint turns on Pillow's loading of truncated images for the whole process;
# the portal's picture checks (core.pictures) refuse a truncated upload, so it goes back off.
ImageFile.LOAD_TRUNCATED_IMAGES = False

LANGUAGES = tuple(ContentLanguage.values)  # fr, sv, en
PROJECTS_SHOWN = 6
COOPERATION_SHOWN = 10  # events attended, answers given, bilateral meetings: the latest of each
SHEETS_PER_MINUTE = 10
BRUSSELS = ZoneInfo("Europe/Brussels")
STYLESHEET = Path(__file__).with_name("sheet_pdf.css")
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Word's names of the languages (w:lang, core properties).
WORD_LANGUAGES = {"fr": "fr-FR", "sv": "sv-SE", "en": "en-GB"}

# What the sheet calls its parts, in both renderings (resolved in the sheet's language).
HEADINGS = {
    "alliance": _("French–Swedish Alliance for sustainable urban development"),
    "kind": _("Partner sheet"),
    "call": _("The call"),
    "city": _("The city"),
    "contacts": _("Contacts"),
    "projects": _("Relevant projects"),
    "partners": _("Partners found for this call"),
    "replies": _("Answers to the city's partner searches"),
    "interested": _("Cities interested in this call"),
    "cooperation": _("Past cooperation in the Alliance"),
    "events": _("Events attended"),
    "answers": _("Answers given to other cities' questions"),
    "bilaterals": _("Bilateral meetings"),
}
LABELS = {
    "programme": _("Programme"),
    "identifier": _("Call or topic identifier"),
    "title": _("Title"),
    "deadlines": _("Deadlines"),
    "themes": _("Themes"),
    "official_url": _("Official page"),
    "interest": _("Interest of the city"),
    "level": _("Interest"),
    "name": _("Name"),
    "country": _("Country"),
    "region": _("Region"),
    "population": _("Approximate population"),
    "member_body": _("Member body"),
    "national_network": _("National network"),
    "website": _("Website"),
    "joined_on": _("Member of the Alliance since"),
    "job_title": _("Job title"),
    "organisation": _("Organisation"),
    "role": _("Role"),
    "city": _("City"),
    "search": _("Partner search"),
    "would_join_as": _("Would join as"),
    "event": _("Event"),
    "kind": _("Kind"),
    "date": _("Date"),
    "attendees": _("Members who took part"),
    "question": _("Question"),
    "asked_by": _("Asked by"),
    "meeting": _("Meeting"),
    "with": _("With"),
    "named": _("Named by the city for this call"),
    "page": _("Page %(page)s of %(pages)s"),
    "none": _("Nothing recorded yet."),
    "contacts_note": _(
        "People of the city who chose to appear in the Alliance's member directory. Write to "
        "them through the directory: their e-mail addresses are not shown."
    ),
    "generated": _("Made on %(date)s with the Alliance Portal, %(url)s."),
}
# The soft-solution fields, under the headings their project page gives them.
SOFT_FIELDS = {
    "approach": _("How we organised and worked"),
    "stakeholders": _("Stakeholders involved"),
    "lessons_learned": _("Lessons learned"),
    "transferability": _("Transferability to the other country"),
    "equity": _("Equity: who benefits, who bears the costs"),
}


# --- Who may ask -----------------------------------------------------------------------------


def sheet_cities(user: User) -> QuerySet[City]:
    """The cities ``user`` may make a partner sheet for (``funding.make_partner_sheet``): their
    own, or every active city for coordinators; by name in the active language."""
    if not user.is_authenticated:
        return City.objects.none()
    if is_moderator(user):
        cities = City.objects.active()
    else:
        cities = City.objects.filter(pk__in=list(approved_cities(user)))
    return cities.order_by(display_name_expression(), "pk")


def may_make_sheets(user: User) -> bool:
    """Whether ``user`` may make a partner sheet for at least one city."""
    return user.is_authenticated and (bool(approved_cities(user)) or is_moderator(user))


def may_read_sheet(user: User, sheet: PartnerSheet) -> bool:
    """The person who asked, and whoever may make a sheet for its city."""
    if not user.is_authenticated:
        return False
    return sheet.requested_by_id == user.pk or user.has_perm(
        "funding.make_partner_sheet", sheet.city
    )


class SheetRequestForm(forms.Form):
    """Which city and which language: the call is in the address."""

    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.none(),
        to_field_name="slug",
        empty_label=None,
        error_messages={
            "required": _("Choose the city the sheet presents."),
            "invalid_choice": _("Choose one of your cities in the list."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the sheet"),
        choices=ContentLanguage.choices,
        error_messages={
            "required": _("Choose the language of the sheet."),
            "invalid_choice": _("Choose French, Swedish or English."),
        },
    )

    def __init__(self, *args, cities: QuerySet[City], **kwargs):
        kwargs.setdefault("auto_id", "sheet-%s")
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities


# --- What a sheet says -----------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    """Members' Markdown as plain paragraphs (list items marked with a bullet), for a document
    whose headings and styles are the sheet's own."""
    rendered = str(render_markdown(text or ""))
    rendered = re.sub(r"<li[^>]*>", "• ", rendered)
    rendered = re.sub(r"</(?:p|li|h[1-6]|blockquote|pre|tr)>|<br\s*/?>", "\n", rendered)
    plain = html.unescape(strip_tags(rendered))
    return [line.strip() for line in plain.splitlines() if line.strip()]


def _text(shown) -> dict:
    """A text as shown in the sheet's language (or its original's), with its language."""
    return {"text": str(shown), "lang": shown.lang, "paragraphs": _paragraphs(shown)}


def _day(moment: datetime.datetime | datetime.date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime.datetime):
        moment = localtime(moment).date()
    return date_format(moment)


def _deadline(at: datetime.datetime) -> str:
    brussels = localtime(at, BRUSSELS)
    return gettext("%(date)s at %(time)s (Brussels time)") % {
        "date": date_format(brussels.date()),
        "time": brussels.strftime("%H:%M"),
    }


def _city_facts(city: City) -> list[tuple[str, str]]:
    facts = [
        (LABELS["name"], city.display_name),
        (LABELS["country"], city.get_country_display()),
        (LABELS["region"], city.region),
        (
            LABELS["population"],
            number_format(city.population, force_grouping=True) if city.population else "",
        ),
        (LABELS["member_body"], city.member_body),
        (LABELS["national_network"], city.national_network),
        (LABELS["website"], city.website),
        (LABELS["joined_on"], _day(city.joined_on)),
    ]
    return [(str(label), value) for label, value in facts if value]


def _projects(call: FundingCall, city: City) -> list[Project]:
    """The projects the city's interest in the call names, then its other live public projects
    on the call's themes, up to ``PROJECTS_SHOWN``: one query."""
    named = Exists(
        CallInterest.projects.through.objects.filter(
            callinterest__call=call, callinterest__city=city, project=OuterRef("pk")
        )
    )
    on_themes = Exists(
        Project.themes.through.objects.filter(
            project=OuterRef("pk"),
            theme__in=FundingCall.themes.through.objects.filter(fundingcall=call).values(
                "theme_id"
            ),
        )
    )
    return list(
        Project.objects.alive()
        .filter(city=city)
        .annotate(named=named, on_themes=on_themes)
        .filter(Q(named=True) | Q(on_themes=True, visibility=Visibility.PUBLIC))
        .order_by("-named", "-updated_at", "pk")[:PROJECTS_SHOWN]
    )


def _project(project: Project) -> dict:
    shown = project.shown
    fields = []
    for name, label in SOFT_FIELDS.items():
        text = shown.field(name)
        if str(text).strip():
            fields.append({"label": str(label), **_text(text)})
    dates = " – ".join(day for day in (_day(project.start_date), _day(project.end_date)) if day)
    return {
        "title": _text(shown.title),
        "summary": _text(shown.summary),
        "status": project.get_status_display(),
        "dates": dates,
        "named": project.named,
        "translated_from": str(shown.translated_from),
        "url": absolute_url(project.get_absolute_url()),
        "fields": fields,
    }


def _events_attended(city: City) -> list[Event]:
    """Published events (other than bilateral meetings) that began, at which members of the
    city had a confirmed seat, newest first, with how many of them."""
    seats = Registration.objects.filter(
        state=RegistrationState.CONFIRMED, user__in=approved_members(city=city)
    )
    attendees = count_of(seats.filter(event=OuterRef("pk")), "event")
    return list(
        Event.objects.filter(
            state=EventState.PUBLISHED,
            starts_at__lte=timezone.now(),
            pk__in=seats.values("event_id"),
        )
        .exclude(kind=EventKind.BILATERAL)
        .select_related("host_city")
        .annotate(attendees=attendees)
        .order_by("-starts_at", "pk")[:COOPERATION_SHOWN]
    )


def _bilaterals(city: City) -> tuple[list[Event], dict[int, list[City]]]:
    """Published bilateral meetings the city hosted or took part in, newest first, and the
    cities of each (one query for the meetings, one for their cities)."""
    taking_part = Event.cities.through.objects.filter(city=city).values("event_id")
    meetings = (
        Event.objects.filter(kind=EventKind.BILATERAL, state=EventState.PUBLISHED)
        .filter(Q(host_city=city) | Q(pk__in=taking_part))
        .select_related("host_city")
        .order_by("-starts_at", "pk")
    )
    shown = list(meetings[:COOPERATION_SHOWN])
    cities: dict[int, list[City]] = {}
    # A subquery, not a list of ids: one query whatever was found.
    rows = Event.cities.through.objects.filter(
        event__in=meetings.values("pk")[:COOPERATION_SHOWN]
    ).select_related("city")
    for row in rows:
        cities.setdefault(row.event_id, []).append(row.city)
    return shown, cities


def _answers(city: City) -> list[Answer]:
    return list(
        Answer.objects.filter(city=city, removed_at__isnull=True)
        .exclude(question__city=city)
        .select_related("question__city")
        .order_by("-created_at", "pk")[:COOPERATION_SHOWN]
    )


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError(
            {"language": gettext("Choose French, Swedish or English.")}, code="invalid"
        )


def sheet_content(call: FundingCall, city: City, language: str) -> dict:
    """Everything a partner sheet says, as plain text in ``language`` (translations where they
    exist, each text with its language), read in a fixed number of queries."""
    _check_language(language)
    with translation.override(language):
        interests = list(
            CallInterest.objects.filter(call=call).select_related("city").order_by("pk")
        )
        own_interest = next((i for i in interests if i.city_id == city.pk), None)
        deadlines = list(CallDeadline.objects.filter(call=call).order_by("at"))
        themes = list(call.themes.order_by("kind", "position", "slug"))
        projects = _projects(call, city)
        contacts = list(city_people(city).exclude(user__full_name=""))
        replies = list(
            PartnerReply.objects.filter(search__city=city, search__call=call)
            .exclude(city=city)
            .select_related("city", "search")
            .order_by("created_at", "pk")
        )
        events = _events_attended(city)
        meetings, meeting_cities = _bilaterals(city)
        answers = _answers(city)
        # Every text in the sheet's language where a translation exists: one query.
        attach_translations(
            [
                call,
                *projects,
                *events,
                *meetings,
                *(answer.question for answer in answers),
            ],
            language,
        )

        call_facts = [
            (LABELS["programme"], call.get_programme_display()),
            (LABELS["identifier"], call.identifier),
            (LABELS["deadlines"], "; ".join(_deadline_line(d) for d in deadlines)),
            (LABELS["themes"], ", ".join(theme.name for theme in themes)),
            (LABELS["official_url"], call.official_url),
            (LABELS["interest"], own_interest.get_level_display() if own_interest else ""),
        ]
        content = {
            "language": language,
            "word_language": WORD_LANGUAGES[language],
            "headings": {key: str(value) for key, value in HEADINGS.items()},
            "labels": {key: str(value) for key, value in LABELS.items() if key != "page"},
            "page_label": str(LABELS["page"]),
            "document_title": gettext("Partner sheet: %(city)s – %(call)s")
            % {"city": city.display_name, "call": call.shown.title},
            "generated": str(LABELS["generated"])
            % {"date": _day(timezone.now()), "url": absolute_url("/")},
            "call": {
                "title": _text(call.shown.title),
                "summary": _text(call.shown.summary),
                "facts": [(str(label), str(value)) for label, value in call_facts if value],
                "url": absolute_url(call.get_absolute_url()),
            },
            "city": {
                "name": city.display_name,
                "slug": city.slug,
                "facts": _city_facts(city),
            },
            "contacts": [
                {
                    "name": membership.user.full_name,
                    "job_title": membership.user.job_title,
                    "job_title_lang": membership.user.job_title_language or "",
                    "organisation": membership.user.organisation,
                    "role": membership.get_role_display(),
                }
                for membership in contacts
            ],
            "projects": [_project(project) for project in projects],
            "replies": [
                {
                    "city": reply.city.display_name,
                    "country": reply.city.get_country_display(),
                    "role": reply.role,
                    "search": reply.search.title,
                    "search_lang": reply.search.content_language,
                    "date": _day(reply.created_at),
                }
                for reply in replies
            ],
            "interested": [
                {
                    "city": interest.city.display_name,
                    "country": interest.city.get_country_display(),
                    "level": interest.get_level_display(),
                }
                for interest in interests
                if interest.city_id != city.pk
            ],
            "events": [
                {
                    "title": _text(event.shown.title),
                    "kind": event.get_kind_display(),
                    "date": _day(event.starts_at),
                    "host": event.host_city.display_name if event.host_city else "",
                    "attendees": event.attendees,
                }
                for event in events
            ],
            "answers": [
                {
                    "question": _text(answer.question.shown.title),
                    "asked_by": answer.question.city.display_name,
                    "date": _day(answer.created_at),
                }
                for answer in answers
            ],
            "bilaterals": [
                {
                    "title": _text(meeting.shown.title),
                    "date": _day(meeting.starts_at),
                    "with": ", ".join(
                        sorted(
                            {
                                other.display_name
                                for other in [
                                    *meeting_cities.get(meeting.pk, []),
                                    *([meeting.host_city] if meeting.host_city else []),
                                ]
                                if other.pk != city.pk
                            }
                        )
                    ),
                }
                for meeting in meetings
            ],
        }
    return content


def _deadline_line(deadline: CallDeadline) -> str:
    moment = _deadline(deadline.at)
    if not deadline.label:
        return moment
    return gettext("%(moment)s: %(label)s") % {"moment": moment, "label": deadline.label}


# --- Renderings ------------------------------------------------------------------------------


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_numbers_css(label: str) -> str:
    """The footer's "Page 2 of 5" in the sheet's language, as CSS generated content."""
    parts = re.split(r"(%\(page\)s|%\(pages\)s)", label)
    content = " ".join(
        {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}.get(part) or _css_string(part)
        for part in parts
        if part
    )
    return f"@page {{ @bottom-right {{ content: {content}; }} }}"


def render_pdf(content: dict) -> bytes:
    """The sheet as a tagged PDF (PDF/UA-1: a structure tree, the title shown as the window's
    title, the language in the catalogue), A4, in the fonts the machine has (fontconfig)."""
    with translation.override(content["language"]):
        page = render_to_string("funding/sheet_pdf.html", {"sheet": content})
    stylesheets = [
        CSS(filename=str(STYLESHEET)),
        CSS(string=_page_numbers_css(content["page_label"])),
    ]
    return HTML(string=page, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=stylesheets, pdf_variant="pdf/ua-1"
    )


def _set_language(element, language: str) -> None:
    """``w:lang`` on a run's or a style's properties: what Word checks the spelling in."""
    properties = element.get_or_add_rPr()
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), WORD_LANGUAGES.get(language, language))


def _add_text(paragraph, text: str, language: str, *, bold: bool = False):
    run = paragraph.add_run(text)
    run.bold = bold or None
    _set_language(run._r, language)
    return run


def _field(paragraph, instruction: str) -> None:
    """A Word field (the page number, the page count), worked out when the document opens."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _header_row(row) -> None:
    """Repeat the row at the top of each page, and tell assistive technology it heads columns."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document, language: str, headers: list[str], rows: list[list[tuple[str, str]]]):
    """A table with a header row; each cell is (text, its language)."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _add_text(cell.paragraphs[0], header, language, bold=True)
    _header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, (text, text_language) in zip(cells, values, strict=True):
            _add_text(cell.paragraphs[0], str(text), text_language or language)
    document.add_paragraph()
    return table


def _facts_table(document, language: str, facts: list[tuple[str, str]]):
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in facts:
        cells = table.add_row().cells
        _add_text(cells[0].paragraphs[0], label, language, bold=True)
        _add_text(cells[1].paragraphs[0], value, language)
    document.add_paragraph()
    return table


def _paragraphs_of(document, text: dict, style: str | None = None) -> None:
    for line in text["paragraphs"]:
        paragraph = document.add_paragraph(style=style)
        _add_text(paragraph, line, text["lang"])


def render_docx(content: dict) -> bytes:
    """The sheet as a Word document to edit: the same parts under real heading styles (Heading
    1–3), tables with header rows, the title and language in its properties, A4."""
    language = content["language"]
    headings, labels = content["headings"], content["labels"]
    document = Document()
    properties = document.core_properties
    properties.title = content["document_title"]
    properties.language = content["word_language"]
    properties.subject = content["call"]["title"]["text"]
    properties.author = headings["alliance"]
    properties.keywords = headings["kind"]
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10.5)
    _set_language(normal.element, language)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin = section.bottom_margin = Mm(22)
    _add_text(section.header.paragraphs[0], headings["alliance"], language)
    footer = section.footer.paragraphs[0]
    before, _sep, after = content["page_label"].partition("%(page)s")
    middle, _sep, end = after.partition("%(pages)s")
    _add_text(footer, before, language)
    _field(footer, "PAGE")
    _add_text(footer, middle, language)
    _field(footer, "NUMPAGES")
    _add_text(footer, end, language)

    call, city = content["call"], content["city"]
    _add_text(document.add_paragraph(), headings["kind"], language, bold=True)
    document.add_heading(city["name"], level=1)
    subtitle = document.add_paragraph()
    _add_text(subtitle, call["title"]["text"], call["title"]["lang"])

    document.add_heading(headings["call"], level=2)
    _facts_table(document, language, [(labels["title"], call["title"]["text"]), *call["facts"]])
    _paragraphs_of(document, call["summary"])

    document.add_heading(headings["city"], level=2)
    _facts_table(document, language, city["facts"])

    document.add_heading(headings["contacts"], level=2)
    if content["contacts"]:
        _add_text(document.add_paragraph(), labels["contacts_note"], language)
        _table(
            document,
            language,
            [labels["name"], labels["job_title"], labels["organisation"], labels["role"]],
            [
                [
                    (person["name"], ""),
                    (person["job_title"], person["job_title_lang"]),
                    (person["organisation"], ""),
                    (person["role"], ""),
                ]
                for person in content["contacts"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)

    document.add_heading(headings["projects"], level=2)
    if not content["projects"]:
        _add_text(document.add_paragraph(), labels["none"], language)
    for project in content["projects"]:
        heading = document.add_heading(level=3)
        _add_text(heading, project["title"]["text"], project["title"]["lang"])
        facts = [project["status"], project["dates"], project["translated_from"]]
        if project["named"]:
            facts.insert(0, labels["named"])
        _add_text(document.add_paragraph(), " · ".join(f for f in facts if f), language)
        _paragraphs_of(document, project["summary"])
        for field in project["fields"]:
            _add_text(document.add_paragraph(), field["label"], language, bold=True)
            _paragraphs_of(document, field)
        link = document.add_paragraph()
        _add_text(link, project["url"], language)

    document.add_heading(headings["partners"], level=2)
    document.add_heading(headings["replies"], level=3)
    if content["replies"]:
        _table(
            document,
            language,
            [labels["city"], labels["country"], labels["would_join_as"], labels["search"]],
            [
                [
                    (reply["city"], ""),
                    (reply["country"], ""),
                    (reply["role"], reply["search_lang"]),
                    (reply["search"], reply["search_lang"]),
                ]
                for reply in content["replies"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)
    document.add_heading(headings["interested"], level=3)
    if content["interested"]:
        _table(
            document,
            language,
            [labels["city"], labels["country"], labels["level"]],
            [
                [(row["city"], ""), (row["country"], ""), (row["level"], "")]
                for row in content["interested"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)

    document.add_heading(headings["cooperation"], level=2)
    document.add_heading(headings["events"], level=3)
    if content["events"]:
        _table(
            document,
            language,
            [labels["event"], labels["kind"], labels["date"], labels["attendees"]],
            [
                [
                    (event["title"]["text"], event["title"]["lang"]),
                    (event["kind"], ""),
                    (event["date"], ""),
                    (str(event["attendees"]), ""),
                ]
                for event in content["events"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)
    document.add_heading(headings["answers"], level=3)
    if content["answers"]:
        _table(
            document,
            language,
            [labels["question"], labels["asked_by"], labels["date"]],
            [
                [
                    (answer["question"]["text"], answer["question"]["lang"]),
                    (answer["asked_by"], ""),
                    (answer["date"], ""),
                ]
                for answer in content["answers"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)
    document.add_heading(headings["bilaterals"], level=3)
    if content["bilaterals"]:
        _table(
            document,
            language,
            [labels["meeting"], labels["with"], labels["date"]],
            [
                [
                    (meeting["title"]["text"], meeting["title"]["lang"]),
                    (meeting["with"], ""),
                    (meeting["date"], ""),
                ]
                for meeting in content["bilaterals"]
            ],
        )
    else:
        _add_text(document.add_paragraph(), labels["none"], language)

    closing = document.add_paragraph()
    closing.add_run().add_break(WD_BREAK.LINE)
    _add_text(closing, content["generated"], language)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Making and asking -----------------------------------------------------------------------


def sheet_filename(sheet: PartnerSheet, extension: str) -> str:
    """``partner-sheet-saint-brieuc-urbact-example-call-fr.pdf``: what the download is called."""
    stem = slugify(f"partner-sheet {sheet.city.slug} {sheet.call.slug} {sheet.language}")
    return f"{stem}.{extension}"


def sheet_make(sheet: PartnerSheet) -> bool:
    """Render ``sheet`` as PDF and DOCX into the private storage and mark it ready; on any
    error, mark it failed (the status page offers to try again) and log why. True once ready."""
    try:
        content = sheet_content(sheet.call, sheet.city, sheet.language)
        pdf = render_pdf(content)
        docx = render_docx(content)
        with transaction.atomic():
            sheet.pdf.save(sheet_filename(sheet, "pdf"), ContentFile(pdf), save=False)
            sheet.docx.save(sheet_filename(sheet, "docx"), ContentFile(docx), save=False)
            sheet.ready_at = max(timezone.now(), sheet.requested_at)
            sheet.failed_at = None
            sheet.save(update_fields=["pdf", "docx", "ready_at", "failed_at"])
    except Exception:
        logger.exception("Partner sheet %s could not be made", sheet.pk)
        sheet.failed_at = timezone.now()
        sheet.save(update_fields=["failed_at"])
        return False
    return True


class SheetLimitReached(ValidationError):
    """Too many sheets asked for in a minute: the view answers 429 Too Many Requests."""


def sheet_request(*, call: FundingCall, city: City, language: str, user: User) -> PartnerSheet:
    """A new partner sheet of ``city`` for ``call`` in ``language``, made by a task queued when
    the transaction commits. The view checks the permission; this checks the language and the
    person's rate (``SHEETS_PER_MINUTE``; a refusal raises ``SheetLimitReached``)."""
    _check_language(language)
    if not ratelimit.allowed(f"partner-sheet:{user.pk}", SHEETS_PER_MINUTE, 60):
        raise SheetLimitReached(
            gettext(
                "You have asked for many partner sheets in a short time: wait a minute, then "
                "try again."
            )
        )
    with transaction.atomic():
        sheet = PartnerSheet(call=call, city=city, language=language, requested_by=user)
        sheet.full_clean()
        sheet.save()
        transaction.on_commit(lambda: tasks.make_partner_sheet.delay(sheet.pk))
    return sheet


def sheets_delete_before(moment: datetime.datetime) -> int:
    """Delete the sheets asked for before ``moment``, their files first; how many went."""
    old = list(PartnerSheet.objects.filter(requested_at__lt=moment).only("pk", "pdf", "docx"))
    for sheet in old:
        for field_file in (sheet.pdf, sheet.docx):
            if field_file:
                field_file.storage.delete(field_file.name)
    PartnerSheet.objects.filter(pk__in=[sheet.pk for sheet in old]).delete()
    return len(old)
