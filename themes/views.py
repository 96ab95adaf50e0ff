from django.contrib.auth.decorators import login_not_required
from django.db.models import F
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from events.models import Event
from events.selectors import card_queryset as event_cards
from projects.selectors import card_queryset, visible_projects
from questions.selectors import card_queryset as question_cards
from questions.selectors import visible_questions

from .enums import ThemeKind
from .models import SustainableDevelopmentGoal, Theme

PROJECTS_SHOWN = 12


@login_not_required
@require_GET
def theme_list(request):
    themes = list(Theme.objects.select_related("proposed_by"))
    return render(
        request,
        "themes/theme_list.html",
        {
            "alliance_themes": [t for t in themes if t.kind == ThemeKind.ALLIANCE],
            "proposed_themes": [t for t in themes if t.kind == ThemeKind.PROPOSED],
            "goals": SustainableDevelopmentGoal.objects.all(),
        },
    )


@login_not_required
@require_GET
def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.select_related("proposed_by"), slug=slug)
    projects = visible_projects(request.user).filter(themes=theme)
    return render(
        request,
        "themes/theme_detail.html",
        {
            "theme": theme,
            "projects": list(card_queryset(projects).order_by("-created_at")[:PROJECTS_SHOWN]),
            "project_count": projects.count(),
            "questions": list(
                question_cards(visible_questions(request.user).filter(themes=theme)).order_by(
                    F("closed_at").asc(nulls_first=True), "-created_at"
                )[:6]
            ),
            "events": list(
                event_cards(
                    Event.objects.visible_to(request.user)
                    .published()
                    .upcoming()
                    .filter(themes=theme)
                )[:6]
            ),
        },
    )
