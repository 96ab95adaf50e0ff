"""The portal's URLs and the bare view, served by the same stack (middleware, gunicorn)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from alliance_portal.urls import urlpatterns as portal_urlpatterns


@login_not_required
@require_GET
def bare(request):
    """A static template, no query: what the stack costs without the portal's work."""
    return render(request, "bench/bare.html")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *portal_urlpatterns]
