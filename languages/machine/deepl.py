"""DeepL API (https://developers.deepl.com): ``/v2/translate``, glossaries in ``/v3/glossaries``."""

import hashlib
import logging

from django.core.cache import cache

from languages.machine.base import TranslationBackend
from languages.machine.errors import TranslationRefused, TranslationUnavailable
from languages.machine.transport import request_json

logger = logging.getLogger(__name__)

FREE_URL = "https://api-free.deepl.com"
PRO_URL = "https://api.deepl.com"
# DeepL wants a variant for some target languages; the portal writes British English.
TARGET_VARIANTS = {"en": "EN-GB", "pt": "PT-PT"}
GLOSSARY_PREFIX = "alliance-portal"
GLOSSARY_CACHE_SECONDS = 24 * 60 * 60


class DeepLBackend(TranslationBackend):
    """DeepL applies glossaries itself (inflecting the terms): one glossary per language pair
    and set of entries, created once, found again by its name, reused by id."""

    name = "deepl"
    version = "v2"
    native_glossaries = True
    batch_size = 50  # DeepL's limit of texts per request (and 128 KiB per body)

    def __init__(self, *, url: str = "", api_key: str, timeout: float = 15.0):
        # Free keys end in ":fx" and only work on the free API's host.
        super().__init__(
            url=url or (FREE_URL if api_key.endswith(":fx") else PRO_URL),
            api_key=api_key,
            timeout=timeout,
        )

    def _call(self, method: str, path: str, body=None):
        return request_json(
            method,
            f"{self.url}{path}",
            body=body,
            timeout=self.timeout,
            headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"},
        )

    def translate_fragments(self, fragments, *, source, target, glossary):
        body = {
            "text": fragments,
            "source_lang": source.split("-")[0].upper(),
            "target_lang": TARGET_VARIANTS.get(target.lower(), target.upper()),
            "tag_handling": "html",
        }
        cache_key = None
        if glossary:
            cache_key, body["glossary_id"] = self.glossary_id(source, target, glossary)
        try:
            answer = self._call("POST", "/v2/translate", body)
        except TranslationRefused:
            if cache_key:  # perhaps the glossary was deleted on DeepL's side: look again
                cache.delete(cache_key)
            raise
        try:
            return [item["text"] for item in answer["translations"]]
        except (TypeError, KeyError) as error:
            raise TranslationUnavailable("deepl answered without translations") from error

    def languages(self):
        answer = self._call("GET", "/v2/languages?type=target")
        try:
            return sorted({item["language"].split("-")[0].lower() for item in answer})
        except (TypeError, KeyError, AttributeError) as error:
            raise TranslationUnavailable("deepl answered no list of languages") from error

    # --- Glossaries -------------------------------------------------------------------------

    @staticmethod
    def glossary_entries(glossary: dict[str, str]) -> str:
        # TSV: a tab or line break inside a term would break the format; DeepL refuses them.
        return "\n".join(
            f"{source}\t{target}"
            for source, target in sorted(glossary.items())
            if source and target and not any(c in source + target for c in "\t\r\n")
        )

    def glossary_name(self, source: str, target: str, entries: str) -> str:
        digest = hashlib.sha256(f"{source}|{target}|{entries}".encode()).hexdigest()[:16]
        return f"{GLOSSARY_PREFIX} {source}-{target} {digest}"

    def glossary_id(self, source: str, target: str, glossary: dict[str, str]) -> tuple[str, str]:
        """(cache key, id) of the DeepL glossary holding exactly these entries, created on
        first use. Another set of entries for the pair replaces the old glossary (an account
        may hold 1000)."""
        source, target = source.split("-")[0].lower(), target.split("-")[0].lower()
        entries = self.glossary_entries(glossary)
        name = self.glossary_name(source, target, entries)
        account = hashlib.sha256(f"{self.url}|{self.api_key}".encode()).hexdigest()[:16]
        cache_key = f"languages:deepl-glossary:{account}:{name.replace(' ', ':')}"
        glossary_id = cache.get(cache_key)
        if glossary_id:
            return cache_key, glossary_id
        listing = self._call("GET", "/v3/glossaries")
        try:
            existing = [(item["glossary_id"], item["name"]) for item in listing["glossaries"]]
        except (TypeError, KeyError) as error:
            raise TranslationUnavailable("deepl answered no list of glossaries") from error
        glossary_id = next((id_ for id_, item_name in existing if item_name == name), None)
        if glossary_id is None:
            created = self._call(
                "POST",
                "/v3/glossaries",
                {
                    "name": name,
                    "dictionaries": [
                        {
                            "source_lang": source,
                            "target_lang": target,
                            "entries": entries,
                            "entries_format": "tsv",
                        }
                    ],
                },
            )
            try:
                glossary_id = created["glossary_id"]
            except (TypeError, KeyError) as error:
                raise TranslationUnavailable("deepl created no glossary") from error
            self._delete_stale(f"{GLOSSARY_PREFIX} {source}-{target} ", name, existing)
        cache.set(cache_key, glossary_id, GLOSSARY_CACHE_SECONDS)
        return cache_key, glossary_id

    def _delete_stale(self, prefix: str, current: str, existing: list[tuple[str, str]]) -> None:
        for glossary_id, name in existing:
            if name.startswith(prefix) and name != current:
                try:
                    self._call("DELETE", f"/v3/glossaries/{glossary_id}")
                except TranslationUnavailable as error:
                    # A leftover glossary costs nothing now; the next change deletes it.
                    logger.warning("Could not delete DeepL glossary %s: %s", glossary_id, error)
