from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cities.rules import approved_cities
from cities.views import refuse_to_non_member
from core.concurrency import EditConflict
from core.objects import get_object_for
from core.pagecache import public_page
from languages import permissions as translation_permissions
from languages.selectors import attach_translations
from projects.models import Project

from . import selectors, services
from .forms import AnswerForm, CloseForm, QuestionFilterForm, QuestionForm
from .models import Answer, Question

PAGE_SIZE = 20
QUESTION_FIELDS = ["title", "context", "content_language", "themes", "project", "visibility"]


def get_question(request, slug: str, permission: str | None = None) -> Question:
    return get_object_for(
        request.user,
        Question.objects.select_related("city", "author"),
        view="questions.view_question",
        act=permission,
        slug=slug,
    )


@login_not_required
@require_GET
@public_page
def question_list(request):
    form = QuestionFilterForm(request.GET)
    form.is_valid()
    filters = {key: value for key, value in form.cleaned_data.items() if value}
    questions = selectors.open_first(
        selectors.filter_questions(selectors.visible_questions(request.user), filters)
    )
    page = Paginator(selectors.card_queryset(questions), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "questions/question_list.html",
        {
            "form": form,
            "page": page,
            # With their titles in the reader's language (selectors.card_queryset).
            "questions": page.object_list,
            "can_ask": request.user.has_perm("questions.add_question"),
        },
    )


@login_not_required
@require_GET
@public_page
def question_detail(request, slug):
    question = selectors.question_for_detail(slug, request.user)
    if question is None:
        raise Http404
    user = request.user
    can_answer = user.has_perm("questions.answer_question", question)
    project_visible = question.project is not None and user.has_perm(
        "projects.view_project", question.project
    )
    answers = list(question.answers.all())
    language = get_language()
    # The question, its answers and the projects they name, in the reader's language where a
    # translation exists: one query for the whole page.
    attach_translations(
        [
            question,
            *([question.project] if project_visible else []),
            *answers,
            *(project for answer in answers for project in answer.projects.all()),
        ],
        language,
        original=request.GET.get("original") == "1",
    )
    return render(
        request,
        "questions/question_detail.html",
        {
            "question": question,
            "answers": answers,
            "translatable_answers": translation_permissions.translatable_ids(
                user, answers, language
            ),
            "answer_form": AnswerForm(user=user, question=question) if can_answer else None,
            "close_form": CloseForm()
            if user.has_perm("questions.close_question", question)
            else None,
            "can_edit": user.has_perm("questions.change_question", question),
            "project_visible": project_visible,
            "can_mark": user.is_authenticated and question.city_id in _cities(user),
        },
    )


def _cities(user):
    return approved_cities(user)


@require_http_methods(["GET", "POST"])
def question_ask(request):
    if not request.user.has_perm("questions.add_question"):
        return refuse_to_non_member(
            request, _("Approved members of a member city can ask the network.")
        )
    return _question_form(request, None)


@require_http_methods(["GET", "POST"])
def question_edit(request, slug):
    return _question_form(request, get_question(request, slug, "questions.change_question"))


def _question_form(request, question):
    initial = {}
    project_slug = request.GET.get("project")
    if question is None and project_slug:
        initial["project"] = (
            Project.objects.filter(slug=project_slug).values_list("pk", flat=True).first()
        )
    form = QuestionForm(request.POST or None, instance=question, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {key: form.cleaned_data[key] for key in QUESTION_FIELDS}
        if question is None:
            saved = services.question_create(
                author=request.user,
                city=form.cleaned_data["city"],
                **data,
            )
        else:
            try:
                saved = services.question_update(
                    question=question, version=form.opened_version, **data
                )
            except EditConflict as conflict:
                form.refuse(conflict.current)
                return render(
                    request,
                    "questions/question_form.html",
                    {"form": form, "question": question},
                    status=HTTPStatus.CONFLICT,
                )
        messages.success(
            request,
            _("Your question was sent to the network.")
            if question is None
            else _("The question was saved."),
        )
        return redirect(saved)
    return render(request, "questions/question_form.html", {"form": form, "question": question})


@require_POST
def answer_create(request, slug):
    question = get_question(request, slug)
    if not request.user.has_perm("questions.answer_question", question):
        if question.city_id in _cities(request.user):
            messages.error(
                request, _("You cannot answer your own city's question: peers answer it.")
            )
            return redirect(question)
        raise PermissionDenied
    form = AnswerForm(request.POST, user=request.user, question=question)
    if form.is_valid():
        try:
            answer = services.answer_create(
                question=question,
                author=request.user,
                city=form.cleaned_data["city"],
                body=form.cleaned_data["body"],
                content_language=form.cleaned_data["content_language"],
                projects=form.cleaned_data["projects"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your answer was posted; the asking city is told."))
            return redirect(f"{question.get_absolute_url()}#answer-{answer.pk}")
    else:
        messages.error(request, _("Your answer was not posted: please correct the errors below."))
        return render(
            request,
            "questions/answer_form.html",
            {"form": form, "question": question, "answer": None},
            status=400,
        )
    return redirect(question)


@require_http_methods(["GET", "POST"])
def answer_edit(request, slug, pk):
    question = get_question(request, slug)
    answer = get_object_or_404(Answer, question=question, pk=pk)
    if not request.user.has_perm("questions.change_answer", answer):
        raise PermissionDenied
    form = AnswerForm(request.POST or None, instance=answer, user=request.user, question=question)
    if request.method == "POST" and form.is_valid():
        services.answer_update(
            answer=answer,
            body=form.cleaned_data["body"],
            content_language=form.cleaned_data["content_language"],
            projects=form.cleaned_data["projects"],
        )
        messages.success(request, _("Your answer was updated."))
        return redirect(f"{question.get_absolute_url()}#answer-{answer.pk}")
    return render(
        request,
        "questions/answer_form.html",
        {"form": form, "question": question, "answer": answer},
    )


@require_POST
def answer_useful(request, slug, pk):
    question = get_question(request, slug)
    answer = get_object_or_404(Answer.objects.select_related("question"), question=question, pk=pk)
    if not request.user.has_perm("questions.mark_useful", answer):
        raise PermissionDenied(_("Only members of the asking city mark answers as useful."))
    try:
        services.answer_mark_useful(answer=answer, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked as useful. Thank you!"))
    return redirect(f"{question.get_absolute_url()}#answer-{answer.pk}")


@require_POST
def question_close(request, slug):
    question = get_question(request, slug, "questions.close_question")
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what you learned when you close the question."))
        return redirect(question)
    try:
        services.question_close(question=question, summary=form.cleaned_data["summary"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The question is closed. Thank you for sharing what you learned.")
        )
    return redirect(question)
