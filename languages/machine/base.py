"""What every machine-translation engine offers the portal."""

from collections.abc import Iterator

from languages.machine.errors import TranslationUnavailable
from languages.machine.markup import LostMarkup, MarkdownText, Segment
from languages.machine.transport import check_url


class TranslationBackend:
    """One engine, reached over HTTP. ``name`` and ``version`` (of the API spoken) are recorded
    with each translation, so that a reader knows which machine wrote it.

    Texts are Markdown (plain text is Markdown too): their structure comes back untouched, only
    the words are translated. Every failure raises TranslationUnavailable, never anything else.
    """

    name = ""
    version = ""
    # Engines without glossaries get the terms protected by placeholders instead.
    native_glossaries = False
    batch_size = 50  # segments per request
    batch_bytes = 100 * 1024

    def __init__(self, *, url: str, api_key: str = "", timeout: float = 15.0):
        self.url = check_url(url)
        self.api_key = api_key
        self.timeout = timeout

    def translate(
        self,
        texts: list[str],
        *,
        source: str,
        target: str,
        glossary: dict[str, str] | None = None,
    ) -> list[str]:
        """The texts in the target language, in the same order. ``glossary`` maps source terms
        to the target terms the translation must use."""
        if source == target:
            return list(texts)
        glossary = {s.strip(): t.strip() for s, t in (glossary or {}).items() if s.strip()}
        terms = None if self.native_glossaries else glossary
        documents = [MarkdownText(text, terms=terms) for text in texts]
        segments = [segment for document in documents for segment in document.segments]
        translations: list[str] = []
        for batch in self._batches(segments):
            answer = self.translate_fragments(
                [segment.html for segment in batch],
                source=source,
                target=target,
                glossary=glossary if self.native_glossaries else None,
            )
            if (
                not isinstance(answer, list)
                or len(answer) != len(batch)
                or not all(isinstance(item, str) for item in answer)
            ):
                raise TranslationUnavailable(
                    f"{self.name} answered {len(answer) if isinstance(answer, list) else 0}"
                    f" translations for {len(batch)} texts"
                )
            translations.extend(answer)
        results, answers = [], iter(translations)
        for document in documents:
            try:
                results.append(document.rebuild([next(answers) for _ in document.segments]))
            except LostMarkup as error:
                raise TranslationUnavailable(f"{self.name}: {error}") from error
            except ValueError as error:  # HTML the parser could not follow
                raise TranslationUnavailable(f"{self.name} answered unreadable HTML") from error
        return results

    def _batches(self, segments: list[Segment]) -> Iterator[list[Segment]]:
        batch, size = [], 0
        for segment in segments:
            length = len(segment.html.encode())
            if batch and (len(batch) == self.batch_size or size + length > self.batch_bytes):
                yield batch
                batch, size = [], 0
            batch.append(segment)
            size += length
        if batch:
            yield batch

    def translate_fragments(
        self, fragments: list[str], *, source: str, target: str, glossary: dict[str, str] | None
    ) -> list[str]:
        """HTML fragments translated by the engine, tags kept (one request)."""
        raise NotImplementedError

    def languages(self) -> list[str]:
        """The codes of the languages the engine translates into (lowercase, ``en``)."""
        raise NotImplementedError
