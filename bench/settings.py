"""Production settings plus the bare view's URL (``/bench/bare/``), for the benchmark only."""

import os
from pathlib import Path

from alliance_portal.settings import *  # noqa: F403
from alliance_portal.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
# The bare page: a static template the runner writes, of the home page's size.
TEMPLATES[0]["DIRS"] = [
    Path(os.environ.get("BENCH_TEMPLATE_DIR", BASE_DIR / "bench" / "templates")),
    *TEMPLATES[0]["DIRS"],
]
# collectstatic's manifest (whitenoise) for the production static storage, off the repository.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", BASE_DIR / "staticfiles"))
