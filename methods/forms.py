from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cities.forms import PlaceAndThemeFilterForm
from core.concurrency import EditVersionFormMixin, Extra
from core.documents import check_size, detect_document_type
from themes.models import Theme

from .enums import MethodKind
from .models import Method, MethodDocument
from .services import DocumentChange

FIELD_HELP = {
    "title": _("A short, concrete name, e.g. “Gender-aware safety walk”."),
    "purpose": _("One or two sentences: what problem it helps with (500 characters at most)."),
    "steps": _(
        "How to do it, step by step. You can use Markdown: *italics*, **bold**, lists, links."
    ),
    "time_needed": _("e.g. “two evenings and a month of preparation”."),
    "cost": _("e.g. “about 2,000 euros for the furniture”, or “staff time only”."),
    "participants": _("Residents, services, associations, elected members: who and how many."),
    "pitfalls": _("What went wrong elsewhere, and how to avoid it."),
    "content_language": _("The language you write this page in."),
    "visibility": _(
        "Members-only methods are hidden from visitors who are not signed in as members."
    ),
    "tags": _("Free keywords separated by commas, e.g. temporary use, gender, mobility."),
    "city": _("The city whose experience this is, if any."),
}


class MethodForm(EditVersionFormMixin, forms.ModelForm):
    conflict_message = _("This method was changed by someone else since you opened it.")

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )

    class Meta:
        model = Method
        fields = [
            "city",
            "title",
            "kind",
            "purpose",
            "content_language",
            "visibility",
            "themes",
            "tags",
            "steps",
            "time_needed",
            "cost",
            "participants",
            "pitfalls",
        ]
        help_texts = FIELD_HELP
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "steps": forms.Textarea(attrs={"rows": 10}),
            "participants": forms.Textarea(attrs={"rows": 4}),
            "pitfalls": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": _("Give the method a title.")},
            "purpose": {"required": _("Say in a sentence what the method is for.")},
            "kind": {"invalid_choice": _("Choose a kind from the list.")},
        }

    def __init__(self, *args, user: User, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["city"].queryset = cities
        self.fields["city"].required = False
        self.fields["city"].empty_label = _("No city in particular")
        self.fields["city"].error_messages["invalid_choice"] = _(
            "Choose one of your own cities, or none."
        )
        if self.instance.pk:
            # Whose experience it is stays as written up.
            self.fields["city"].disabled = True

    def edit_extras(self, method: Method) -> dict[str, Extra]:
        titles = sorted(
            MethodDocument.objects.filter(method=method).values_list("title", flat=True)
        )
        return {"documents": Extra(str(_("Attachments and templates")), titles, titles)}

    def method_data(self) -> dict:
        """The method's own fields, as ``services.method_save`` takes them."""
        names = [name for name in self._meta.fields if name not in ("themes", "tags")]
        if self.instance.pk:
            names.remove("city")
        return {name: self.cleaned_data[name] for name in names}


class MethodDocumentForm(forms.ModelForm):
    class Meta:
        model = MethodDocument
        fields = ["file", "title", "is_template"]
        # Private files have no URL: show no "currently" link, only the file input.
        widgets = {"file": forms.FileInput}
        help_texts = {
            "file": _("PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX or CSV, at most 20 MB."),
            "is_template": _("Tick it for a form or template others fill in for their city."),
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            check_size(upload, settings.PROJECT_DOCUMENT_MAX_BYTES)
            detect_document_type(upload)
        return upload


DocumentFormSet = forms.inlineformset_factory(
    Method,
    MethodDocument,
    form=MethodDocumentForm,
    extra=2,
    can_delete=True,
    can_delete_extra=False,
    max_num=20,
    validate_max=True,
)
# How the error summary names the rows ("Attachment 2"), as the page does.
DocumentFormSet.item_label = _("Attachment")


def document_changes(formset) -> list[DocumentChange]:
    """The attachment rows of a valid formset that ask for a write, as data."""
    changes = []
    for form in formset.forms:
        instance = form.instance if form.instance.pk else None
        if form in formset.deleted_forms:
            if instance is not None:
                changes.append(DocumentChange(document=instance, delete=True))
            continue
        if not form.has_changed():
            continue
        upload = form.cleaned_data.get("file")
        changes.append(
            DocumentChange(
                document=instance,
                upload=upload if upload is not None and hasattr(upload, "content_type") else None,
                values={
                    "title": form.cleaned_data["title"],
                    "is_template": form.cleaned_data.get("is_template", False),
                },
            )
        )
    return changes


class MethodFilterForm(PlaceAndThemeFilterForm):
    """The list's filters, from the query string: unknown values give a message, not a 500."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Methods, tools and templates")), *MethodKind.choices],
        required=False,
    )
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)

    field_order = ["q", "kind", "theme", "city", "tag"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["country"]
        self.fields["city"].label = _("Used in")
        self.fields["city"].empty_label = _("Any city")
