"""Markup to plain text: the main text of HTML pages, and Markdown without its syntax.

For HTML, trafilatura finds the main text; when it finds none, a plain
visible-text reader is the fallback. Nothing in a page is run or fetched:
trafilatura and ``html.parser`` only parse it. Scripts, styles, navigation,
headers, footers and asides never reach the text.

Examples:
    >>> page = "<title>Kim Weds</title><script>alert(1)</script><p>Kim married Kanye.</p>"
    >>> fields = html_article(page)
    >>> fields["title"], fields["text"]
    ('Kim Weds', 'Kim married Kanye.')
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import trafilatura

from kg.clean import normalise_newlines

__all__ = ["html_article", "visible_text", "markdown_article", "strip_markdown"]

# Elements whose content is never article text.
_HIDDEN = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "textarea",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "figure",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "tr",
        "table",
        "dd",
        "dt",
        "dl",
        "hr",
        "address",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def html_article(html: str) -> dict[str, str]:
    """Extract ``text``, ``title``, ``url`` and ``published`` from an HTML page.

    Paragraphs are separated by a blank line; a first paragraph equal to the
    title (the page's ``<h1>``) is dropped.

    Args:
        html: the decoded page.

    Returns:
        The fields found; ``text`` is ``""`` when the page holds no visible text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception:  # noqa: BLE001 - a parser failure on hostile markup: use the fallback
        doc = None
    fields = {key: _field(doc, key) for key in ("text", "title", "url", "date")}
    fields["published"] = fields.pop("date")
    if not fields["text"].strip():
        fields["text"], title = visible_text(html)
        fields["title"] = fields["title"] or title
    paragraphs = [p.strip() for p in fields["text"].split("\n") if p.strip()]
    if paragraphs and fields["title"] and paragraphs[0] == fields["title"].strip():
        paragraphs = paragraphs[1:]
    fields["text"] = "\n\n".join(paragraphs)
    return fields


def visible_text(html: str) -> tuple[str, str]:
    """The visible text of a page outside scripts, styles and page furniture, and its ``<title>``.

    Examples:
        >>> visible_text("<title>T</title><nav>Home</nav><p>One</p><style>p{}</style><p>Two")
        ('One\\nTwo', 'T')
    """
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - keep what was read before malformed markup
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line), " ".join("".join(parser.title).split())


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden = 0  # depth inside elements whose text is dropped
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN and tag not in _VOID and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def _field(doc: Any, key: str) -> str:
    # trafilatura 2 returns a Document, 1.x a dict.
    value = doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)
    return value if isinstance(value, str) else ""


def markdown_article(text: str) -> dict[str, str]:
    """Extract ``text``, and ``title``, ``url``, ``published`` when given, from Markdown.

    The title comes from the front matter (``title:``), else from a first line
    that is a ``#`` or ``##`` heading; ``date:`` becomes ``published``.

    Examples:
        >>> markdown_article("---\\ndate: 2015-12-01\\n---\\n# Kim *Weds*\\nKim married **Kanye**.")
        {'published': '2015-12-01', 'title': 'Kim Weds', 'text': 'Kim married Kanye.'}
    """
    text = normalise_newlines(text).lstrip("\ufeff")
    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(0).split("\n")[1:-1]:
            key, sep, value = line.partition(":")
            name = _FRONT_KEYS.get(key.strip().lower())
            if sep and name and value.strip() and name not in fields:
                fields[name] = value.strip().strip("\"'")
        text = text[front.end() :]
    heading = _HEADING_TITLE.match(text)
    if heading:
        fields.setdefault("title", strip_markdown(heading.group(1)))
        text = text[heading.end() :]
    fields["text"] = strip_markdown(text)
    return fields


def strip_markdown(text: str) -> str:
    """Turn Markdown into plain prose.

    Drops front matter, fenced code blocks, images, HTML tags, link reference
    definitions and horizontal rules; keeps the text of headings, emphasis,
    links, inline code, quotes and list items.

    Examples:
        >>> strip_markdown("# Kris\\n\\n**Kris** is [Khloe's](http://x.y) *mom*. ![pic](a.png)")
        "Kris\\n\\nKris is Khloe's mom."
        >>> strip_markdown("```\\nprint(1)\\n```\\n> - item one")
        'item one'
    """
    text = _FRONT_MATTER.sub("", normalise_newlines(text), count=1)
    text = _drop_comments(_FENCE.sub("", text))
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = dict(title="title", url="url", link="url", date="published", published="published")
_HEADING_TITLE = re.compile(r"\A\s*#{1,2}[ \t]+(.{1,300}?)(?:[ \t]+#+)?[ \t]*(?:\n|\Z)")
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.DOTALL | re.MULTILINE)
# Every repetition is bounded so that hostile input (thousands of unclosed "**"
# or "![") costs linear time, not quadratic.
_MARKDOWN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"!\[[^\]\n]{0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])"), ""),  # images
    (re.compile(r"^[ \t]*\[[^\]\n]{1,500}\]:[ \t]*\S.*$", re.MULTILINE), ""),  # [ref]: url
    (re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,500}\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(?:https?://|mailto:)[^>\s]{0,2000}>"), ""),  # autolinks
    (re.compile(r"</?[A-Za-z][^<>\n]{0,2000}>"), ""),  # inline HTML tags
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE), ""),  # quotes
    (re.compile(r"^[ \t]*#{1,6}[ \t]+(.{0,500}?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),  # # h
    (re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), r"\1"),  # list items
    (re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1"), r"\2"),  # **bold**
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]{1,500}?)(?<=\S)_(?!\w)"), r"\1"),  # _em_
    (re.compile(r"~~(?=\S)(.{1,500}?)(?<=\S)~~"), r"\1"),  # ~~strike~~
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),  # `code`
]


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` in linear time (a regex rescans unclosed comments)."""
    parts, pos = [], 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        parts.append(text[pos:start])
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)
