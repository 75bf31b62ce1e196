"""Scraping debris removal: the one place where article text is normalised.

Every offset downstream refers to the text returned by :func:`clean_text`, so
articles are cleaned exactly once, when they are read (``kg.ingest``).

The rules are general (no rule names a particular person): they target what
scrapers leave behind around an article -- "Read more" links, ad slots, share
buttons, photo credits and captions -- because each of those lines would
otherwise yield false entities ("Getty Images", "KrisJenner/Instagram") or
false relations.

Examples:
    >>> clean_text("Kris is Khloe's mom.\\r\\n\\r\\n\\r\\nImage via KJ/Instagram\\nRead More >")
    "Kris is Khloe's mom."
    >>> clean_text("Kris Jenner and Khloe KardashianTo say that Khloe is stressed...")
    'Kris Jenner and Khloe Kardashian\\n\\nTo say that Khloe is stressed...'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text", "clean_line", "split_glued_caption", "valid_unicode", "printable"]

# --- characters -------------------------------------------------------------

# Invisible format characters that break words ("Kar\u00adda\u200bshian") or flip
# text direction; they carry no meaning for extraction.
_INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_BIDI = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t")
_DROP = str.maketrans(dict.fromkeys(_INVISIBLE + _BIDI + _CONTROL))
# A lone surrogate (JSON "\ud800") is no character: it cannot be written as UTF-8,
# so it would fail in the store or any output file. It becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode spaces (no-break, thin, ideographic...) become plain spaces so that
# "Kris\u00a0Jenner" and "Kris Jenner" are the same name.
_SPACES = re.compile(r"[^\S\n\t]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")

# --- debris lines -------------------------------------------------------------

# A whole line that is navigation, an ad slot or a share button.
_DEBRIS_LINE = re.compile(
    r"""^[\W_]*(?:
        (?:read\ more|continue\ reading|keep\ reading|read\ the\ full)\b[^.!?]{0,60}
      | (?:story|article)\ continues\ below(?:\ (?:this\ )?advertisement)?
      | advertisement|advertisements|advert|ad|ads|sponsored(?:\ content)?|skip\ ad
      | share\ this(?:\ article|\ story|\ post|\ page)?
      | share(?:\ (?:on|via)\ \w+)?|tweet|pin\ it|email|print|copy\ link
      | click\ here(?:\ (?:for|to)\b[^.!?]*)?|scroll\ down\b[^.!?]*|back\ to\ top|loading
      | (?:view|see)\ (?:this|the)\ (?:post|photo|video)\ on\ \w+
      | a\ (?:post|photo|video)\ shared\ by\b.*
      | (?:sign\ up|subscribe)\b.{0,80}?\bnewsletters?\b.*|subscribe(?:\ now)?
      | follow\ us(?:\ on\b.*)?|more\ from\b[^.!?]{0,60}
      | related(?:\ (?:stories|articles|posts|content|coverage|links))?
      | (?:you\ )?may\ also\ like|recommended(?:\ for\ you)?|trending(?:\ now)?
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A short line that introduces a link to another story ("Related: Kim ...").
_LINK_PREFIX = re.compile(
    r"^[\W_]*(?:read\ (?:more|next|also)|related(?:\ (?:story|article|video))?|see\ also"
    r"|also\ read|more|watch|video|tags?|filed\ under|trending|up\ next)\s*[:>»›|]",
    re.IGNORECASE | re.VERBOSE,
)

# Picture agencies and platforms that appear as "Name/Agency" in credits.
_AGENCY = (
    r"(?:getty(?:\ images)?|instagram|twitter|x|facebook|tiktok|youtube|snapchat|threads"
    r"|shutterstock|alamy|ap(?:\ photo)?|reuters|afp|pa(?:\ images|\ wire)?|epa"
    r"|wireimage|filmmagic|invision|rex(?:\ features)?|rex/shutterstock|splash(?:\ news)?"
    r"|backgrid|mega(?:\ agency)?|bauer-griffin|gc\ images|everett(?:\ collection)?"
    r"|imdb|courtesy|zuma(?:\ press)?|abaca(?:press)?|cover\ images|the\ image\ direct"
    r"|[\w.-]+\ images|[\w.-]+\ photos?)"
)

_PICTURE = r"(?:photo|image|picture|pic|video|gif|photograph|illustration)s?(?:\s+credits?)?"
# Picture credits. A labelled one ("Photo: ...", "Credit: ...") is debris whatever
# follows; one that reads like prose ("Photos from the wedding show ...",
# "Source: a friend says ...") only when it does not end like a sentence.
_CREDIT_LABEL = re.compile(rf"^[(\[]*\s*(?:{_PICTURE}|credits?)\s*:", re.IGNORECASE)
_CREDIT_PHRASE = re.compile(
    rf"^[(\[]*\s*(?:{_PICTURE}\s*(?:via|by|from|courtesy)\b|courtesy\s+of\b|(?:source|via)\s*:)",
    re.IGNORECASE,
)
_CREDIT_AGENCY = re.compile(
    rf"^[(\[]*\s*{_AGENCY}\s*[)\].]*$|^.{{0,200}}/\s*{_AGENCY}\s*[)\].]*$",
    re.IGNORECASE | re.VERBOSE,
)
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…][\"'”’]?$")

# A credit in parentheses inside a line: "(Photo by Jane Doe/Getty Images)".
_INLINE_CREDIT = re.compile(
    r"\ ?[(\[]\s*(?:(?:photo|image|picture|video)s?(?:\s+credits?)?\s*(?::|by\b|via\b|courtesy\b)"
    r"|credit\s*:|courtesy\s+of\b)[^()\[\]\n]{0,150}[)\]]"
    rf"|\ ?[(\[][^()\[\]\n]{{0,100}}/\s*{_AGENCY}\s*[)\]]",
    re.IGNORECASE | re.VERBOSE,
)

# --- glued caption --------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
# A word whose >= 4-letter capitalised left part is glued to a capitalised right part.
_GLUED = re.compile(rf"(?<![\w'’])([{_UP}][{_LOW}]{{3,}})([{_UP}][{_LOW}]*)(?=\s+[\"“'‘(]?\w)")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Surname particles that keep a capital after them: McDonald, DiCaprio, DellaVedova.
_NAME_PREFIXES = _words(
    "mc mac m' o' de da di du la le lo van von der den del della delle dello des dos das"
    " st ste fitz ten ter vande vanden vander saint san santa ben bin ibn al el abu"
)
# Words that commonly open a sentence; a glued right part from this list marks
# the start of the body even when the caption before it is not a list of names.
_OPENERS = _words(
    "a an the to on in at as by for from of with without after before during since while"
    " when whenever where if though although because but and or so yet nor even just still"
    " it its it's this that these those there here then now today yesterday last next"
    " he she they we i you his her their our my your what why how"
    " according earlier later recently meanwhile however despite amid"
)
_CAPTION_SPAN = 300
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?:\s|$)")


def clean_text(text: str) -> str:
    """Remove scraping debris and normalise the characters of an article body.

    In order: ``\\r\\n``/``\\r`` become ``\\n``; control characters (except ``\\n`` and
    ``\\t``), zero-width and direction marks are dropped; odd Unicode spaces become
    plain spaces; the text is NFC-normalised; lines are stripped and runs of spaces
    collapsed; lines that are debris (``Read More >``, ``Advertisement``, ``Share
    this article``, ``Related: ...``) or picture credits (``Image via X/Instagram``,
    ``Photo: Getty Images``, ``... /Getty Images``) are removed, as are inline
    credits such as ``(Photo by X/Getty Images)``; a caption glued to the first
    sentence is split off (:func:`split_glued_caption`); runs of three or more
    newlines become two.

    The result is idempotent: ``clean_text(clean_text(t)) == clean_text(t)``.

    Args:
        text: raw article text.

    Returns:
        The cleaned text, stripped; ``""`` when nothing but debris was there.

    Examples:
        >>> clean_text("Beyonce\\u200b and\\u00a0Jay-Z  married.\\n(Photo by A B/Getty Images)")
        'Beyonce and Jay-Z married.'
        >>> clean_text("Related: Kim Kardashian files for divorce\\nKim is Kris's daughter.")
        "Kim is Kris's daughter."
    """
    text = "\n".join(_clean_chars(line) for line in normalise_newlines(text).split("\n"))
    # Each pass only splits the first line or removes lines, so this ends. The
    # loop makes the result a fixed point: removing a debris line at the top can
    # bring a glued caption to the first line for the next pass.
    while True:
        cleaned = _drop_debris(split_glued_caption(text))
        if cleaned == text:
            return _MANY_NEWLINES.sub("\n\n", cleaned)
        text = cleaned


def clean_line(text: str) -> str:
    """Normalise a one-line field (a title): characters as in :func:`clean_text`, one line.

    Examples:
        >>> clean_line("  Kris\\u00a0Jenner \\n talks\\u200b ")
        'Kris Jenner talks'
    """
    return " ".join(_clean_chars(normalise_newlines(text)).split())


def split_glued_caption(text: str) -> str:
    """Split a photo caption glued to the first sentence into its own paragraph.

    Scrapers often drop the break between an image caption and the body, giving
    ``"Kris Jenner and Khloe KardashianTo say that ..."``. This turns it into
    ``"Kris Jenner and Khloe Kardashian\\n\\nTo say that ..."``.

    The rule: within the first 300 characters of the first line, before the
    first sentence ends, find the first word shaped ``[A-Z][a-z]{3,}[A-Z][a-z]*``
    (Latin-1 letters included, so ``BeyoncéThe`` counts) that is followed by
    more words. It is split at the lower/upper boundary when

    - the left part has at least 4 letters and is not a surname particle
      (Mc, Mac, De, Di, La, Le, Van, Von, Del, Della, St, Fitz...), so McDonald,
      MacKenzie, DeShawn, LeBron, DiCaprio, LaToya and O'Neal stay intact; and
    - the right part is a common sentence opener (The, To, On, In, When, She...),
      or the glued word looks like the end of a caption: it is the first word,
      or the word before it is capitalised (``Khloe KardashianKhloe said``).

    Limits: only the first line is examined, and only one split is made. A
    camel-case brand in the first sentence is split wrongly when its right
    part is an opener ("on LinkedIn about", "Doctor" + "Who" is spared only
    because "Who" is not in the list) or when it follows a capitalised word
    ("Kylie's OnlyFans page"); a caption whose glued name follows a lowercase
    word and is glued to another name ("Kylie with daughter StormiKylie said")
    stays glued, as does a caption holding a period ("Dr. OzThe"). Letters
    outside Latin-1 are not considered.

    Examples:
        >>> split_glued_caption("Kris Jenner and Khloe KardashianTo say that Khloe is stressed.")
        'Kris Jenner and Khloe Kardashian\\n\\nTo say that Khloe is stressed.'
        >>> split_glued_caption("Justin SmithThe actor left.")
        'Justin Smith\\n\\nThe actor left.'
        >>> split_glued_caption("LeBron James met DiCaprio and Ronald McDonald at MacKenzie's.")
        "LeBron James met DiCaprio and Ronald McDonald at MacKenzie's."
        >>> split_glued_caption("Her new podcast PlayStation sponsors is out.")
        'Her new podcast PlayStation sponsors is out.'
    """
    first_line = text.split("\n", 1)[0][: _CAPTION_SPAN + 40]
    end = _SENTENCE_END.search(first_line)
    window = first_line[: min(end.start(), _CAPTION_SPAN) if end else _CAPTION_SPAN]
    for match in _GLUED.finditer(first_line):
        if match.end(1) > len(window):
            break
        left, right = match.group(1), match.group(2)
        if left.lower() in _NAME_PREFIXES:
            continue
        before = window[: match.start()].split()
        caption_like = not before or before[-1][:1].isupper()
        if right.lower() in _OPENERS or caption_like:
            cut = match.start(2)
            return text[:cut].rstrip() + "\n\n" + text[cut:]
    return text


def normalise_newlines(text: str) -> str:
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )


def valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be written as UTF-8.

    Examples:
        >>> valid_unicode("Kim \\ud800 Lee") == "Kim \\ufffd Lee"
        True
    """
    return _SURROGATE.sub("\ufffd", text)


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to show on a terminal: controls and direction overrides become U+FFFD.

    Newlines and tabs stay. Article text and JSONL ids can hold escape sequences
    (``\\x1b[2J`` clears the screen) or right-to-left overrides that reorder
    what follows; shown as typed they would act, not read.

    Examples:
        >>> printable("Kim\\x1b[31m Lee\\u202e\\tok\\n") == "Kim\\ufffd[31m Lee\\ufffd\\tok\\n"
        True
    """
    return _UNPRINTABLE.sub("\ufffd", text)


def _clean_chars(text: str) -> str:
    # NFC after dropping characters: a dropped mark between a letter and its
    # combining accent would otherwise leave the pair decomposed.
    return unicodedata.normalize("NFC", _SPACES.sub(" ", valid_unicode(text).translate(_DROP)))


def _tidy(line: str) -> str:
    return _RUNS_OF_SPACES.sub(" ", line).strip(" \t")


def _drop_debris(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        line = _tidy(_INLINE_CREDIT.sub("", line))
        if not (line and _is_debris(line)):
            kept.append(line)
    return "\n".join(kept).strip()


def _is_debris(line: str) -> bool:
    if _DEBRIS_LINE.match(line) or _CREDIT_AGENCY.match(line):
        return True
    if len(line) > 200:  # a long line is a paragraph, whatever it starts with
        return False
    if _LINK_PREFIX.match(line) or _CREDIT_LABEL.match(line):
        return True
    return _CREDIT_PHRASE.match(line) is not None and not _ENDS_LIKE_SENTENCE.search(line)
