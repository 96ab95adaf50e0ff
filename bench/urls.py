"""The portal's URLs and the bare view, served by the same stack (middleware, gunicorn)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import loader
from django.urls import path
from django.views.decorators.http import require_GET

from alliance_portal.urls import urlpatterns as portal_urlpatterns


@login_not_required
@require_GET
def bare(request):
    """A static template, no query, no context processor: what the stack (gunicorn, the
    middleware, the template engine) costs without the portal's own work."""
    return HttpResponse(loader.get_template("bench/bare.html").render())


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *portal_urlpatterns]
