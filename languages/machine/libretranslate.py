"""LibreTranslate, self-hosted (https://docs.libretranslate.com): ``POST /translate``."""

from languages.machine.base import TranslationBackend
from languages.machine.errors import TranslationUnavailable
from languages.machine.transport import request_json


class LibreTranslateBackend(TranslationBackend):
    """LibreTranslate has no glossaries: the base class protects the terms with placeholders.
    Fragments go out as ``format: html``, which translates the text and keeps the tags."""

    name = "libretranslate"
    version = "1"

    def translate_fragments(self, fragments, *, source, target, glossary):
        body = {"q": fragments, "source": source, "target": target, "format": "html"}
        if self.api_key:
            body["api_key"] = self.api_key
        answer = request_json("POST", f"{self.url}/translate", body=body, timeout=self.timeout)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, list):  # a list in, a list out
            raise TranslationUnavailable("libretranslate answered without translatedText")
        return translated

    def languages(self):
        answer = request_json("GET", f"{self.url}/languages", timeout=self.timeout)
        try:
            return sorted(language["code"].lower() for language in answer)
        except (TypeError, KeyError, AttributeError) as error:
            raise TranslationUnavailable("libretranslate answered no list of languages") from error
