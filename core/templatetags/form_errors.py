"""The error summary every page shows after a form was sent back with errors (WCAG 3.3.1).

Written once for every form: ``base.html`` asks for the summary of the forms and formsets in
its context, prefixes the page's title with "Error:" and shows a box at the top of the page
that links each message to its field, and that takes the focus.
"""

from dataclasses import dataclass

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class SummaryItem:
    message: str
    target: str = ""  # the id of the field to go to, or "" for errors of the whole form


def _target(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    if isinstance(widget, forms.RadioSelect):
        # A group of radios or checkboxes: its first option (no query: the index, not choices).
        return widget.id_for_label(bound.auto_id, "0") if bound.auto_id else ""
    return bound.id_for_label or bound.auto_id or ""


def _form_items(form: forms.BaseForm, row: str = "") -> list[SummaryItem]:
    items = [SummaryItem(str(error)) for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name not in form.fields:
            continue  # non-field errors, above
        bound = form[name]
        if bound.is_hidden:
            items += [SummaryItem(str(error)) for error in errors]
            continue
        label = str(bound.label)
        if row:
            label = _("%(field)s (%(row)s)") % {"field": label, "row": row}
        target = _target(bound)
        items += [
            SummaryItem(_("%(field)s: %(error)s") % {"field": label, "error": error}, target)
            for error in errors
        ]
    return items


def _formset_items(formset: BaseFormSet) -> list[SummaryItem]:
    items = [SummaryItem(str(error)) for error in formset.non_form_errors()]
    item_label = getattr(formset, "item_label", None)
    for number, form in enumerate(formset.forms, start=1):
        if item_label:
            row = _("%(item)s %(number)s") % {"item": item_label, "number": number}
        else:
            row = str(number)
        items += _form_items(form, row)
    return items


def summary_items(values) -> list[SummaryItem]:
    """What the forms and formsets among ``values`` say is wrong, in their order."""
    items, seen = [], set()
    for value in values:
        if id(value) in seen or not getattr(value, "is_bound", False):
            continue
        seen.add(id(value))
        if isinstance(value, BaseFormSet):
            items += _formset_items(value)
        elif isinstance(value, forms.BaseForm):
            items += _form_items(value)
    return items


@register.simple_tag(takes_context=True)
def error_summary_items(context) -> list[SummaryItem]:
    """The summary of a page answering a sent form (a POST): a bound form on a GET page is a
    filter, whose messages stay beside it."""
    request = context.get("request")
    if request is None or request.method in ("GET", "HEAD"):
        return []
    return summary_items(context.flatten().values())
