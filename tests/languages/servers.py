"""Engines on the loopback that speak LibreTranslate's and DeepL's HTTP protocols.

They "translate" deterministically: every text between tags in capitals, so a test can tell
what went through the engine (capitals) from what the portal kept aside (as written). Each
server can also misbehave as real ones do: answer 500, say nothing for too long, send an HTML
error page, or close the connection without a word.
"""

import html
import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TAG = re.compile(r"(<[^>]+>)")
# Behaviours of a server; ``failures`` makes the first requests misbehave, then it works.
WORKS, ERROR, SLOW, GARBAGE, HANG_UP = "works", "error", "slow", "garbage", "hang-up"


def capitals(fragment: str, glossary: dict[str, str] | None = None) -> str:
    """The text between tags in capitals; inside ``translate="no"`` left alone (as DeepL does)
    when ``glossary`` is given, else translated too (as LibreTranslate may). Glossary terms
    come out as their target, written as given."""
    out, protected = [], 0
    for piece in TAG.split(fragment):
        if piece.startswith("<"):
            if 'translate="no"' in piece and glossary is not None:
                protected += 1
            elif piece.startswith("</span") and protected:
                protected -= 1
            out.append(piece)
            continue
        text = html.unescape(piece)
        if not protected:
            text = text.upper()
            for source, target in (glossary or {}).items():
                text = re.sub(re.escape(source.upper()), target, text)
        out.append(html.escape(text, quote=False))
    return "".join(out)


class FakeEngine:
    """An HTTP server on 127.0.0.1 (a free port), in a thread, recording every request."""

    def __init__(self):
        self.behaviour = WORKS
        self.flaky, self.failures = WORKS, 0  # misbehaviour of the next few requests
        self.requests: list[tuple[str, str, dict, object]] = []  # method, path, headers, body
        self.delay = 2.0  # past the tests' timeout (0.5 s)
        engine = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _serve(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                engine.requests.append((method, self.path, dict(self.headers), body))
                if engine.failures:
                    engine.failures -= 1
                    behaviour = engine.flaky
                else:
                    behaviour = engine.behaviour
                if behaviour == ERROR:
                    return self.reply(500, {"error": "Internal server error"})
                if behaviour == SLOW:
                    time.sleep(engine.delay)
                    return self.reply(200, {})
                if behaviour == GARBAGE:
                    return self.reply(
                        200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"
                    )
                if behaviour == HANG_UP:
                    self.close_connection = True
                    return None
                status, answer = engine.answer(method, self.path, self.headers, body)
                return self.reply(status, answer)

            def reply(self, status, answer, content_type="application/json"):
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up waiting (the timeout tests)
                    pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def do_DELETE(self):
                self._serve("DELETE")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def fail(self, behaviour: str, times: int = 0) -> None:
        """Misbehave ``times`` times, then work again; with 0, misbehave for good."""
        if times:
            self.flaky, self.failures = behaviour, times
        else:
            self.behaviour = behaviour

    def answer(self, method, path, headers, body) -> tuple[int, object]:
        raise NotImplementedError

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def paths(self) -> list[str]:
        return [f"{method} {path}" for method, path, _headers, _body in self.requests]


class FakeLibreTranslate(FakeEngine):
    LANGUAGES = [
        {"code": "en", "name": "English", "targets": ["fr", "sv"]},
        {"code": "fr", "name": "French", "targets": ["en", "sv"]},
        {"code": "sv", "name": "Swedish", "targets": ["en", "fr"]},
    ]

    def __init__(self, api_key: str = ""):
        super().__init__()
        self.api_key = api_key

    def answer(self, method, path, headers, body):
        if (method, path) == ("GET", "/languages"):
            return 200, self.LANGUAGES
        if (method, path) != ("POST", "/translate"):
            return 404, {"error": "Not Found"}
        if self.api_key and body.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        codes = {language["code"] for language in self.LANGUAGES}
        if body.get("source") not in codes or body.get("target") not in codes:
            return 400, {"error": f"{body.get('target')} is not supported"}
        if body.get("format") != "html":
            return 400, {"error": "this fake expects format html"}
        q = body["q"]
        if isinstance(q, list):
            return 200, {"translatedText": [capitals(text) for text in q]}
        return 200, {"translatedText": capitals(q)}


class FakeDeepL(FakeEngine):
    KEY = "test-key:fx"
    TARGETS = {"EN-GB", "EN-US", "FR", "SV", "DE"}

    def __init__(self):
        super().__init__()
        self.glossaries: dict[str, dict] = {}

    def answer(self, method, path, headers, body):
        if headers.get("Authorization") != f"DeepL-Auth-Key {self.KEY}":
            return 403, {"message": "Authorization failure, check auth_key"}
        if (method, path) == ("GET", "/v2/languages?type=target"):
            return 200, [{"language": code, "name": code} for code in sorted(self.TARGETS)]
        if (method, path) == ("POST", "/v2/translate"):
            return self.translate(body)
        if (method, path) == ("GET", "/v3/glossaries"):
            return 200, {
                "glossaries": [
                    {"glossary_id": id_, "name": g["name"], "dictionaries": g["dictionaries"]}
                    for id_, g in self.glossaries.items()
                ]
            }
        if (method, path) == ("POST", "/v3/glossaries"):
            glossary_id = str(uuid.uuid4())
            self.glossaries[glossary_id] = body
            return 201, {"glossary_id": glossary_id, "name": body["name"]}
        if method == "DELETE" and path.startswith("/v3/glossaries/"):
            if self.glossaries.pop(path.rsplit("/", 1)[1], None) is None:
                return 404, {"message": "Glossary not found"}
            return 204, b""
        return 404, {"message": "Not found"}

    def translate(self, body):
        if body.get("target_lang") not in self.TARGETS:
            return 400, {"message": "Value for 'target_lang' not supported."}
        if body.get("tag_handling") != "html":
            return 400, {"message": "this fake expects tag_handling html"}
        entries = {}
        if "glossary_id" in body:
            glossary = self.glossaries.get(body["glossary_id"])
            if glossary is None:
                return 404, {"message": "Glossary not found"}
            if not body.get("source_lang"):
                return 400, {"message": "source_lang is required when using a glossary"}
            (dictionary,) = glossary["dictionaries"]
            entries = dict(line.split("\t") for line in dictionary["entries"].splitlines())
        return 200, {
            "translations": [
                {"detected_source_language": body.get("source_lang"), "text": capitals(t, entries)}
                for t in body["text"]
            ]
        }
