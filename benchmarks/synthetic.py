"""A synthetic celebrity graph, shaped like the store's output, for page and query benchmarks.

``synthetic(n)`` returns ``(people, relations)`` exactly as ``Store.people()`` and
``Store.relations()`` hand them out, so ``kg.graph.to_networkx`` takes them as is.

The shape imitates what articles produce: families (two parents, one to four
children, siblings), marriages that join families (children of earlier families
become parents in later ones, which makes one large connected component), some
divorces (``former``), friendships across the graph, hedged rumours and denied
(negated) romances, and 1-2 evidence sentences per relation from a pool of
articles (about one article per five people). Seeded: the same ``n`` and
``seed`` always give the same graph.

    python benchmarks/synthetic.py 1000 > people.json   # a quick look
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

FIRST = (  # noqa: SIM905 - a word list reads better as text
    "Ana Beyoncé Carmen Dmitri Élodie Farah Günter Hana Iker Jules Kai Léa Mateo Nadia "
    "Omar Paloma Quinn Renée Sasha Tomás Uma Víctor Wen Ximena Yusuf Zoë Amara Bruno "
    "Chloé Dario Esme Felix Greta Hugo Ines Jasper Kira Lamar Maya Nico Odette Pietro "
    "Rosa Soren Talia"
).split()
LAST = (  # noqa: SIM905 - a word list reads better as text
    "Álvarez Bianchi Calloway Dubois Eriksen Fairbanks García Haddad Ito Jensen Kowalski "
    "Lindqvist Marchetti Novak Okoye Park Quinlan Reyes Schmidt Tanaka Ueda Varga Weber "
    "Xu Yilmaz Zeller Abara Brandt Castillo Duval Ekström Fontaine Grünewald Holm Iqbal "
    "Jovanović Kardashian Lambert Moreau Nakamura Odom Petrov Rossi Sørensen Takahashi "
    "Ulloa Vidal Wójcik"
).split()


def synthetic(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``n`` people and their relations; see the module docstring."""
    rng = random.Random(seed)
    people: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    articles = [
        (f"a{i:05d}", f"Star news #{i}: who is dating whom", f"https://news.example/{i}")
        for i in range(max(1, n // 5))
    ]

    def new_person(last: str | None = None) -> str:
        i = len(people)
        first = FIRST[rng.randrange(len(FIRST))]
        last = last or LAST[rng.randrange(len(LAST))]
        iri = f"https://celebrity-kg.org/person/p{i:06d}"
        people.append({"iri": iri, "name": f"{first} {last}", "type": "Person", "aliases": [first]})
        return iri

    def relate(s: str, rel: str, o: str, **flags: bool) -> None:
        evidence = []
        for _ in range(1 + (rng.random() < 0.3)):
            aid, title, url = articles[rng.randrange(len(articles))]
            sentence = f"According to insiders, the {rel} story of #{s[-6:]} and #{o[-6:]} is true."
            evidence.append({
                "sentence": sentence, "article_id": aid, "title": title, "url": url,
                "start": 0, "end": len(sentence), "rule": "synthetic.v1", "confidence": 0.9,
            })  # fmt: skip
        fact = not (flags.get("hedged") or flags.get("negated"))
        relations.append({
            "subject": s, "relation": rel, "object": o, "fact": fact,
            "former": flags.get("former", False), "hedged": flags.get("hedged", False),
            "negated": flags.get("negated", False), "evidence": evidence,
        })  # fmt: skip

    unmarried: list[str] = []  # grown children who may found the next families
    while len(people) < n:
        if unmarried and rng.random() < 0.6:
            parent_a = unmarried.pop(rng.randrange(len(unmarried)))
        else:
            parent_a = new_person()
        if len(people) >= n:
            break
        parent_b = new_person()
        relate(parent_a, "spouseOf", parent_b, former=rng.random() < 0.15)
        last = people[-1]["name"].split()[-1]
        kids = []
        for _ in range(rng.randint(1, 4)):
            if len(people) >= n:
                break
            kid = new_person(last)
            relate(parent_a, rng.choice(("motherOf", "fatherOf", "parentOf")), kid)
            relate(parent_b, rng.choice(("motherOf", "fatherOf", "parentOf")), kid)
            for sibling in kids[-1:]:
                relate(sibling, "siblingOf", kid)
            kids.append(kid)
        unmarried += kids
    iris = [p["iri"] for p in people]
    for _ in range(int(0.15 * n)):  # friendships across the graph
        a, b = rng.sample(iris, 2)
        relate(a, "friendOf", b)
    for _ in range(int(0.05 * n)):  # rumours and denials
        a, b = rng.sample(iris, 2)
        relate(a, "partnerOf", b, hedged=rng.random() < 0.7, negated=rng.random() < 0.3)
    return people, relations


if __name__ == "__main__":
    people, relations = synthetic(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    json.dump({"people": people, "relations": relations}, sys.stdout, ensure_ascii=False)
