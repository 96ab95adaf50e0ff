from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cities import map as city_map
from cities.models import City
from cities.rules import approved_cities
from cities.selectors import cities_by_country
from core.pagecache import member_page, public_page
from events.selectors import upcoming_events
from languages.equivalents import matching_condition
from languages.selectors import attach_translations
from projects.matching import city_matches
from projects.search import add_snippets, fold, search_query, uses_postgres
from projects.selectors import (
    card_queryset,
    filter_projects,
    latest_projects,
    recent_comments,
    visible_projects,
)
from questions.models import Answer
from questions.selectors import (
    card_queryset as question_cards,
)
from questions.selectors import (
    open_questions,
    open_questions_elsewhere,
    people_elsewhere,
    recent_answers,
    visible_questions,
)
from themes.models import Theme

from . import accessibility as statement
from . import personal_data
from .health import health

SEARCH_PAGE_SIZE = 20


@login_not_required
@require_GET
@public_page
def home(request):
    """The network on its map, and what is happening in it: the latest projects, the next
    events, the open questions and the latest comments and answers, each only what the
    reader may read (the page is cached per kind of reader, never shared across them)."""
    user = request.user
    city_groups = cities_by_country()
    cities = [city for _label, group in city_groups for city in group]
    activity = [
        {"kind": "comment", "at": comment.created_at, "item": comment}
        for comment in recent_comments(user)
    ]
    activity += [
        {"kind": "answer", "at": answer.created_at, "item": answer}
        for answer in recent_answers(user)
    ]
    activity.sort(key=lambda entry: entry["at"], reverse=True)
    return render(
        request,
        "home.html",
        {
            "themes": Theme.objects.all(),
            "city_groups": city_groups,
            "map": city_map.city_map(
                cities, title=_("Map of the member cities in France and Sweden"), map_id="home-map"
            ),
            "latest_projects": latest_projects(user),
            "upcoming_events": upcoming_events(user),
            "open_questions": open_questions(user, limit=4),
            "activity": activity[:6],
        },
    )


@login_not_required
@require_GET
@public_page
def accessibility(request):
    return render(
        request,
        "pages/accessibility.html",
        {
            "assessed_on": statement.ASSESSED_ON,
            "method": statement.METHOD,
            "non_conformities": statement.NON_CONFORMITIES,
            "defenseur_des_droits": statement.DEFENSEUR_DES_DROITS,
            "digg_report": statement.DIGG_REPORT,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def access_problem(request):
    """Report an access problem: it reaches the network's coordinators by e-mail."""
    user = request.user if request.user.is_authenticated else None
    form = statement.AccessProblemForm(
        request.POST or None,
        initial={"email": user.email if user else "", "page": request.GET.get("page", "")[:500]},
    )
    if request.method == "POST" and form.is_valid():
        if not statement.allowed(request.META.get("REMOTE_ADDR", "")):
            form.add_error(
                None,
                _("Too many reports from this connection in the last hour: try again later."),
            )
            return render(request, "pages/access_problem.html", {"form": form}, status=429)
        statement.report_access_problem(
            report=form.cleaned_data, reporter=user, language=get_language()
        )
        messages.success(
            request,
            _(
                "Thank you: your report has reached the network's coordinators, and a copy is on "
                "its way to you. They answer within two weeks."
            ),
        )
        return redirect("accessibility")
    return render(request, "pages/access_problem.html", {"form": form})


@login_not_required
@require_GET
@public_page
def privacy(request):
    return render(request, "pages/privacy.html", {"kinds": personal_data.KINDS})


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when the database, the cache and the file storage answer, else
    503; JSON naming each ({"database": "ok", "cache": "failed", ...})."""
    results = health()
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)


@login_not_required
@require_GET
@public_page
def search(request):
    """One search box over projects, cities and themes."""
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "query": query,
        "projects": [],
        "cities": [],
        "themes": [],
        "questions": [],
        "page": None,
    }
    if query:
        words = fold(query).split()

        def matches(*texts: str) -> bool:
            haystack = fold(" ".join(texts))
            return all(word in haystack for word in words)

        projects = filter_projects(visible_projects(request.user), {"q": query})
        page = Paginator(card_queryset(projects), SEARCH_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        page_projects = list(page.object_list)
        add_snippets(page_projects, query)
        questions = visible_questions(request.user)
        if uses_postgres():  # the GIN index (questions' migration 0003)
            questions = questions.filter(search_vector=search_query(query))
        else:
            questions = questions.filter(matching_condition(query, words, _question_words))
        context.update(
            questions=list(question_cards(questions).order_by("-created_at")[:10]),
            page=page,
            projects=page_projects,
            cities=[
                city
                for city in City.objects.active()
                if matches(*city.all_names, city.region, city.member_body)
            ],
            themes=[
                theme
                for theme in Theme.objects.all()
                if matches(
                    theme.name_en,
                    theme.name_fr,
                    theme.name_sv,
                    theme.description_en,
                    theme.description_fr,
                    theme.description_sv,
                )
            ],
        )
    return render(request, "search.html", context)


def _question_words(words) -> Q:
    """Each word in the question or in one of its answers (EXISTS: no join to de-duplicate, so
    the newest matches are found without reading every question)."""
    condition = Q()
    for word in words:
        in_answers = Answer.objects.filter(question=OuterRef("pk"), body__icontains=word)
        condition &= Q(title__icontains=word) | Q(context__icontains=word) | Exists(in_answers)
    return condition


@require_GET
@member_page
def suggestions(request):
    """For a member's city: matched peer projects, open questions elsewhere, people to meet."""
    user = request.user
    cities = list(City.objects.filter(pk__in=list(approved_cities(user))).order_by("name"))
    if not cities:
        # The menu offers this page to everyone signed in: say how to get suggestions, not 403.
        return render(request, "suggestions_no_city.html")
    city = next((c for c in cities if c.slug == request.GET.get("city")), cities[0])
    expertise = list(user.expertise.values_list("pk", flat=True))
    # Read from the stored matches (projects.matching): a bounded number of rows, however many
    # projects the two countries have.
    profile, matches = city_matches(city, user, expertise_ids=expertise, limit=10)
    # The peers' titles in the reader's language where translated (one query).
    attach_translations([match.project for match in matches], get_language())
    return render(
        request,
        "suggestions.html",
        {
            "city": city,
            "cities": cities,
            "matches": matches,
            "questions": open_questions_elsewhere(profile, user),
            "people": people_elsewhere(profile, user),
        },
    )
