from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.pagecache import public_page

from .enums import ThemeKind
from .models import SustainableDevelopmentGoal, Theme


@login_not_required
@require_GET
@public_page
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
@public_page
def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.select_related("proposed_by"), slug=slug)
    return render(request, "themes/theme_detail.html", {"theme": theme})
