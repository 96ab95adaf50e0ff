"""The activity log in the portal, for coordinators: a filtered list and its CSV export."""

import csv
from collections.abc import Iterator

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from core.dates import localtime

from .forms import ActivityFilterForm
from .models import ActivityEntry
from .selectors import activity_cities, activity_entries

PAGE_SIZE = 50
CSV_FIELDS = [
    "created_at",
    "actor_name",
    "kind",
    "city",
    "target_type",
    "target_id",
    "target_label",
    "reason",
]


def _filtered(request):
    """The entries the reader may see, with the filters of the query string that passed."""
    if not request.user.has_perm("cities.read_activity"):
        raise PermissionDenied
    form = ActivityFilterForm(request.GET, cities=activity_cities(request.user))
    form.is_valid()
    return form, activity_entries(request.user, **form.filters())


@require_GET
def activity_list(request):
    form, entries = _filtered(request)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    export_url = reverse("activity:export")
    return render(
        request,
        "cities/activity_list.html",
        {
            "form": form,
            "page": page,
            "entries": page.object_list,
            "export_url": f"{export_url}?{query.urlencode()}" if query else export_url,
        },
    )


class _Echo:
    """A file that hands back what is written to it, for ``csv.writer`` to make one line."""

    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    # A leading = + - @ would make a spreadsheet run the cell as a formula.
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_lines(entries, language: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    with translation.override(language):
        fields = [ActivityEntry._meta.get_field(name) for name in CSV_FIELDS]
        yield "\ufeff" + writer.writerow([capfirst(field.verbose_name) for field in fields])
        for entry in entries.iterator(chunk_size=500):
            yield writer.writerow(
                [
                    localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                    _cell(entry.actor_name),
                    entry.get_kind_display(),
                    _cell(entry.city.display_name if entry.city else ""),
                    entry.target_type,
                    entry.target_id,
                    _cell(entry.target_label),
                    _cell(entry.reason),
                ]
            )


@require_GET
def activity_export(request):
    """The same entries as the list, every page of them, as CSV (UTF-8 with a byte order mark,
    so that spreadsheet programs read accents right), written as it is read."""
    _form, entries = _filtered(request)
    response = StreamingHttpResponse(
        _csv_lines(entries, translation.get_language()), content_type="text/csv; charset=utf-8"
    )
    filename = f"activity-log-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
