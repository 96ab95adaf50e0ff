"""Markdown cut into what a translation engine may change and what it must leave alone.

Engines translate sentences, not Markdown: sent as is, ``**`` drifts, ``[label](url)`` gets its
URL translated, a code block becomes prose, a list marker moves. So the structure never reaches
the engine. Each line of text loses its block markup (heading hashes, list markers, quote signs,
table pipes), kept aside; fenced and indented code, rules and table separators are not sent at
all. What remains of a line goes out as a small HTML fragment, a format both engines translate
while keeping tags in place: emphasis becomes ``<b>``/``<i>``…, a link ``<a>`` around its
label, and anything that must come back byte for byte (code spans, URLs, images, escapes,
glossary terms) a ``<span data-p="N">`` placeholder. Its content is only context for the engine:
on the way back the placeholder is replaced by what was kept, whatever the engine did inside,
so only the attribute has to survive — and engines leave attributes alone.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
RULE = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+) *$")
TABLE_SEPARATOR = re.compile(r"^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]: *\S+")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)]) +")
# Block markup at the start of a line, the text, then trailing spaces (a hard line break).
BLOCK_PREFIX = re.compile(
    r"^(\s*(?:> ?)*(?:#{1,6} +|(?:[-*+]|\d{1,9}[.)]) +(?:\[[ xX]\] +)?)?)(.*?)(\s*)$"
)
CELL_SEPARATOR = re.compile(r"((?<!\\)\|)")
INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<autolink><(?:https?|mailto):[^>\s]+>)"
    r"|\[(?P<label>(?:[^\[\]]|\[[^\]]*\])+)\](?P<target>\([^)\s]*(?: +\"[^\"]*\")?\)|\[[^\]]*\])"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?])"
    r"|\*\*(?P<b>[^\s*](?:.*?[^\s*])?)\*\*"
    r"|(?<!\w)__(?P<strong>[^\s_](?:.*?[^\s_])?)__(?!\w)"
    r"|\*(?P<i>[^\s*](?:.*?[^\s*])?)\*"
    r"|(?<!\w)_(?P<em>[^\s_](?:.*?[^\s_])?)_(?!\w)"
    r"|~~(?P<del>[^\s~](?:.*?[^\s~])?)~~"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|~<>])"
)
# Tag ↔ Markdown marker; ``**`` and ``__`` get different tags so the text comes back as written.
MARKERS = {"b": "**", "strong": "__", "i": "*", "em": "_", "del": "~~"}
WORD = re.compile(r"\w")


class LostMarkup(ValueError):
    """The engine's answer lost a placeholder: the rebuilt text would lack code, a link or a
    glossary term."""


@dataclass
class Segment:
    """One piece of text for the engine: an HTML fragment and what its placeholders stand for."""

    html: str
    kept: list[str] = field(default_factory=list)
    has_words: bool = False


class _Converter:
    """Inline Markdown → HTML fragment; glossary terms (when given) become placeholders."""

    def __init__(self, terms: dict[str, str] | None):
        self.terms = {source: target for source, target in (terms or {}).items() if source}
        self.term_pattern = (
            re.compile(
                r"(?<!\w)("
                + "|".join(re.escape(s) for s in sorted(self.terms, key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if self.terms
            else None
        )
        self.lowered = {source.lower(): (source, target) for source, target in self.terms.items()}

    def segment(self, text: str) -> Segment:
        segment = Segment(html="")
        segment.html = self._inline(text, segment)
        return segment

    def _placeholder(self, segment: Segment, original: str, restored: str) -> str:
        segment.kept.append(restored)
        index = len(segment.kept) - 1
        return f'<span data-p="{index}" translate="no">{html.escape(original)}</span>'

    def _escape(self, text: str, segment: Segment) -> str:
        if WORD.search(text):
            segment.has_words = True
        return html.escape(text, quote=False)

    def _plain(self, text: str, segment: Segment) -> str:
        if self.term_pattern is None:
            return self._escape(text, segment)
        out, position = [], 0
        for match in self.term_pattern.finditer(text):
            out.append(self._escape(text[position : match.start()], segment))
            found = match.group(0)
            source, target = self.lowered[found.lower()]
            if found[:1].isupper() and source[:1].islower() and target[:1].islower():
                target = target[:1].upper() + target[1:]  # the term began a sentence
            out.append(self._placeholder(segment, found, target))
            position = match.end()
        out.append(self._escape(text[position:], segment))
        return "".join(out)

    def _inline(self, text: str, segment: Segment) -> str:
        out, position = [], 0
        for match in INLINE.finditer(text):
            out.append(self._plain(text[position : match.start()], segment))
            position = match.end()
            kind = match.lastgroup
            if kind in MARKERS:
                inner = self._inline(match.group(kind), segment)
                out.append(f"<{kind}>{inner}</{kind}>")
            elif match.group("label") is not None:
                segment.kept.append(match.group("target"))
                index = len(segment.kept) - 1
                label = self._inline(match.group("label"), segment)
                out.append(f'<a data-p="{index}">{label}</a>')
            else:  # code, image, autolink, URL, escape: back exactly as written
                out.append(self._placeholder(segment, match.group(0), match.group(0)))
        out.append(self._plain(text[position:], segment))
        return "".join(out)


class _Rebuilder(HTMLParser):
    """An engine's HTML fragment → inline Markdown, placeholders put back."""

    def __init__(self, kept: list[str]):
        super().__init__(convert_charrefs=True)
        self.kept = kept
        self.restored: set[int] = set()
        # Open elements: (tag, opening Markdown, closing Markdown, pieces of text inside).
        self.frames: list[tuple[str, str, str, list[str]]] = [("", "", "", [])]
        self.skipping = 0  # depth inside a placeholder, whose content is replaced

    def _index(self, attrs: list[tuple[str, str | None]]) -> int | None:
        value = dict(attrs).get("data-p")
        if value is not None and value.strip().isdigit() and int(value) < len(self.kept):
            return int(value)
        return None

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.skipping += tag == "span"
            return
        index = self._index(attrs)
        if tag == "span" and index is not None:
            self.frames[-1][3].append(self.kept[index])
            self.restored.add(index)
            self.skipping = 1
        elif tag == "a" and index is not None:
            self.restored.add(index)
            self.frames.append((tag, "[", "]" + self.kept[index], []))
        elif tag in MARKERS:
            self.frames.append((tag, MARKERS[tag], MARKERS[tag], []))
        # Any other tag an engine adds (<p>, <br>…) is dropped, its text kept.

    def handle_startendtag(self, tag, attrs):
        index = self._index(attrs)
        if not self.skipping and tag == "span" and index is not None:
            self.frames[-1][3].append(self.kept[index])
            self.restored.add(index)

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= tag == "span"
            return
        if len(self.frames) > 1 and self.frames[-1][0] == tag:
            self._close()

    def handle_data(self, data):
        if not self.skipping:
            self.frames[-1][3].append(data.replace("\n", " "))

    def _close(self):
        _tag, opening, closing, pieces = self.frames.pop()
        text = "".join(pieces)
        core = text.strip()
        # Engines move spaces inside tags ("<b> fet </b>"); "** fet **" is no emphasis.
        before = text[: len(text) - len(text.lstrip())]
        after = text[len(text.rstrip()) :]
        if core or opening == "[":
            self.frames[-1][3].append(f"{before}{opening}{core}{closing}{after}")
        else:
            self.frames[-1][3].append(text)

    def result(self) -> str:
        self.close()
        while len(self.frames) > 1:
            self._close()
        if self.restored != set(range(len(self.kept))):
            raise LostMarkup("the engine dropped code, a link or a glossary term")
        return "".join(self.frames[0][3])


def rebuild_inline(fragment: str, kept: list[str]) -> str:
    rebuilder = _Rebuilder(kept)
    rebuilder.feed(fragment)
    return rebuilder.result()


class MarkdownText:
    """A Markdown text as a list of segments to translate and the structure around them.

    ``terms`` (source → target) are protected by placeholders, for engines without glossaries.
    Plain text is Markdown too: it comes back as it went, with its words translated.
    """

    def __init__(self, text: str, *, terms: dict[str, str] | None = None):
        self._converter = _Converter(terms)
        # Literal strings, and Segments whose translation takes their place.
        self.parts: list[str | Segment] = []
        self._cut(text)

    @property
    def segments(self) -> list[Segment]:
        return [part for part in self.parts if isinstance(part, Segment) and part.has_words]

    def rebuild(self, translations: list[str]) -> str:
        """The text with each segment (in the order of ``segments``) replaced by its
        translation; raises LostMarkup when a translation lost a placeholder."""
        answers = iter(translations)
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                # A segment without words (a lone URL or term) was not sent: rebuilt as it is.
                fragment = next(answers) if part.has_words else part.html
                out.append(rebuild_inline(fragment, part.kept))
        return "".join(out)

    def _text(self, text: str) -> None:
        """Text of one line: leading and trailing spaces stay literal, the rest is translated."""
        core = text.strip()
        if not core:
            self.parts.append(text)
            return
        start = text.index(core)
        self.parts.append(text[:start])
        self.parts.append(self._converter.segment(core))
        self.parts.append(text[start + len(core) :])

    def _cut(self, text: str) -> None:
        fence = None  # the opening fence while inside a fenced code block
        previous_blank, in_list, indented_code = True, False, False
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            ending = line[len(body) :]
            indented = body.startswith(("    ", "\t"))
            if fence:
                if FENCE.match(body) and body.strip().startswith(fence):
                    fence = None
                self.parts.append(line)
                continue
            if not body.strip():
                self.parts.append(line)
                previous_blank = True
                continue
            if indented_code and indented:
                self.parts.append(line)
                continue
            indented_code = False
            opening = FENCE.match(body)
            if opening:
                fence = opening.group(1)
                self.parts.append(line)
            elif indented and previous_blank and not in_list:
                indented_code = True
                self.parts.append(line)
            elif (
                RULE.match(body)
                or SETEXT_UNDERLINE.match(body)
                or TABLE_SEPARATOR.match(body)
                or REFERENCE_DEFINITION.match(body)
            ):
                self.parts.append(line)
            elif body.lstrip().startswith("|"):
                for piece in CELL_SEPARATOR.split(body):
                    if piece == "|":
                        self.parts.append(piece)
                    else:
                        self._text(piece)
                self.parts.append(ending)
            else:
                prefix, core, trailing = BLOCK_PREFIX.match(body).groups()
                self.parts.append(prefix)
                self._text(core)
                self.parts.append(trailing + ending)
            if not indented:
                if LIST_ITEM.match(body):
                    in_list = True
                elif previous_blank:
                    in_list = False
            previous_blank = False
