"""Closed word classes the extractor needs besides the ontology's triggers.

Relation trigger words come from the ontology (``kg.ontology``); this module
holds the English grammar around them: pronouns, gender of kinship words,
honorifics, hedges, negations, and names that are never people.

Examples:
    >>> gender_of_word("daughter"), gender_of_word("husband"), gender_of_word("sibling")
    ('f', 'm', None)
"""

from __future__ import annotations

__all__ = [
    "ROLE_NOUNS",
    "TITLES",
    "NON_RELATION_VERBS",
    "PRONOUN_GENDER",
    "HONORIFICS",
    "EVENT_NOUNS",
    "HEDGE_WORDS",
    "HEDGE_LEMMAS",
    "NEGATION_LEMMAS",
    "NEGATION_PHRASAL",
    "FIGURATIVE_KIN",
    "FRIENDS_ONLY",
    "MEDIA_OUTLETS",
    "NAME_SUFFIXES",
    "gender_of_word",
]

# Third-person pronouns and the gender they carry ("p" = plural or unknown).
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}  # fmt: skip

_FEMALE = (
    "mother mom mum mommy mama momager daughter wife wifey sister sis girlfriend fiancée fiancee "
    "grandmother grandma granny nana grandmom granddaughter aunt niece widow stepmother stepmom "
    "stepdaughter stepsister half-sister mother-in-law sister-in-law daughter-in-law ex-wife "
    "ex-girlfriend ex-fiancée ex-fiancee queen princess lady actress duchess countess empress bride"
)
_MALE = (
    "father dad daddy papa son husband hubby brother bro boyfriend fiancé fiance grandfather "
    "grandpa grandad granddad grandson uncle nephew widower stepfather stepdad stepson stepbrother "
    "half-brother father-in-law brother-in-law son-in-law ex-husband ex-boyfriend ex-fiancé "
    "ex-fiance king prince lord actor duke count emperor groom"
)
_GENDER = {**{w: "f" for w in _FEMALE.split()}, **{w: "m" for w in _MALE.split()}}

HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "dame": "f",
    "queen": "f", "princess": "f",
    "dr": None, "dr.": None, "rev": None, "rev.": None, "prof": None, "prof.": None,
    # forms of address and offices written before a name ("Chief Obafemi Awolowo")
    "mister": "m", "madame": "f", "mme": "f", "mme.": "f", "herr": "m", "frau": "f",
    "sheikh": "m", "shaikh": "m", "sheikha": "f", "alhaji": "m", "alhaja": "f", "hajiya": "f",
    "maharaja": "m", "maharani": "f", "begum": "f",  # not Emir, Raja, Rani, Sultan: first names too
    "chief": None, "rabbi": None, "imam": "m", "pastor": None, "reverend": None,
    "bishop": None, "archbishop": None, "cardinal": "m", "senator": None, "sen.": None,
    "governor": None, "gov.": None, "president": None, "judge": None,
    "general": None, "gen.": None, "colonel": None, "col.": None, "captain": None,
    "capt.": None, "lieutenant": None, "lt.": None, "sergeant": None, "sgt.": None,
    "admiral": None, "commander": None, "professor": None, "doctor": None,
    "emperor": "m", "empress": "f", "tsar": "m", "czar": "m", "tsarina": "f",
    "archduke": "m", "archduchess": "f", "grand": None, "crown": None,  # "Crown Prince Yin"
    "comte": "m", "comtesse": "f", "vicomte": "m", "graf": "m", "gräfin": "f", "freiherr": "m",
    "hon": None, "hon.": None, "honourable": None, "honorable": None,
}  # fmt: skip
# Before a list of names: "Princesses Margaretha, Birgitta and Christina".
PLURAL_TITLES = {
    "princes": "m", "princesses": "f", "kings": "m", "queens": "f", "archdukes": "m",
    "archduchesses": "f",
}  # fmt: skip
HONORIFICS |= PLURAL_TITLES

NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

# Occupations and roles written before a name ("Rapper Kingsley Adeyemi" at the
# start of a sentence): never part of the name; "the singer" refers to a person.
ROLE_NOUNS = set(
    [
        "actor",
        "actress",
        "singer",
        "rapper",
        "songwriter",
        "musician",
        "drummer",
        "guitarist",
        "dancer",
        "model",
        "supermodel",
        "designer",
        "stylist",
        "chef",
        "director",
        "producer",
        "filmmaker",
        "writer",
        "author",
        "novelist",
        "poet",
        "comedian",
        "host",
        "presenter",
        "anchor",
        "journalist",
        "reporter",
        "star",
        "winner",
        "nominee",
        "laureate",
        "veteran",
        "icon",
        "legend",
        "superstar",
        "icon",
        "legend",
        "athlete",
        "boxer",
        "footballer",
        "quarterback",
        "player",
        "coach",
        "swimmer",
        "skier",
        "gymnast",
        "golfer",
        "wrestler",
        "influencer",
        "youtuber",
        "entrepreneur",
        "businessman",
        "businesswoman",
        "billionaire",
        "mogul",
        "heiress",
        "socialite",
        "newcomer",
        "rookie",
        "veteran",
        "politician",
        "senator",
        "governor",
        "president",
        "architect",
        "artist",
        "painter",
        "photographer",
        "hotelier",
        "restaurateur",
        "investor",
        "executive",
        "ceo",
        "founder",
        "reality",
        "tv",
        "coroner",
        "deputy",
        "judge",
        "sheriff",
        "mayor",
        "bishop",
        "pastor",
        "reverend",
        "captain",
        "general",
        "colonel",
        "sergeant",
        "officer",
        "commissioner",
        "attorney",
        "lawyer",
        "doctor",
        "nurse",
        "professor",
        "dean",
        "trainer",
        "manager",
        "agent",
        "hitmaker",
        "rocker",
        "crooner",
        "songstress",
        "diva",
        "heartthrob",
        "frontman",
        "frontwoman",
        "bandmate",
        "co-star",
        "costar",
        "starlet",
        "bride",
        "groom",
    ]
)

# Nobility and office titles: a title alone is not a name ("the first Baron's father").
TITLES = set(
    [
        "baron",
        "baroness",
        "duke",
        "duchess",
        "earl",
        "count",
        "countess",
        "viscount",
        "viscountess",
        "marquess",
        "marquis",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "lord",
        "lady",
        "sir",
        "dame",
        "pope",
        "saint",
        "st",
        "tsar",
        "czar",
        "sultan",
        "consort",
        "regent",
        "archduke",
        "archduchess",
    ]
)

# Nouns that name a relation between two people rather than a person
# ("her divorce with X", "their marriage").
EVENT_NOUNS = {
    "marriage", "wedding", "divorce", "engagement", "relationship", "romance", "fling",
    "split", "breakup", "separation", "union", "courtship", "friendship", "vow", "vows",
}  # fmt: skip

# Modifiers that make a relation noun non-romantic: "a business relationship".
NON_ROMANTIC_MODIFIERS = {
    "business", "working", "work", "professional", "creative", "musical", "artistic",
    "diplomatic", "trade", "commercial", "political", "strategic", "financial", "legal",
}  # fmt: skip

# Words that make a statement hearsay rather than fact.
HEDGE_WORDS = {
    "reportedly", "allegedly", "supposedly", "apparently", "rumored", "rumoured", "reported",
    "alleged", "speculation", "speculated", "rumor", "rumors", "rumour", "rumours",
    "insider", "insiders", "source", "sources", "gossip", "purportedly", "seemingly",
}  # fmt: skip
HEDGE_LEMMAS = {"rumor", "rumour", "speculate", "allege", "claim", "report", "suggest", "believe"}

# Verbs formed from a relation noun that mean something else ("partnering with a brand").
NON_RELATION_VERBS = {"partner", "friend"}

# Verbs that deny the clause they govern ("denied dating X").
NEGATION_LEMMAS = {"deny", "dismiss", "refute", "debunk", "quash"}
NEGATION_PHRASAL = {"shoot", "shut"}  # with "down": "shot down rumors that ..."
FRIENDS_ONLY = {"just friends", "only friends", "simply friends", "merely friends"}

# Kinship said as a figure of speech: "my brother in every way but blood".
FIGURATIVE_KIN = {"but blood", "another mother", "another mister", "all but name"}

# Outlets and agencies quoted in gossip that NER takes for people.
MEDIA_OUTLETS = {
    "people", "tmz", "page six", "us weekly", "e! news", "e!", "entertainment tonight", "et",
    "access hollywood", "the sun", "daily mail", "radar online", "in touch", "ok!", "hello!",
    "variety", "vogue", "elle", "instagram", "twitter", "tiktok", "youtube", "facebook", "getty",
    "getty images", "shutterstock", "ap", "reuters", "bravo", "netflix", "hbo", "cnn", "bbc",
    "billboard", "grammy", "grammys", "emmy", "emmys", "bafta", "baftas", "golden globe",
    "golden globes", "mtv", "vmas",  # awards and charts are not people either
}  # fmt: skip

# Words that make a name a sports club wherever they stand: "FC Vestby", "Hansa Kirchberg".
CLUB_WORDS = {
    "fc", "afc", "cf", "sc", "sv", "vv", "fk", "sk", "bk", "if", "ac", "club", "clube",
    "atlético", "atletico", "sporting", "grêmio", "gremio", "hansa", "sparta", "dynamo",
    "dinamo", "olympique", "rovers", "wanderers", "hotspur", "albion", "athletic",
}  # fmt: skip

# Nouns for things with titles: a name appositive to one, right after one or "called"
# by one is the thing's title ("the Netflix drama Finding Frankie", "their channel,
# Prescott Pranks", "the collection, called Mamma Mia Kitchen").
WORK_NOUNS = {
    "film", "movie", "show", "series", "drama", "sitcom", "comedy", "thriller", "documentary",
    "album", "song", "single", "track", "book", "novel", "memoir", "play", "musical", "opera",
    "collection", "line", "label", "brand", "company", "channel", "podcast", "band", "group",
    "magazine", "restaurant", "franchise", "studio", "foundation", "fund", "charity", "program",
    "programme", "episode", "game", "app", "tour", "perfume", "fragrance", "boutique",
}  # fmt: skip

# The last word of a building, place or firm named after someone: "the Rashid Mosque".
PLACE_HEADS = {
    "mosque",
    "cathedral",
    "chapel",
    "shrine",
    "castle",
    "palace",
    "school",
    "college",
    "university",
    "academy",
    "institute",
    "hospital",
    "clinic",
    "stadium",
    "arena",
    "airport",
    "station",
    "road",
    "avenue",
    "boulevard",
    "museum",
    "gallery",
    "theatre",
    "theater",
    "domain",
    "county",
    "district",
    "province",
    "island",
    "hardware",
    "motors",
    "records",
    "studios",
    "foundation",
    "prize",
    "award",
    "trophy",
    "library",
    "centre",
    "center",
    "building",
    "hotel",
    "inc",
    "ltd",
    "llc",
}  # fmt: skip (not surnames such as Park, Hall, Church, Temple, House, Lake, Street)

# A capitalised plural kinship noun after a name makes a band or firm: "The Delaney Sisters".
GROUP_NAME_NOUNS = {"brothers", "sisters", "boys", "girls", "sons", "daughters", "family"}


def gender_of_word(word: str) -> str | None:
    """The gender a kinship or role word implies: 'f', 'm' or None."""
    return _GENDER.get(word.lower())
