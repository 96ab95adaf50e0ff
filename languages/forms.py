from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .enums import GLOSSARY_LANGUAGES
from .models import GlossaryEntry, text_digest, validate_sources
from .phrases import phrase
from .services import CONTENT_FIELDS
from .translatable import present_fields

LANGUAGE_NAMES = {"fr": _("French"), "sv": _("Swedish"), "en": _("English")}


class SourcesField(forms.CharField):
    """Sources typed one a line, "Title | https://address", kept as [{"title", "url"}]."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{source['title']} | {source['url']}" for source in value)
        return value

    def to_python(self, value):
        sources = []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            title, bar, url = line.rpartition("|")
            if not bar or not title.strip() or not url.strip():
                raise ValidationError(
                    _("Line %(number)s: write the title, a bar and the address: Title | https://…"),
                    code="source_line",
                    params={"number": number},
                )
            sources.append({"title": title.strip(), "url": url.strip()})
        return sources

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        validate_sources(value)


class EntryForm(forms.ModelForm):
    """What a member proposes, a correction changes and the admin edits."""

    sources = SourcesField(
        label=_("Sources"),
        help_text=_("One a line: the title, a bar and the address, e.g. “Loi SRU | https://…”."),
    )

    class Meta:
        model = GlossaryEntry
        fields = [*CONTENT_FIELDS, "note"]
        widgets = {
            **{
                f"definition_{code}": forms.Textarea(attrs={"rows": 3})
                for code in GLOSSARY_LANGUAGES
            },
            **{
                f"differences_{code}": forms.Textarea(attrs={"rows": 3})
                for code in GLOSSARY_LANGUAGES
            },
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        terms = [data.get(f"term_{code}", "").strip() for code in GLOSSARY_LANGUAGES]
        if not any(terms):
            raise ValidationError(_("Give the term in at least one language."), code="no_term")
        for code, term in zip(GLOSSARY_LANGUAGES, terms, strict=True):
            if term and data.get(f"no_equivalent_{code}"):
                self.add_error(
                    f"no_equivalent_{code}",
                    _("You gave a term in %(language)s: untick “no exact equivalent”.")
                    % {"language": LANGUAGE_NAMES[code]},
                )
        if not any(data.get(f"definition_{code}", "").strip() for code in GLOSSARY_LANGUAGES):
            raise ValidationError(
                _("Give a short definition in at least one language."), code="no_definition"
            )
        return data

    def content(self) -> dict:
        return {field: self.cleaned_data[field] for field in CONTENT_FIELDS}

    def _post_clean(self):
        # The slug and the state are the service's: the model's own checks run there.
        pass


class TranslationForm(forms.Form):
    """The side-by-side editor: for each field the original has, its translation; a box to
    confirm a machine or out-of-date translation unchanged; and what the person started from,
    to refuse a save over someone else's correction made meanwhile. Provenance is never a field:
    who translated is the person saving."""

    def __init__(self, *args, obj, language: str, existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj, self.language, self.existing = obj, language, existing
        self.rows = []
        for index, name in enumerate(present_fields(obj)):
            model_field = obj._meta.get_field(name)
            translation = existing.get(name)
            original = getattr(obj, name) or ""
            long_text = isinstance(model_field, models.TextField)
            self.fields[f"text_{name}"] = forms.CharField(
                label=phrase("field_in", language, field=capfirst(model_field.verbose_name)),
                required=index == 0,
                max_length=model_field.max_length,
                strip=True,
                initial=translation.text if translation else "",
                widget=forms.Textarea(attrs={"rows": 8 if len(original) > 400 else 4})
                if long_text
                else forms.TextInput(),
            )
            self.fields[f"text_{name}"].widget.attrs["lang"] = language
            needs_check = translation is not None and (
                (translation.is_machine and not translation.is_reviewed)
                or translation.is_out_of_date(original)
            )
            if needs_check:
                self.fields[f"confirm_{name}"] = forms.BooleanField(
                    label=_("I checked this translation against the original"), required=False
                )
            self.fields[f"base_{name}"] = forms.CharField(
                required=False,
                widget=forms.HiddenInput,
                initial=text_digest(translation.text) if translation else "",
            )
            self.rows.append(
                {
                    "name": name,
                    "label": model_field.verbose_name,
                    "original": original,
                    "translation": translation,
                    "out_of_date": translation is not None and translation.is_out_of_date(original),
                    "text": self[f"text_{name}"],
                    "confirm": self[f"confirm_{name}"] if needs_check else None,
                    "base": self[f"base_{name}"],
                }
            )

    def texts(self) -> dict[str, str]:
        return {row["name"]: self.cleaned_data[f"text_{row['name']}"] for row in self.rows}

    def confirmed(self) -> set[str]:
        return {row["name"] for row in self.rows if self.cleaned_data.get(f"confirm_{row['name']}")}

    def bases(self) -> dict[str, str]:
        return {row["name"]: self.cleaned_data.get(f"base_{row['name']}", "") for row in self.rows}
