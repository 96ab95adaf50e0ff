from django import forms
from django.conf import settings
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cities.forms import PlaceAndThemeFilterForm
from cities.models import display_name_expression
from cities.selectors import approved_members
from core.concurrency import EditVersionFormMixin, Extra
from core.dates import DATE_YEARS
from core.documents import check_size, detect_document_type
from core.forms import CoverPictureMixin
from core.pictures import ACCEPT, check_picture
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import SOFT_FIELDS, ModerationAction, ModerationReason, ProjectStatus
from .models import Comment, Project, ProjectDocument, ProjectImage, ProjectLink
from .services import DocumentChange, LinkChange, PictureChange

FIELD_HELP = {
    "title": _("A short, concrete name, e.g. “Place de la Grille experiment”."),
    "summary": _(
        "Two or three sentences: what the city is trying and why (500 characters at most)."
    ),
    "lead_organisation": _("Who leads the project, e.g. the city, an agency or an association."),
    "description": _(
        "The project in detail. You can use Markdown: *italics*, **bold**, lists, links."
    ),
    "approach": _(
        "How you organised and worked: governance, methods, tools, the steps you took. "
        "This is what peers learn most from."
    ),
    "stakeholders": _(
        "Who takes part and how: residents, companies, associations, other authorities."
    ),
    "lessons_learned": _("What worked, what did not, and what you would do differently."),
    "looking_for": _(
        "What you would like from peers: experience with a method, a partner for an EU "
        "application, a site visit…"
    ),
    "transferability": _(
        "What would change in the other country's legal or institutional context for this "
        "to work there."
    ),
    "equity": _("Who benefits from the project, and who bears its costs."),
    "content_language": _("The language you write this page in."),
    "visibility": _(
        "Members-only projects are hidden from visitors who are not signed in as members."
    ),
    "tags": _("Free keywords separated by commas, e.g. temporary use, gender, mobility."),
    "contacts": _("Members of the city whom peers can contact about this project."),
    "cover_alt": _("Required with a cover image: what it shows, for people who cannot see it."),
    # No format in the hints: a date input shows the reader's own (31/12/2026, 2026-12-31…),
    # whatever the value it sends.
    "end_date": _("Leave empty if the project has no planned end."),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        attrs = {**DATE_YEARS.date_input_bounds(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name()} ({user.email})"


class ProjectForm(CoverPictureMixin, EditVersionFormMixin, forms.ModelForm):
    conflict_message = _("This project was changed by someone else since you opened it.")

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one theme of the Alliance."),
        error_messages={
            "required": _("Choose at least one theme."),
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable development goals"),
        queryset=SustainableDevelopmentGoal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _("Choose goals from the list."),
            "invalid_pk_value": _("Choose goals from the list."),
        },
    )
    contacts = ContactChoiceField(
        label=_("Contacts"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Project
        fields = [
            "city",
            "title",
            "summary",
            "lead_organisation",
            "status",
            "start_date",
            "end_date",
            "themes",
            "sdgs",
            "tags",
            "content_language",
            "visibility",
            "description",
            *SOFT_FIELDS,
            "cover_image",
            "cover_alt",
            "contacts",
        ]
        help_texts = FIELD_HELP
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "cover_image": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            **{field: forms.Textarea(attrs={"rows": 4}) for field in SOFT_FIELDS},
        }

    def __init__(self, *args, user: User, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None if cities.count() == 1 else _("Choose a city")
        self.fields["city"].error_messages["invalid_choice"] = _(
            "You can only post projects for your own city."
        )
        self.fields["contacts"].queryset = approved_members(cities=cities).order_by(
            "full_name", "email"
        )
        if self.instance.pk:
            self.fields["city"].disabled = True

    def edit_extras(self, project: Project) -> dict[str, Extra]:
        """The page's pictures, documents and related projects, read in one query."""
        # The same columns in each part of the union: kind, what is shown, then what else
        # the page edits (a caption, a note, the stored file).
        rows = (
            ProjectImage.objects.filter(project=project)
            .order_by()
            .values_list(Value("images"), "alt_text", "caption", "image")
            .union(
                ProjectDocument.objects.filter(project=project)
                .order_by()
                .values_list(Value("documents"), "title", Value(""), "file"),
                ProjectLink.objects.filter(from_project=project)
                .order_by()
                .values_list(
                    Value("links"),
                    Concat(
                        display_name_expression("to_project__city__"),
                        Value(": "),
                        "to_project__title",
                    ),
                    "note",
                    Value(""),
                ),
                all=True,
            )
        )
        kinds = {"images": [], "documents": [], "links": []}
        for kind, shown, detail, stored in rows:
            kinds[kind].append((shown, detail, stored))
        labels = {
            "images": _("Pictures"),
            "documents": _("Documents"),
            "links": _("Related projects in other cities"),
        }
        return {
            kind: Extra(
                labels[kind],
                sorted(items),
                [f"{shown} — {detail}" if detail else shown for shown, detail, _s in sorted(items)],
            )
            for kind, items in kinds.items()
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        city = cleaned.get("city") or (self.instance.city if self.instance.pk else None)
        contacts = cleaned.get("contacts")
        if city and contacts:
            outsiders = contacts.exclude(pk__in=approved_members(city=city).values("pk"))
            if outsiders.exists():
                self.add_error("contacts", _("Contacts must be approved members of the city."))
        return cleaned


class ProjectImageForm(forms.ModelForm):
    class Meta:
        model = ProjectImage
        fields = ["image", "alt_text", "caption"]
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": ACCEPT})}

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):
            check_picture(image, max_bytes=settings.PROJECT_IMAGE_MAX_BYTES)
        return image


class ProjectDocumentForm(forms.ModelForm):
    class Meta:
        model = ProjectDocument
        fields = ["file", "title"]
        # Private files have no URL: show no "currently" link, only the file input.
        widgets = {"file": forms.FileInput}
        help_texts = {
            "file": _("PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX or CSV, at most 20 MB."),
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            check_size(upload, settings.PROJECT_DOCUMENT_MAX_BYTES)
            self.detected_type = detect_document_type(upload)
        return upload


class ProjectLinkForm(forms.ModelForm):
    class Meta:
        model = ProjectLink
        fields = ["to_project", "note"]
        labels = {"to_project": _("Related project")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_project"].queryset = (
            Project.objects.alive().select_related("city").order_by("city__name", "title")
        )
        self.fields["to_project"].label_from_instance = lambda p: (
            f"{p.city.display_name}: {p.title}"
        )


def _rows(formset):
    """(form, existing instance or None, deleted) for each row that asks for a write."""
    for form in formset.forms:
        instance = form.instance if form.instance.pk else None
        if form in formset.deleted_forms:
            if instance is not None:
                yield form, instance, True
        elif form.has_changed():
            yield form, instance, False


def _new_upload(form, name: str):
    upload = form.cleaned_data.get(name)
    return upload if upload is not None and hasattr(upload, "content_type") else None


def picture_changes(formset) -> list[PictureChange]:
    """The gallery rows of a valid formset (the portal's editor or the admin inline), as data."""
    return [
        PictureChange(picture=instance, delete=True)
        if deleted
        else PictureChange(
            picture=instance,
            upload=_new_upload(form, "image"),
            values={
                name: form.cleaned_data[name]
                for name in ("alt_text", "caption", "position")
                if name in form.cleaned_data
            },
        )
        for form, instance, deleted in _rows(formset)
    ]


def document_changes(formset) -> list[DocumentChange]:
    changes = []
    for form, instance, deleted in _rows(formset):
        if deleted:
            changes.append(DocumentChange(document=instance, delete=True))
            continue
        upload = _new_upload(form, "file")
        changes.append(
            DocumentChange(
                document=instance,
                upload=upload,
                detected_type=getattr(form, "detected_type", None) if upload else None,
                values={"title": form.cleaned_data["title"]},
            )
        )
    return changes


def link_changes(formset) -> list[LinkChange]:
    return [
        LinkChange(link=instance, delete=True)
        if deleted
        else LinkChange(
            link=instance,
            values={
                "to_project": form.cleaned_data["to_project"],
                "note": form.cleaned_data.get("note", ""),
            },
        )
        for form, instance, deleted in _rows(formset)
    ]


def project_formset(model, form, **options):
    """Rows edited on the project's own page: two empty ones to add, at most 20, deletable."""
    return forms.inlineformset_factory(
        Project,
        model,
        form=form,
        extra=2,
        can_delete=True,
        can_delete_extra=False,
        max_num=20,
        validate_max=True,
        **options,
    )


class BaseImageFormSet(forms.BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # A members-only picture's address names its project: give each row the project at
        # hand rather than a query per row.
        form.instance.project = self.instance
        return form


ImageFormSet = project_formset(ProjectImage, ProjectImageForm, formset=BaseImageFormSet)
DocumentFormSet = project_formset(ProjectDocument, ProjectDocumentForm)


class BaseLinkFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the choices of every link form, not one per form.
        choices = [("", "---------")] + [
            (project.pk, f"{project.city.display_name}: {project.title}")
            for project in Project.objects.alive()
            .select_related("city")
            .order_by("city__name", "title")
            .exclude(pk=self.instance.pk or 0)
        ]
        for form in [*self.forms, self.empty_form]:
            form.fields["to_project"].choices = choices

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            target = form.cleaned_data.get("to_project")
            if target is None:
                continue
            if self.instance.pk and target.pk == self.instance.pk:
                form.add_error("to_project", _("A project cannot be related to itself."))
            elif target.pk in seen:
                form.add_error("to_project", _("This project is already linked."))
            elif (
                self.instance.pk
                and ProjectLink.objects.filter(
                    from_project=target, to_project=self.instance
                ).exists()
            ):
                form.add_error("to_project", _("These projects are already linked."))
            seen.add(target.pk)


LinkFormSet = project_formset(
    ProjectLink, ProjectLinkForm, formset=BaseLinkFormSet, fk_name="from_project"
)
# How the error summary names each formset's rows ("Document 2"), as the page does.
ImageFormSet.item_label = _("Picture")
DocumentFormSet.item_label = _("Document")
LinkFormSet.item_label = _("Link")


class ProjectFilterForm(PlaceAndThemeFilterForm):
    """The list's filters, from the query string: unknown values give a message, not a 500."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *ProjectStatus.choices], required=False
    )
    sdg = forms.ModelChoiceField(
        label=_("Sustainable development goal"),
        queryset=SustainableDevelopmentGoal.objects.all(),
        to_field_name="number",
        required=False,
        empty_label=_("All goals"),
    )
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)

    field_order = ["q", "theme", "city", "country", "status", "sdg", "tag"]


class CommentLanguageMixin:
    """A comment posted without its language (an older page) keeps the current one: for a new
    comment, the interface language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_language"].required = False

    def clean_content_language(self):
        return self.cleaned_data.get("content_language") or self.instance.content_language


class CommentForm(CommentLanguageMixin, forms.ModelForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["body", "content_language"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Your comment")}


class CommentEditForm(CommentLanguageMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body", "content_language"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}
        labels = {"body": _("Your comment")}


class ReasonForm(forms.Form):
    """A reason from ``ModerationReason`` and a note, required for "other"."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "—"), *ModerationReason.choices],
        error_messages={
            "required": _("Choose a reason from the list."),
            "invalid_choice": _("Choose a reason from the list."),
        },
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Required for “other”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == ModerationReason.OTHER and not data.get("note", "").strip():
            self.add_error("note", _("Say in the note what the other reason is."))
        return data

    def error_text(self) -> str:
        """Every error of the form as one sentence, for a message above the page."""
        return " ".join(message for errors in self.errors.values() for message in errors)


class CommentHideForm(ReasonForm):
    """Hide one comment from the project's page."""


class CommentReportForm(ReasonForm):
    """Report a comment: why, from the list, and what the reporter adds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("What is wrong with this comment?")
        self.fields["note"].label = _("Details")


class ModerationForm(ReasonForm):
    """One decision on the moderation page: what to do with the comment, and why."""

    action = forms.ChoiceField(
        label=_("Decision"),
        choices=ModerationAction.choices,
        error_messages={
            "required": _("Choose what to do with the comment."),
            "invalid_choice": _("Choose what to do with the comment."),
        },
    )
    field_order = ["action", "reason", "note"]


class ReviewRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why should your comment be shown again?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few words for the moderators (1,000 characters at most)."),
    )
