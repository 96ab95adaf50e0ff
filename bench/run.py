"""Serve the portal with production settings under gunicorn and measure its main pages.

    python -m bench.run --seconds 5 --requests 50 --concurrency 8

Each page is measured anonymous and signed in (an approved member of the benchmark's data),
interleaved with the bare view (``/bench/bare/``: a static template of the home page's size,
through the same middleware and gunicorn): one request at a time, page and bare view in turn
(p50, p95), then ``--concurrency`` threads for ``--seconds`` on the page, then on the bare view
(requests per second). The table gives each page's ratios to the bare view measured next to it.
"""

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import import_module
from pathlib import Path

from bench import explain
from bench.generate import DEFAULT_URL, log, setup_django

BARE = "/bench/bare/"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    def __init__(self, port: int, cookie: str = ""):
        self.port, self.cookie = port, cookie

    def get(self, path: str) -> tuple[int, int, float]:
        """One request on a new connection (gunicorn's sync workers close each one)."""
        status, body, elapsed = self.fetch(path)
        return status, len(body), elapsed

    def fetch(self, path: str) -> tuple[int, bytes, float]:
        headers = {"Host": "127.0.0.1", "Accept-Language": "en"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        if self.cookie:
            self.keep_csrf_cookie(response.getheader("Set-Cookie") or "")
        return response.status, body, elapsed

    def keep_csrf_cookie(self, set_cookie: str) -> None:
        """Keep the CSRF cookie a signed-in page sets, as a browser does (its pages' forms
        carry tokens made from it)."""
        found = re.search(r"csrftoken=([^;,\s]+)", set_cookie)
        if found:
            cookies = [c for c in self.cookie.split("; ") if not c.startswith("csrftoken=")]
            self.cookie = "; ".join([*cookies, f"csrftoken={found.group(1)}"])


SLICES = 5


def interleaved_throughput(client: Client, path: str, args) -> tuple[float, float]:
    """Requests per second of ``path`` and of the bare view, measured in alternating slices
    (page, bare, page, bare…) so that whatever else the machine does weighs on both alike."""
    slice_seconds = args.seconds / SLICES
    page, bare = [], []
    for _ in range(SLICES):
        page.append(throughput(client, path, slice_seconds, args.concurrency))
        bare.append(throughput(client, BARE, slice_seconds, args.concurrency))
    return statistics.fmean(page), statistics.fmean(bare)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def throughput(client: Client, path: str, seconds: float, concurrency: int) -> float:
    done, errors = [0] * concurrency, []
    deadline = time.perf_counter() + seconds

    def work(slot: int) -> None:
        while time.perf_counter() < deadline:
            status, _, _ = client.get(path)
            if status != 200:
                errors.append(status)
                return
            done[slot] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path}: HTTP {errors[0]} under load")
    return sum(done) / (time.perf_counter() - started)


def pages(signed_in: bool) -> list[tuple[str, str]]:
    """The main pages, with real slugs of the data (read once, before measuring)."""
    from django.db.models import Count

    from cities.models import City
    from core.enums import Visibility
    from projects.models import Project
    from themes.models import Theme

    # A project a hundred down the list: neither the newest nor one that only exists in the cache.
    project = list(
        Project.objects.filter(visibility=Visibility.PUBLIC, deleted_at=None).order_by(
            "-created_at"
        )[:101]
    )[-1]
    city = City.objects.annotate(n=Count("projects")).order_by("-n").first()
    theme = Theme.objects.annotate(n=Count("projects")).order_by("-n").first()
    found = [
        ("home", "/en/"),
        ("project list", "/en/projects/"),
        ("filtered project list", f"/en/projects/?theme={theme.slug}&status=ongoing"),
        ("search", "/en/search/?q=cycling+square"),
        ("project page", f"/en/projects/{project.slug}/"),
        ("city page", f"/en/cities/{city.slug}/"),
        ("theme page", f"/en/themes/{theme.slug}/"),
        ("event list", "/en/events/"),
        ("question list", "/en/questions/"),
    ]
    if signed_in:
        found.append(("suggestions", "/en/suggestions/"))
    return found


def bench_member():
    """An approved member of the benchmark's data (not a coordinator)."""
    from cities.enums import MembershipStatus
    from cities.models import Membership

    membership = (
        Membership.objects.filter(status=MembershipStatus.APPROVED)
        .exclude(role="coordinator")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        raise SystemExit("no approved member: run bench.generate with --users")
    return membership.user


def session_cookie(user) -> str:
    """A session of ``user``, made in the session store as logging in would."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def start_server(port: int, env: dict[str, str], workers: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "bench.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--timeout=300",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    client = Client(port)
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("gunicorn did not start")
        try:
            client.get(BARE)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not answer")


def measure(args) -> None:
    url = args.database_url
    workdir = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "BENCH_STATIC_ROOT": str(workdir / "static"),
        "BENCH_TEMPLATE_DIR": str(workdir / "templates"),
        "LOG_LEVEL": "WARNING",
        # Cache and sessions shared by the workers, as in production (README, deployment).
        "REDIS_URL": args.redis_url,
        # --render: members' pages are made on every request (what a page costs on a miss).
        **({"MEMBER_PAGE_CACHE_SECONDS": "0"} if args.render else {}),
    }
    # This process makes the member's session: it signs with the server's settings.
    os.environ.update(env)
    setup_django(url)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    (workdir / "templates" / "bench").mkdir(parents=True)
    bare_template = workdir / "templates" / "bench" / "bare.html"
    bare_template.write_text((ROOT / "bench" / "templates" / "bench" / "bare.html").read_text())
    member = bench_member()
    everything = [
        (who, name, path)
        for who in ("anonymous", "member")
        for name, path in pages(signed_in=who == "member")
        if not args.only or name in args.only
        if not args.who or who == args.who
    ]
    flagged = explain.print_report(explain.report(everything, member), plans=args.plans)
    if args.explain_only:
        return
    cookie = session_cookie(member)  # after the plans: they empty the cache, sessions too
    port = free_port()
    server = start_server(port, env, args.workers)
    try:
        # The bare page is made as large as the home page (signed out), then served again.
        status, size, _ = Client(port).get("/en/")
        if status != 200:
            raise SystemExit(f"home page: HTTP {status}")
        server.terminate()
        server.wait()
        bare_template.write_text(bare_html(size))
        server = start_server(port, env, args.workers)
        rows = []
        clients = {"anonymous": Client(port), "member": Client(port, cookie)}
        for who, name, path in everything:
            rows.append(measure_page(clients[who], who, name, path, args))
    finally:
        server.terminate()
        server.wait()
    print_table(rows, args)
    print(f"Sequential scans over large tables: {flagged} (listed above the table)")


def bare_html(size: int) -> str:
    head = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Bare</title>'
    head += "</head>\n<body>\n"
    tail = "</body></html>\n"
    line = "<p>A static paragraph of the bare page, as long as the home page.</p>\n"
    body = line * max(0, (size - len(head) - len(tail)) // len(line))
    return head + body + "x" * max(0, size - len(head) - len(body) - len(tail)) + tail


def measure_page(client: Client, who: str, name: str, path: str, args) -> dict:
    status, body, _ = client.fetch(path)
    if status != 200:
        raise SystemExit(f"{who} {name} {path}: HTTP {status}")
    if (b"/accounts/logout/" in body) != (who == "member"):
        raise SystemExit(f"{who} {name} {path}: not served as {who} (the session was lost?)")
    for _ in range(args.warmup):
        for target in (path, BARE):
            status, _, _ = client.get(target)
            if status != 200:
                raise SystemExit(f"{who} {name} {target}: HTTP {status}")
    page_times, bare_times, size = [], [], 0
    for _ in range(args.requests):
        status, size, elapsed = client.get(path)
        if status != 200:
            raise SystemExit(f"{who} {name} {path}: HTTP {status}")
        page_times.append(elapsed)
        bare_times.append(client.get(BARE)[2])
    page_rate, bare_rate = interleaved_throughput(client, path, args)
    row = {
        "who": who,
        "page": name,
        "bytes": size,
        "p50": statistics.median(page_times) * 1000,
        "p95": percentile(page_times, 0.95) * 1000,
        "rate": page_rate,
        "bare_p50": statistics.median(bare_times) * 1000,
        "bare_p95": percentile(bare_times, 0.95) * 1000,
        "bare_rate": bare_rate,
    }
    log(f"{who:9} {name:24} p50 {row['p50']:8.1f} ms  {row['rate']:7.1f} req/s")
    return row


def print_table(rows: list[dict], args) -> None:
    from projects.models import Comment, Project

    print()
    print(
        f"Alliance Portal benchmark: {Project.objects.count():,} projects, "
        f"{Comment.objects.count():,} comments; gunicorn {args.workers} workers, "
        f"{args.requests} sequential requests, {args.concurrency} threads x {args.seconds:g} s"
    )
    print()
    header = (
        "| who | page | KB | p50 ms | p95 ms | req/s | bare p50 ms | bare req/s "
        "| p50 × bare | req/s ÷ bare |"
    )
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['who']} | {row['page']} | {row['bytes'] / 1024:.0f} | {row['p50']:.1f} "
            f"| {row['p95']:.1f} | {row['rate']:.1f} | {row['bare_p50']:.1f} "
            f"| {row['bare_rate']:.1f} | {row['p50'] / row['bare_p50']:.1f} "
            f"| {row['rate'] / row['bare_rate']:.2f} |"
        )
    print()


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="sequential requests per page")
    parser.add_argument("--seconds", type=float, default=5.0, help="load duration per page")
    parser.add_argument("--concurrency", type=int, default=8, help="threads under load")
    parser.add_argument(
        "--warmup",
        type=int,
        default=10,
        help="requests per page first (each worker compiles its templates)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        help="cache and sessions of the servers ('' for each worker's own memory)",
    )
    parser.add_argument(
        "--no-plans", dest="plans", action="store_false", help="list only the flagged scans"
    )
    parser.add_argument(
        "--render",
        action="store_true",
        help="members' pages not from the cache: measure what making them costs",
    )
    parser.add_argument(
        "--only",
        type=lambda text: [name.strip() for name in text.split(",") if name.strip()],
        default=[],
        help='measure only these pages, e.g. "home,project page"',
    )
    parser.add_argument("--who", choices=["anonymous", "member"], help="measure only these")
    parser.add_argument(
        "--explain-only", action="store_true", help="print the plans, measure nothing"
    )
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    )
    return parser


if __name__ == "__main__":
    measure(parser().parse_args())
