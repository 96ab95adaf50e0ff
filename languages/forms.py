from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .enums import GLOSSARY_LANGUAGES
from .models import GlossaryEntry, validate_sources
from .services import CONTENT_FIELDS

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
