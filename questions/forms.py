from django import forms
from django.utils.translation import gettext_lazy as _

from cities.forms import PlaceAndThemeFilterForm
from cities.models import City
from cities.rules import approved_cities
from core.concurrency import EditVersionFormMixin, Extra
from projects.models import Project
from themes.models import Theme

from .models import Answer, Question


class QuestionForm(EditVersionFormMixin, forms.ModelForm):
    conflict_message = _("This question was changed by someone else since you opened it.")

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )

    class Meta:
        model = Question
        fields = ["city", "title", "context", "content_language", "themes", "project", "visibility"]
        labels = {"title": _("Your question"), "city": _("On behalf of")}
        help_texts = {
            "title": _("Short and open, e.g. “How do you make a square work for every use?”"),
            "context": _(
                "What you are trying, what blocks you, what you already know. Markdown works."
            ),
            "project": _("Optional: the project of your city the question is about."),
        }
        widgets = {"context": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # the city of a question does not change (moderators edit too)
            cities = City.objects.filter(pk=self.instance.city_id)
        else:
            cities = City.objects.filter(pk__in=list(approved_cities(user))).order_by("name")
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None
        self.fields["city"].error_messages["invalid_choice"] = _(
            "You can only ask on behalf of your own city."
        )
        self.fields["project"].queryset = (
            Project.objects.alive().filter(city__in=cities).select_related("city").order_by("title")
        )
        if self.instance.pk:
            self.fields["city"].disabled = True

    def edit_extras(self, question: Question) -> dict[str, Extra]:
        """Closing the question (with what was learned) may happen while someone edits it."""
        return {
            "summary": Extra(
                _("What we learned"),
                question.summary,
                [question.summary] if question.summary else [],
            )
        }

    def clean(self):
        cleaned = super().clean()
        project, city = cleaned.get("project"), cleaned.get("city")
        if project and city and project.city_id != city.pk:
            self.add_error("project", _("Choose a project of the city you ask for."))
        return cleaned


class AnswerForm(forms.ModelForm):
    city = forms.ModelChoiceField(label=_("Answering for"), queryset=City.objects.none())

    class Meta:
        model = Answer
        fields = ["city", "body", "content_language", "projects"]
        labels = {"body": _("Your answer"), "projects": _("Projects of your city that show it")}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "projects": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, question, **kwargs):
        super().__init__(*args, **kwargs)
        cities = City.objects.filter(pk__in=list(approved_cities(user))).exclude(
            pk=question.city_id
        )
        self.fields["city"].queryset = cities.order_by("name")
        self.fields["city"].empty_label = None
        self.fields["city"].error_messages["invalid_choice"] = _(
            "You can only answer for a city you are a member of, not the asking one."
        )
        self.fields["projects"].queryset = (
            Project.objects.alive().filter(city__in=cities).select_related("city").order_by("title")
        )
        self.fields["projects"].label_from_instance = lambda p: f"{p.city.display_name}: {p.title}"
        self.fields["projects"].required = False
        if self.instance.pk:
            self.fields["city"].disabled = True

    def clean(self):
        cleaned = super().clean()
        city, projects = cleaned.get("city"), cleaned.get("projects")
        if city and projects and any(project.city_id != city.pk for project in projects):
            self.add_error("projects", _("Link projects of the city you answer for."))
        return cleaned


class CloseForm(forms.Form):
    summary = forms.CharField(
        label=_("What we learned"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A short summary for the network: it stays with the question."),
    )


class QuestionFilterForm(PlaceAndThemeFilterForm):
    state = forms.ChoiceField(
        label=_("Answered"),
        required=False,
        choices=[
            ("", _("All questions")),
            ("unanswered", _("Not answered yet")),
            ("answered", _("Answered")),
            ("closed", _("Closed")),
        ],
    )

    field_order = ["theme", "city", "country", "state"]
