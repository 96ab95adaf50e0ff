"""``{{ text|markdown|glossary_terms }}``: glossary terms in member texts link to their entry."""

from html import escape
from html.parser import HTMLParser

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from languages.terms import Term, TermIndex, term_index

register = template.Library()

# Text inside these is left alone: a link in a link is invalid, code is literal, and a heading
# is no place for a definition; an abbreviation or definition is already marked.
SKIPPED = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "dfn"})


class _Marker(HTMLParser):
    """Copies the sanitised HTML as it is, marking terms in its text nodes only."""

    def __init__(self, index: TermIndex, language: str):
        super().__init__(convert_charrefs=True)
        self.index, self.language = index, language
        self.out: list[str] = []
        self.skipped = 0
        self.marked: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipped += 1
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skipped:
            self.skipped -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skipped:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.index.pattern.finditer(data):
            term = self.index.find(match.group())
            if term is None or term.slug in self.marked:
                continue
            self.marked.add(term.slug)
            self.out.append(escape(data[position : match.start()], quote=False))
            self.out.append(self._link(term, match.group()))
            position = match.end()
        self.out.append(escape(data[position:], quote=False))

    def _link(self, term: Term, text: str) -> str:
        href = escape(reverse("glossary:detail", kwargs={"slug": term.slug}))
        label = escape(text, quote=False)
        if term.acronym:
            expansion = term.expansions.get(self.language) or next(
                iter(term.expansions.values()), ""
            )
            if expansion:
                label = f'<abbr title="{escape(expansion)}">{label}</abbr>'
        return f'<a class="glossary-term" href="{href}">{label}</a>'


@register.filter
def glossary_terms(html):
    """The first mention of each published glossary entry, linked to it.

    Takes the output of ``markdown`` (well-formed, sanitised HTML); only its text changes, and
    everything added is escaped.
    """
    html = html if isinstance(html, SafeData) else conditional_escape(html)
    index = term_index()
    # Most texts name no term: they are returned as they are, without being parsed.
    if index.pattern is None or not index.pattern.search(html):
        return html
    marker = _Marker(index, (get_language() or "en").split("-")[0])
    marker.feed(str(html))
    marker.close()
    return mark_safe("".join(marker.out))  # noqa: S308 - text nodes escaped, markup ours
