"""The one registry of portal pages that the accessibility and HTML checks visit.

Each entry is (name, path after the language prefix, who looks at it). Later pages join here.
The test project has a Swedish translation by the peer and an unreviewed English machine one.
Who: "anonymous", "member" (approved planner of Saint-Brieuc), "city_coordinator"
(Saint-Brieuc's coordinator, who has a pending request to review) or "network_coordinator"
(in the Coordinators group, organiser of the test seminar) or "peer" (a Gothenburg planner
who answered Saint-Brieuc's question).
"""

LANGUAGES = ["en", "fr", "sv"]

PAGES = [
    ("home", "/", "anonymous"),
    ("home-signed-in", "/", "member"),
    ("city-list", "/cities/", "anonymous"),
    ("city-detail", "/cities/saint-brieuc/", "anonymous"),
    ("city-detail-member", "/cities/saint-brieuc/", "member"),
    ("theme-list", "/themes/", "anonymous"),
    ("theme-detail", "/themes/public-spaces/", "anonymous"),
    ("glossary-list", "/glossary/", "anonymous"),
    ("glossary-search", "/glossary/?q=samrad", "anonymous"),
    ("glossary-detail", "/glossary/samrad/", "anonymous"),
    ("glossary-detail-member", "/glossary/plu/", "member"),
    ("glossary-propose", "/glossary/propose/", "member"),
    ("glossary-correct", "/glossary/zac/correct/", "member"),
    ("glossary-proposals", "/glossary/proposals/", "network_coordinator"),
    ("accessibility", "/accessibility/", "anonymous"),
    ("access-problem", "/accessibility/report/", "anonymous"),
    ("privacy", "/privacy/", "anonymous"),
    ("not-found", "/no-such-page/", "anonymous"),
    ("login", "/accounts/login/", "anonymous"),
    ("signup", "/accounts/signup/", "anonymous"),
    ("password-reset", "/accounts/password/reset/", "anonymous"),
    ("profile", "/accounts/profile/", "member"),
    ("membership", "/accounts/membership/", "member"),
    ("email", "/accounts/email/", "member"),
    ("password-change", "/accounts/password/change/", "member"),
    ("second-factor", "/accounts/2fa/", "member"),
    ("account-delete", "/accounts/delete/", "member"),
    ("data-export-expired", "/accounts/data/{export_expired}/", "member"),
    ("data-export-not-yours", "/accounts/data/{export_not_yours}/", "member"),
    ("reauthenticate", "/accounts/reauthenticate/", "member"),
    ("membership-review", "/cities/saint-brieuc/memberships/", "city_coordinator"),
    ("activity-log", "/activity/", "network_coordinator"),
    ("project-list", "/projects/", "anonymous"),
    ("project-list-filtered", "/projects/?theme=public-spaces&country=FR&q=place", "anonymous"),
    ("project-detail", "/projects/place-de-la-grille/", "anonymous"),
    ("project-detail-member", "/projects/place-de-la-grille/", "member"),
    ("project-detail-coordinator", "/projects/place-de-la-grille/", "city_coordinator"),
    ("project-new", "/projects/new/", "member"),
    ("project-edit", "/projects/place-de-la-grille/edit/", "member"),
    ("project-history", "/projects/place-de-la-grille/history/", "member"),
    ("project-detail-original", "/projects/place-de-la-grille/?original=1", "anonymous"),
    ("project-detail-translator", "/projects/place-de-la-grille/", "peer"),
    ("translation-edit", "/translations/projects.project/{project}/sv/", "peer"),
    ("translation-edit-machine", "/translations/projects.project/{project}/en/", "peer"),
    ("comment-edit", "/projects/place-de-la-grille/comments/{comment}/edit/", "member"),
    ("moderation", "/moderation/", "network_coordinator"),
    ("comment-review", "/projects/place-de-la-grille/comments/{hidden_comment}/review/", "peer"),
    ("search", "/search/?q=grille", "anonymous"),
    ("event-list", "/events/", "anonymous"),
    ("event-list-past", "/events/?when=past&kind=seminar", "anonymous"),
    ("event-detail", "/events/test-seminar/", "anonymous"),
    ("event-detail-member", "/events/test-seminar/", "member"),
    ("event-detail-organiser", "/events/test-seminar/", "network_coordinator"),
    ("event-new", "/events/new/", "network_coordinator"),
    ("event-edit", "/events/test-seminar/edit/", "network_coordinator"),
    ("event-registrations", "/events/test-seminar/registrations/", "network_coordinator"),
    ("call-list", "/calls/", "anonymous"),
    ("call-list-filtered", "/calls/?theme=public-spaces&country=SE&status=open", "anonymous"),
    ("call-detail", "/calls/urbact-example-call/", "anonymous"),
    ("call-detail-member", "/calls/urbact-example-call/", "member"),
    ("call-new", "/calls/new/", "network_coordinator"),
    ("call-edit", "/calls/urbact-example-call/edit/", "network_coordinator"),
    ("partner-sheet-ready", "/calls/urbact-example-call/sheets/{sheet}/", "member"),
    ("partner-list", "/partners/", "member"),
    ("partner-detail", "/partners/{partner_search}/", "member"),
    ("partner-detail-peer", "/partners/{partner_search}/", "peer"),
    ("partner-new", "/partners/new/", "member"),
    ("method-list", "/methods/", "anonymous"),
    ("method-list-filtered", "/methods/?theme=public-spaces&kind=method&q=walk", "anonymous"),
    ("method-detail", "/methods/gender-aware-safety-walk/", "anonymous"),
    ("method-detail-member", "/methods/gender-aware-safety-walk/", "member"),
    ("method-new", "/methods/new/", "member"),
    ("method-edit", "/methods/gender-aware-safety-walk/edit/", "member"),
    ("method-history", "/methods/gender-aware-safety-walk/history/", "member"),
    ("method-use-new", "/methods/gender-aware-safety-walk/uses/new/", "member"),
    ("project-method-new", "/projects/place-de-la-grille/methods/new/", "member"),
    ("question-list", "/questions/", "anonymous"),
    ("question-list-filtered", "/questions/?theme=public-spaces&state=answered", "anonymous"),
    ("question-detail", "/questions/square-for-every-use/", "anonymous"),
    ("question-detail-asker", "/questions/square-for-every-use/", "member"),
    ("question-detail-peer", "/questions/square-for-every-use/", "peer"),
    ("question-ask", "/questions/ask/", "member"),
    ("question-edit", "/questions/square-for-every-use/edit/", "member"),
    ("suggestions", "/suggestions/", "peer"),
    ("suggestions-without-a-city", "/suggestions/", "network_coordinator"),
    ("member-directory", "/members/", "member"),
    ("member-directory-filtered", "/members/?country=SE&language=sv", "member"),
    ("member-profile", "/members/{peer}/", "member"),
    ("notifications", "/notifications/", "member"),
    ("unsubscribe", "/notifications/unsubscribe/{token}/", "anonymous"),
    ("search-empty", "/search/", "anonymous"),
]


# Pages that answer with an error status on purpose, and the status they answer with.
STATUS = {"not-found": 404, "data-export-expired": 410, "data-export-not-yours": 403}


def expected_status(name: str) -> int:
    return STATUS.get(name, 200)


def page_urls():
    """Every (name, language, path, who), for parametrised tests.

    Paths may hold ``{comment}``: the id of the member's comment, known once the data exists
    (``resolve`` fills it in).
    """
    return [
        (name, language, f"/{language}{path}", who)
        for name, path, who in PAGES
        for language in LANGUAGES
    ]


def resolve(path: str, people: dict) -> str:
    return path.format(**people.get("ids", {}))
