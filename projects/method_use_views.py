"""Pages to say which methods and tools a project used, and how it went: from a method's page
(choose the project) or from a project's page (choose the method)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cities.views import refuse_to_non_member
from core.links import safe_next
from core.objects import get_object_for
from methods.models import Method
from methods.selectors import methods_readable_by

from . import method_uses
from .models import Project, ProjectMethod

ACCOUNT_HELP = gettext_lazy(
    "What you did with it, what worked and what you would change (2,000 characters at most)."
)


class ProjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, project):
        return f"{project.city.display_name}: {project.title}"


class AccountField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("How it went"),
            max_length=method_uses.ACCOUNT_MAX,
            required=False,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=ACCOUNT_HELP,
            **kwargs,
        )


class UseForm(forms.Form):
    """A new use: the project or the method is chosen (the other is the page's)."""

    account = AccountField()

    def __init__(self, *args, project=None, method=None, projects=None, methods=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project, self.method = project, method
        if project is None:
            self.fields["project"] = ProjectChoiceField(
                label=_("Which project used it?"),
                queryset=projects,
                empty_label=_("Choose a project"),
                error_messages={
                    "required": _("Choose the project that used it."),
                    "invalid_choice": _("Choose one of your city's projects from the list."),
                },
            )
        else:
            self.fields["method"] = forms.ModelChoiceField(
                label=_("Which method or tool?"),
                queryset=methods,
                empty_label=_("Choose a method or tool"),
                error_messages={
                    "required": _("Choose the method or tool you used."),
                    "invalid_choice": _("Choose a method or tool from the list."),
                },
            )
        self.order_fields(["project", "method", "account"])

    def clean(self):
        cleaned = super().clean()
        project = self.project or cleaned.get("project")
        method = self.method or cleaned.get("method")
        if (
            project is not None
            and method is not None
            and ProjectMethod.objects.filter(project=project, method=method).exists()
        ):
            field = "project" if self.project is None else "method"
            self.add_error(field, method_uses.duplicate_message())
        return cleaned


class AccountForm(forms.Form):
    account = AccountField()


def _back(request, default: str) -> str:
    return safe_next(request, default)


def _render(request, form, *, method=None, project=None, use=None, next_url=""):
    return render(
        request,
        "methods/use_form.html",
        {"form": form, "method": method, "project": project, "use": use, "next": next_url},
    )


def _add(request, form, *, project, method, next_url):
    try:
        method_uses.method_use_add(
            project=project, method=method, account=form.cleaned_data["account"], user=request.user
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, _("Thank you: the project now says it used this method."))
    return redirect(next_url)


@require_http_methods(["GET", "POST"])
def use_create_for_method(request, slug):
    """“We used it in…” from a method's page: the person chooses one of their projects."""
    method = get_object_for(
        request.user, Method.objects.all(), view="methods.view_method", slug=slug
    )
    projects = method_uses.recordable_projects(request.user)
    if not method_uses.can_record_somewhere(request.user):
        return refuse_to_non_member(
            request, _("Only members of a city with projects can say they used a method.")
        )
    next_url = _back(request, f"{method.get_absolute_url()}#uses-heading")
    initial = {}
    if request.GET.get("project"):
        initial["project"] = projects.filter(slug=request.GET["project"]).first()
    form = UseForm(request.POST or None, method=method, projects=projects, initial=initial)
    if request.method == "POST" and form.is_valid():
        project = form.cleaned_data["project"]
        done = _add(request, form, project=project, method=method, next_url=next_url)
        if done is not None:
            return done
    return _render(request, form, method=method, next_url=next_url)


@require_http_methods(["GET", "POST"])
def use_create_for_project(request, slug):
    """From a project's page: the person chooses a method they may read."""
    project = get_object_for(
        request.user,
        Project.objects.select_related("city"),
        view="projects.view_project",
        act="projects.record_method_use",
        slug=slug,
    )
    next_url = _back(request, f"{project.get_absolute_url()}#methods-heading")
    methods = methods_readable_by(request.user)
    form = UseForm(request.POST or None, project=project, methods=methods)
    if request.method == "POST" and form.is_valid():
        method = form.cleaned_data["method"]
        done = _add(request, form, project=project, method=method, next_url=next_url)
        if done is not None:
            return done
    return _render(request, form, project=project, next_url=next_url)


def _use(request, slug, pk) -> ProjectMethod:
    """The use ``pk`` of the method ``slug``: 404 for who may not read both, 403 for who may not
    change what the project says."""
    method = get_object_for(
        request.user, Method.objects.all(), view="methods.view_method", slug=slug
    )
    use = get_object_or_404(
        ProjectMethod.objects.select_related("project__city"), method=method, pk=pk
    )
    use.method = method
    if not request.user.has_perm("projects.view_project", use.project):
        raise Http404  # the same answer as an unknown one
    if not request.user.has_perm("projects.record_method_use", use.project):
        raise PermissionDenied
    return use


@require_http_methods(["GET", "POST"])
def use_edit(request, slug, pk):
    use = _use(request, slug, pk)
    next_url = _back(request, f"{use.method.get_absolute_url()}#use-{use.pk}")
    form = AccountForm(request.POST or None, initial={"account": use.account})
    if request.method == "POST" and form.is_valid():
        try:
            method_uses.method_use_edit(
                use=use, account=form.cleaned_data["account"], user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account of how it went was saved."))
            return redirect(next_url)
    return _render(
        request, form, method=use.method, project=use.project, use=use, next_url=next_url
    )


@require_POST
def use_delete(request, slug, pk):
    use = _use(request, slug, pk)
    next_url = _back(request, f"{use.method.get_absolute_url()}#uses-heading")
    method_uses.method_use_remove(use=use, user=request.user)
    messages.success(request, _("The project no longer says it used this method."))
    return redirect(next_url)
