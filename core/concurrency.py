"""Optimistic concurrency for edit pages: two people editing the same thing must not silently
overwrite each other.

The edit form carries a signed token of the version the person opened: the row's
``updated_at`` (to the microsecond) and a short fingerprint of every value the page edits. The
service compares the version with the row locked (``lock_unchanged``), so that of two saves
arriving together only the first passes. A refused form lists what someone else changed (the
values whose fingerprint differs) and carries the current version, so that submitting it again
is a deliberate overwrite.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from typing import NamedTuple

from django import forms
from django.core import signing
from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from .dates import date_format, localtime

VERSION_FIELD = "edit_version"
_SALT = "core.concurrency.edit-version"

BAD_TOKEN_MESSAGE = _(
    "The portal cannot tell which version you started from: the page was incomplete or too "
    "old. Someone else may have changed it since. Check your changes below, then save again."
)


class EditConflict(Exception):  # noqa: N818 - a refusal, not a programming error
    """The row changed since the person opened the form: the save was refused, nothing written."""

    def __init__(self, current: models.Model):
        super().__init__(f"{current._meta.label} {current.pk} changed since it was opened")
        self.current = current


def version_of(instance: models.Model) -> str:
    # Microseconds included: two saves within the same second are still two versions.
    return instance.updated_at.isoformat()


def lock_unchanged(queryset: models.QuerySet, *, pk, version: str | None) -> models.Model:
    """Lock the row until the end of the transaction and return it; with ``version``, raise
    ``EditConflict`` when the row is no longer at that version.

    Call it inside ``transaction.atomic()`` before writing anything: a second save of the same
    version waits for the first one's lock, then reads the version the first one wrote.
    """
    current = queryset.select_for_update().get(pk=pk)
    if version is not None and version_of(current) != version:
        raise EditConflict(current)
    return current


class Extra(NamedTuple):
    """Something the page edits besides the form's own fields (a formset, a state shown on it)."""

    label: str
    value: object  # compared: JSON-serialisable, the same in every language
    shown: list[str]  # what people read


@dataclass(frozen=True)
class Change:
    """A value someone else changed since the form was opened, as it is stored now."""

    label: str
    values: list[str]  # empty: the value was emptied


@dataclass
class Conflict:
    changes: list[Change] = field(default_factory=list)


def _comparable(value):
    if isinstance(value, str):
        # Browsers send text areas with CRLF: the same text stored either way is no change.
        return value.replace("\r\n", "\n")
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (list, tuple)):
        items = [_comparable(item) for item in value]
        # Related objects (themes, contacts, tags) have no order on the page.
        return sorted(items) if all(isinstance(v, models.Model) for v in value) else items
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _fingerprint(value) -> str:
    text = json.dumps(_comparable(value), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


class EditVersionFormMixin:
    """For the ModelForm of an edit page whose model has ``updated_at``.

    On an existing object the form gets a hidden ``edit_version`` field. Give its cleaned
    version (``opened_version``) to the service, which checks it with ``lock_unchanged``; when
    the service raises ``EditConflict``, call ``refuse(conflict.current)`` and show the form
    again: ``edit_conflict`` then lists what changed. Override ``edit_extras`` for what the page
    edits outside the form (formsets).

    A missing or damaged token is a form error, and the form shown again carries the stored
    version: saving once more is then a deliberate save over it.
    """

    conflict_message = _("Someone else changed this since you opened it.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened_version: str | None = None
        self.edit_conflict: Conflict | None = None
        self._opened_prints: dict[str, str] = {}
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
            # Computed only when an unbound form is shown: a POST brings its own token.
            self.initial[VERSION_FIELD] = lambda: self._token(self.instance, self.initial)

    # --- What the page edits ---------------------------------------------------------------

    def edit_extras(self, instance: models.Model) -> dict[str, Extra]:
        """What the page edits besides the form's fields, as stored for ``instance``."""
        return {}

    def _edited_names(self) -> list[str]:
        model_fields = set(self._meta.fields or ())
        return [name for name in self.fields if name in model_fields]

    def _prints(self, instance: models.Model, values: dict) -> dict[str, str]:
        prints = {name: _fingerprint(values.get(name)) for name in self._edited_names()}
        for name, extra in self.edit_extras(instance).items():
            prints[name] = _fingerprint(extra.value)
        return prints

    def _token(self, instance: models.Model, values: dict) -> str:
        payload = {"v": version_of(instance), "p": self._prints(instance, values)}
        return signing.dumps(payload, salt=self._salt(instance), compress=True)

    @staticmethod
    def _salt(instance: models.Model) -> str:
        # A token only fits the object it was made for.
        return f"{_SALT}:{instance._meta.label}:{instance.pk}"

    def _put_token(self, token: str) -> None:
        data = self.data.copy()
        data[self.add_prefix(VERSION_FIELD)] = token
        self.data = data

    # --- Validation and refusal ------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        if VERSION_FIELD in self.fields:
            try:
                payload = signing.loads(
                    cleaned.get(VERSION_FIELD) or "", salt=self._salt(self.instance)
                )
                version, prints = payload["v"], payload["p"]
                if not isinstance(version, str) or not isinstance(prints, dict):
                    raise TypeError(version)
            except (signing.BadSignature, KeyError, TypeError):
                self.add_error(None, BAD_TOKEN_MESSAGE)
                # Saving again is then a deliberate save over the version stored now.
                self._put_token(self._token(self.instance, self.initial))
            else:
                self.opened_version, self._opened_prints = version, prints
        return cleaned

    def refuse(self, current: models.Model) -> Conflict:
        """After the service refused the save: list what ``current`` (the stored object) has
        that differs from what the person opened, and carry its version in the form, so that
        submitting again replaces it."""
        values = model_to_dict(current, fields=self._edited_names())
        changes = [
            Change(str(self[name].label), self._shown(current, name, values.get(name)))
            for name in self._edited_names()
            if _fingerprint(values.get(name)) != self._opened_prints.get(name)
        ]
        for name, extra in self.edit_extras(current).items():
            if _fingerprint(extra.value) != self._opened_prints.get(name):
                changes.append(Change(str(extra.label), extra.shown))
        self._put_token(self._token(current, values))
        self.edit_conflict = Conflict(changes)
        return self.edit_conflict

    def _shown(self, current: models.Model, name: str, value) -> list[str]:
        form_field = self.fields[name]
        model_field = current._meta.get_field(name)
        label_of = getattr(form_field, "label_from_instance", str)
        if isinstance(value, list):  # many-to-many, tags
            return [str(label_of(item)) for item in value]
        if model_field.is_relation:
            related = getattr(current, name)
            return [str(label_of(related))] if related is not None else []
        if value is None or value == "":
            return []
        if model_field.choices:
            return [str(dict(model_field.flatchoices).get(value, value))]
        if isinstance(value, FieldFile):
            return [str(_("a new file"))]
        if isinstance(value, bool):
            return [str(_("yes") if value else _("no"))]
        if isinstance(value, datetime.datetime):
            return [date_format(localtime(value), "DATETIME_FORMAT")]
        return [date_format(value) if isinstance(value, datetime.date) else str(value)]
