"""A synthetic corpus of gossip and biography articles about invented celebrities.

``world(families)`` invents a population: couples with one to four children,
children who marry into other families and have children of their own (so
there are grandparents), some divorces and second marriages, dating couples
(current and former), engagements, friendships, and rumoured romances that the
people involved deny. Names are invented (first name + a surname made of two
syllables), one full name per person.

``articles(n)`` writes ``n`` articles about that world (one founding couple
per 8 articles, about 0.9 people per article): each is about one person and tells,
in three to five paragraphs of 150 to 400 words, some of what the world knows
about them (parents, children, siblings, marriage, divorce, dating,
engagement, a denied romance) between sentences that state no relation
(careers, events, quotes). About one article in five is a text of the dev set
(``../shared/eval/dev.jsonl``), kept as is, spread evenly through the corpus.

Everything is seeded: the same ``n``, ``seed`` and dev file always give the
same articles, byte for byte. ``edited`` names articles to change (an update
paragraph is appended), for incremental re-builds.

    python benchmarks/corpus.py 1000 > corpus.jsonl    # 1,000 articles as JSONL
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
DEV_SHARE = 5  # one article in DEV_SHARE is a dev text, while dev texts last

FEMALE = (  # noqa: SIM905 - a word list reads better as text
    "Adela Brynn Calla Daphne Elowen Fiora Giselle Halle Isadora Juno Kaia Liora Maren "
    "Nerissa Odalys Perrin Quilla Rosalind Saoirse Tamsin Undine Verity Wrenna Xanthe "
    "Yselle Zinnia Annika Bettina Coralie Delphine Esmé Flavia Ginevra Henrietta Ilse "
    "Jessamy Katrien Leonie Marisol Noemi Ottilie Philippa Romilly Seraphine Thea Ulla "
    "Valentina Wilhelmina Yvaine Zelda Arden Blythe Clementine Dulcie Evadne Fenella"
).split()
MALE = (  # noqa: SIM905 - a word list reads better as text
    "Alaric Bastian Cormac Dorian Emrys Fabian Gideon Hollis Ignatius Jago Kasimir Lorcan "
    "Magnus Niall Osric Peregrine Quentin Rafferty Soren Tobias Ulric Vaughn Wystan "
    "Xavier Yorick Zebulon Anselm Benedikt Caspian Desmond Evander Florian Gustav Horatio "
    "Ivo Jasper Konrad Leander Malachy Nikolai Orson Piers Rupert Silas Thaddeus Upton "
    "Valentin Wolfram Yannick Zeno Ambrose Barnaby Cyprian Dashiell Ellery Fitzroy"
).split()
SURNAME_HEAD = (  # noqa: SIM905
    "Ash Bel Cal Dun Elm Fair Gar Hal Ives Kel Lang Mar Nor Oak Pem Quar Ros Sel Thorn "
    "Ul Ver Wex Yar Alder Brax Carr Dray Fen Grim Hax"
).split()
SURNAME_TAIL = (  # noqa: SIM905
    "bury court dale ford ington ley mont ridge stead ton wick well ward hurst field "
    "croft worth holm gate mere"
).split()
JOBS = (
    "actress", "actor", "singer", "rapper", "chef", "model", "producer", "director",
    "designer", "TV host", "comedian", "podcaster", "DJ", "influencer",
)  # fmt: skip
CITIES = (
    "Los Angeles",
    "New York",
    "Miami",
    "London",
    "Paris",
    "Nashville",
    "Atlanta",
    "Toronto",
    "Malibu",
    "Lake Como",
    "Aspen",
    "Ibiza",
)
SHOWS = (
    "Midnight Harbor",
    "Silver Coast",
    "The Glass Orchard",
    "Velvet Hours",
    "Northern Lights Drive",
    "Saltwater Kings",
    "The Understudy",
    "Paper Crowns",
    "Golden Hour Diaries",
    "Lowcountry Nights",
)
EVENTS = (
    "Met Gala",
    "Golden Globes after-party",
    "Cannes Film Festival",
    "Coachella",
    "Grammys",
    "CMT Awards",
    "Vanity Fair Oscar party",
    "Paris Fashion Week",
)
OUTLETS = ("People", "Us Weekly", "Entertainment Tonight", "E! News", "Page Six", "Access")
MONTHS = (  # noqa: SIM905 - a word list reads better as text
    "January February March April May June July August September October November December"
).split()
NOW = 2025  # the year the articles are written
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()  # noqa: SIM905


@dataclass
class Person:
    """One invented celebrity."""

    name: str
    female: bool
    born: int
    job: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    def word(self, female: str, male: str) -> str:
        return female if self.female else male


@dataclass
class World:
    """Invented people and what is true between them (indexes into ``people``)."""

    people: list[Person] = field(default_factory=list)
    parents: dict[int, tuple[int, int]] = field(default_factory=dict)  # child -> (mom, dad)
    marriages: list[tuple[int, int, int, int | None]] = field(default_factory=list)  # ended?
    dating: list[tuple[int, int, bool]] = field(default_factory=list)  # (a, b, current)
    engaged: list[tuple[int, int]] = field(default_factory=list)
    friends: list[tuple[int, int]] = field(default_factory=list)
    rumours: list[tuple[int, int]] = field(default_factory=list)  # denied romances

    def children(self, p: int) -> list[int]:
        return [c for c, mf in self.parents.items() if p in mf]

    def index(self) -> dict[int, dict[str, list]]:
        """Person -> kind of relation -> the others (with flags)."""
        out: dict[int, dict[str, list]] = {}

        def put(p: int, kind: str, item: object) -> None:
            out.setdefault(p, {}).setdefault(kind, []).append(item)

        for c, (m, f) in sorted(self.parents.items()):
            put(c, "parents", (m, f))
            put(m, "kids", c)
            put(f, "kids", c)
        by_parents: dict[tuple[int, int], list[int]] = {}
        for c, mf in self.parents.items():
            by_parents.setdefault(mf, []).append(c)
        for kids in by_parents.values():
            for a in kids:
                for b in kids:
                    if a != b:
                        put(a, "siblings", b)
        for a, b, year, ended in self.marriages:
            put(a, "marriages", (b, year, ended))
            put(b, "marriages", (a, year, ended))
        for a, b, current in self.dating:
            put(a, "dating", (b, current))
            put(b, "dating", (a, current))
        for a, b in self.engaged:
            put(a, "engaged", b)
            put(b, "engaged", a)
        for a, b in self.friends:
            put(a, "friends", b)
            put(b, "friends", a)
        for a, b in self.rumours:
            put(a, "rumours", b)
            put(b, "rumours", a)
        return out


def world(families: int, seed: int = 7) -> World:
    """``families`` founding couples and everyone they bring in; see the module docstring."""
    rng = random.Random(f"world:{seed}:{families}")
    w = World()
    taken: set[str] = set()

    def person(female: bool, born: int, surname: str | None = None) -> int:
        firsts = FEMALE if female else MALE
        for attempt in range(1000):
            last = surname if surname and attempt < 50 else None
            last = last or rng.choice(SURNAME_HEAD) + rng.choice(SURNAME_TAIL)
            name = f"{rng.choice(firsts)} {last}"
            if name not in taken:
                break
        else:  # pragma: no cover - the name space is far larger than any benchmark
            raise RuntimeError("ran out of names")
        taken.add(name)
        w.people.append(Person(name, female, born, rng.choice(JOBS)))
        return len(w.people) - 1

    def family(mom: int, dad: int, year: int, kids: int) -> list[int]:
        surname = w.people[dad].name.split()[-1]
        born = []
        for _ in range(kids):
            year += rng.randint(1, 4)
            if year > NOW - 1:
                break
            c = person(rng.random() < 0.5, year, surname)
            w.parents[c] = (mom, dad)
            born.append(c)
        return born

    second: list[int] = []  # the founders' children: they marry, have children, divorce
    for _ in range(families):
        year = rng.randint(1928, 1950)
        dad, mom = person(False, year), person(True, year + rng.randint(-4, 4))
        wed = year + rng.randint(21, 28)
        ended = wed + rng.randint(5, 25) if rng.random() < 0.2 else None
        w.marriages.append((mom, dad, wed, ended))
        second += family(mom, dad, wed, rng.randint(1, 4))
    rng.shuffle(second)
    single = list(second)
    while single:
        a = single.pop()
        roll = rng.random()
        if roll < 0.55:  # married, to another founder's child or to someone new
            match = [i for i in single[-20:] if w.people[i].female != w.people[a].female]
            if match and rng.random() < 0.5:
                b = match[-1]
                single.remove(b)
            else:
                pa = w.people[a]
                b = person(not pa.female, pa.born + rng.randint(-5, 5))
            mom, dad = (a, b) if w.people[a].female else (b, a)
            wed = min(NOW, max(w.people[a].born, w.people[b].born) + rng.randint(22, 34))
            ended = wed + rng.randint(2, 12) if rng.random() < 0.25 else None
            ended = ended if ended is None or ended <= NOW else None
            w.marriages.append((mom, dad, wed, ended))
            family(mom, dad, wed, rng.choice((0, 1, 1, 2, 2, 3)))
            if ended is not None and rng.random() < 0.6:  # moved on: remarried or dating
                pa = w.people[a]
                c = person(not pa.female, pa.born + rng.randint(-6, 6))
                if rng.random() < 0.5 and ended < NOW:
                    w.marriages.append((a, c, min(NOW, ended + rng.randint(1, 4)), None))
                else:
                    w.dating.append((a, c, True))
        elif roll < 0.75:  # dating someone new
            pa = w.people[a]
            b = person(not pa.female, pa.born + rng.randint(-6, 6))
            w.dating.append((a, b, rng.random() < 0.6))
            if rng.random() < 0.3:
                w.engaged.append((a, b))
    everyone = range(len(w.people))
    for _ in range(len(w.people) // 6):
        a, b = rng.sample(everyone, 2)
        w.friends.append((a, b))
    for _ in range(len(w.people) // 8):
        a, b = rng.sample(everyone, 2)
        if w.people[a].female != w.people[b].female:
            w.rumours.append((a, b))
    return w


# ---------------------------------------------------------------------------- sentences


def _relation_sentences(w: World, p: int, facts: dict[str, list], rng: random.Random) -> list[str]:
    """One sentence per known relation of ``p`` (in a random order)."""
    me = w.people[p]
    he, his = me.word("she", "he"), me.word("her", "his")
    out: list[str] = []
    for m, f in facts.get("parents", []):
        mom, dad = w.people[m], w.people[f]
        kid = me.word("daughter", "son")
        out.append(rng.choice((
            f"{me.name} is the {kid} of {mom.job} {mom.name} and {dad.name}.",
            f"{me.name} was born in {me.born} to {dad.name} and {mom.name}.",
            f"{me.first}'s mother, {mom.name}, was spotted cheering from the front row.",
            f"{dad.name} is {me.first}'s father, and the two are famously close.",
            f"{mom.name} shared a throwback photo of {his} {kid}, {me.name}, on Instagram.",
        )))  # fmt: skip
    kids = facts.get("kids", [])
    for c in kids[:3]:
        kid = w.people[c]
        word = kid.word("daughter", "son")
        out.append(rng.choice((
            f"{me.name} gushed about {his} {word}, {kid.name}, in a new interview.",
            f"{kid.name} is the {word} of {me.name}.",
            f"{me.first} brought {his} {word} {kid.name} to the premiere.",
            f"{kid.name}'s {me.word('mother', 'father')}, {me.name}, posted a birthday tribute.",
        )))  # fmt: skip
    for s in facts.get("siblings", [])[:2]:
        sib = w.people[s]
        word = sib.word("sister", "brother")
        out.append(rng.choice((
            f"{me.name} and {his} {word} {sib.name} launched a podcast last year.",
            f"{sib.name} is {me.first}'s younger {word}.",
            f"{me.first} was joined by {his} {word}, {sib.name}, at the launch.",
        )))  # fmt: skip
    for q, year, ended in facts.get("marriages", []):
        other = w.people[q]
        spouse = other.word("wife", "husband")
        if ended is None:
            out.append(rng.choice((
                f"{me.name} married {other.job} {other.name} in a private ceremony in {year}.",
                f"{me.name} and {his} {spouse}, {other.name}, arrived hand in hand.",
                f"{me.name} has been married to {other.name} since {year}.",
                f"{me.first} and {other.name} tied the knot in {rng.choice(CITIES)} in {year}.",
            )))  # fmt: skip
        else:
            out.append(rng.choice((
                f"{me.name} and {other.name} finalized their divorce in {ended} after "
                f"{ended - year} years of marriage.",
                f"{me.name} filed for divorce from {other.name} in {ended}.",
                f"{me.first}'s ex-{spouse}, {other.name}, has kept a low profile since the split.",
                f"{me.name} was previously married to {other.name}; they divorced in {ended}.",
            )))  # fmt: skip
    for q, current in facts.get("dating", []):
        other = w.people[q]
        friend = other.word("girlfriend", "boyfriend")
        if current:
            out.append(rng.choice((
                f"{me.name} is dating {other.job} {other.name}, a source confirmed.",
                f"{me.name} has been quietly dating {other.name} since the spring.",
                f"{me.first} and {his} {friend} {other.name} were spotted holding hands in "
                f"{rng.choice(CITIES)}.",
            )))  # fmt: skip
        else:
            out.append(rng.choice((
                f"{me.name} split from {other.name} last year after two years of dating.",
                f"{me.name} and {other.name} broke up in the fall, a rep confirmed.",
                f"{me.first}'s ex-{friend}, {other.name}, has since moved on.",
            )))  # fmt: skip
    for q in facts.get("engaged", []):
        other = w.people[q]
        out.append(rng.choice((
            f"{me.name} is engaged to {other.name}.",
            f"{me.name} got engaged to longtime love {other.name} over the weekend.",
        )))  # fmt: skip
    for q in facts.get("friends", [])[:1]:
        other = w.people[q]
        out.append(rng.choice((
            f"{me.name} has been best friends with {other.name} since high school.",
            f"{me.first} and {his} close friend {other.name} grabbed lunch in "
            f"{rng.choice(CITIES)}.",
        )))  # fmt: skip
    for q in facts.get("rumours", [])[:1]:
        other = w.people[q]
        out.append(rng.choice((
            f"{me.name} denied rumors that {he} is dating {other.name}.",
            f"A spokesperson for {me.name} said {he} is not dating {other.name}: "
            '"They are just friends."',
            f"{me.name} shut down reports of a romance with {other.name}.",
        )))  # fmt: skip
    rng.shuffle(out)
    return out


def _fillers(w: World, p: int, rng: random.Random) -> list[str]:
    """Sentences that state no relation, each once, in a random order."""
    me = w.people[p]
    he, his = me.word("she", "he"), me.word("her", "his")
    show, show2, city, city2 = *rng.sample(SHOWS, 2), *rng.sample(CITIES, 2)
    event, outlet, day = rng.choice(EVENTS), rng.choice(OUTLETS), rng.choice(DAYS)
    age = NOW - me.born
    out = [
        f"The {me.job}, {age}, recently wrapped filming on {show} in {city}.",
        f"{me.first} will next appear in the thriller {show2}, due out next spring.",
        f"Representatives for {me.name} did not immediately respond to a request for comment.",
        f"The outing comes weeks after {me.first} was spotted at the {event}.",
        f'"We are just taking it one day at a time," {me.first} told {outlet}.',
        f"{me.first} rose to fame on the reality series {show} before launching a skincare line.",
        "Fans flooded the comments with heart emojis within minutes of the post.",
        f"The star has been open about {his} struggles with anxiety over the years.",
        f"{me.first} celebrated the news with a dinner at a sushi spot in {city2}.",
        f"According to an insider, {he} has never been happier.",
        f"The {show} star wore a custom gown by a rising {city} designer.",
        f"{me.first} also thanked {his} fans for the support during a difficult year.",
        "The group was photographed leaving the restaurant shortly after midnight.",
        f"Earlier this month, {me.first} posted a cryptic quote about new beginnings.",
        f"The {me.job} is currently on a {rng.randint(20, 60)}-city world tour.",
        f'"It has been a wild ride," {he} said on a podcast last week.',
        f"On {day}, {me.first} stepped out in {city2} wearing an oversized blazer and loafers.",
        f"Tickets for {his} {city} shows sold out in under an hour.",
        f"{me.first} has more than {rng.randint(2, 90)} million followers on Instagram.",
        f"The cast of {show2} reunited for a charity gala in {city} last month.",
        "A second source said the mood at the party was relaxed and upbeat.",
        f"{me.first} has a new fragrance coming out in the fall, {he} revealed.",
        f'"I have learned to tune out the noise," {he} told {outlet} in a cover story.',
        f"The {event} appearance was {his} first red carpet in nearly two years.",
        "Paparazzi photos show the group laughing as they waited for their car.",
        f"{me.first} is also a producer on the upcoming season of {show2}.",
        f"Last year {me.first} bought a {rng.randint(3, 9)}-bedroom home in {city2}.",
        f"The {me.job} did not address the speculation during {his} set on {day}.",
        f"Critics praised {his} performance in {show} as a career best.",
        f"{me.first} kept things casual in jeans and a vintage band T-shirt.",
        "Several guests shared snaps from the evening on social media.",
        f"The video has been viewed more than {rng.randint(2, 40)} million times.",
    ]
    rng.shuffle(out)
    return out


def _title(w: World, p: int, facts: dict[str, list], rng: random.Random) -> str:
    me = w.people[p]
    his = me.word("Her", "His")
    options = [f"Inside {me.name}'s Busy Year", f"{me.name} Opens Up About Fame and Family"]
    if facts.get("dating"):
        other = w.people[facts["dating"][0][0]]
        options.append(f"{me.name} and {other.name} Spark Romance Rumors")
    if any(e for _, _, e in facts.get("marriages", [])):
        options.append(f"{me.name} Finalizes Divorce: What We Know")
    if facts.get("kids"):
        options.append(f"{me.name} Celebrates {his} Family at the {rng.choice(EVENTS)}")
    return rng.choice(options)


def _article(w: World, index: dict, p: int, i: int, seed: int) -> dict[str, str]:
    rng = random.Random(f"article:{seed}:{i}")
    facts = index.get(p, {})
    pending = _relation_sentences(w, p, facts, rng)
    fillers = _fillers(w, p, rng)
    target = rng.randint(150, 400)
    sentences: list[str] = []
    words = 0
    while (words < target and fillers) or pending:
        if pending and (rng.random() < 0.5 or words >= target or not fillers):
            sentence = pending.pop(0)
        else:
            sentence = fillers.pop()
        sentences.append(sentence)
        words += len(sentence.split())
    cuts = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randint(2, 4))))
    paragraphs = [sentences[a:b] for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True)]
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    return {
        "id": f"syn-{i:06d}",
        "title": _title(w, p, facts, rng),
        "url": f"https://gossip.example/{seed}/{i:06d}",
        "published": f"2025-{MONTHS.index(month) + 1:02d}-{day:02d}",
        "text": "\n\n".join(" ".join(par) for par in paragraphs),
    }


def _update(row: dict[str, str], i: int) -> dict[str, str]:
    """The article with an update paragraph appended (an edit for incremental builds)."""
    day = DAYS[i % len(DAYS)]
    text = (
        row["text"].rstrip() + f"\n\nUpdate, {day}: this story has been updated with new details."
    )
    return {**row, "text": text}


def dev_rows(path: Path = DEV) -> list[dict[str, str]]:
    """The dev set's texts as corpus rows (id and text only)."""
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [{"id": f"dev-{r['id']}", "text": r["text"]} for r in rows]


def edit_ids(n: int, fraction: float = 0.01, seed: int = 7) -> set[str]:
    """The ids of ``fraction`` of an ``n``-article corpus (at least one), chosen by ``seed``."""
    ids = [row["id"] for row in articles(n, seed=seed, text=False)]
    rng = random.Random(f"edits:{seed}:{n}")
    return set(rng.sample(ids, max(1, round(n * fraction))))


def articles(
    n: int,
    seed: int = 7,
    dev: Path | None = DEV,
    edited: Collection[str] = (),
    *,
    text: bool = True,
) -> Iterator[dict[str, str]]:
    """``n`` corpus rows (``id, title, url, published, text``); see the module docstring.

    With ``text=False`` only the ids are yielded (cheap).
    """
    dev_list = dev_rows(dev) if dev is not None else []
    n_dev = min(len(dev_list), n // DEV_SHARE)
    every = n / n_dev if n_dev else 0.0
    dev_at = {int(k * every + every / 2): k for k in range(n_dev)}
    w = world(max(2, n // 8), seed) if text else World()
    index = w.index()
    focus_rng = random.Random(f"focus:{seed}:{n}")
    related = sorted(p for p, kinds in index.items() if len(kinds) >= 2)
    synthetic = 0
    for i in range(n):
        if i in dev_at:
            row = dev_list[dev_at[i]]
        elif not text:
            row = {"id": f"syn-{synthetic:06d}"}
            synthetic += 1
        else:
            row = _article(w, index, focus_rng.choice(related), synthetic, seed)
            synthetic += 1
        if row["id"] in edited:
            row = _update(row, i)
        yield row


def write_jsonl(path: Path, rows: Iterator[dict[str, str]]) -> tuple[int, int]:
    """Write rows as JSONL; returns (articles, words split on spaces)."""
    count = words = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
            words += len(row["text"].split())
    return count, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-dev", action="store_true", help="synthetic articles only")
    args = ap.parse_args(argv)
    for row in articles(args.n, args.seed, None if args.no_dev else DEV):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
