"""The names model: is a capitalised word the lexicon lacks a name or a typo?

A capitalised unknown word is usually a name (Cazeneuve, Eurotunnel, Novartis). It is flagged
only when the evidence for a typo outweighs that prior. The evidence is scored as log-odds:
each feature below adds its weight, and a word is flagged when the sum reaches ``THRESHOLD``.

The weights were fitted by logistic regression on one question: among capitalised words that
occur once in a document and that no dictionary knows, which are typos? They are few, generic
and rounded; nothing in them names a particular word. docs/spelling.md has the measurements.
"""

from __future__ import annotations

from typing import Final

# Ordinary words that make up the names of institutions, offices, titles and events. A
# capitalised word one letter from one of these, in a run of capitalised words, is far more
# often "Home Secretaray" than a surname. Written for copydesk from general knowledge.
INSTITUTION_WORDS: Final = frozenset(
    [
        "ministry",
        "department",
        "office",
        "offices",
        "service",
        "services",
        "council",
        "committee",
        "commission",
        "court",
        "bank",
        "party",
        "union",
        "association",
        "federation",
        "league",
        "cup",
        "championship",
        "championships",
        "trophy",
        "open",
        "games",
        "prize",
        "award",
        "awards",
        "festival",
        "museum",
        "gallery",
        "theatre",
        "theater",
        "university",
        "college",
        "school",
        "academy",
        "institute",
        "foundation",
        "trust",
        "society",
        "agency",
        "authority",
        "board",
        "fund",
        "group",
        "company",
        "corporation",
        "exchange",
        "market",
        "street",
        "road",
        "square",
        "park",
        "bridge",
        "palace",
        "house",
        "hall",
        "tower",
        "airport",
        "station",
        "hospital",
        "church",
        "cathedral",
        "army",
        "navy",
        "force",
        "police",
        "guard",
        "secretary",
        "minister",
        "chancellor",
        "president",
        "prime",
        "home",
        "foreign",
        "defence",
        "treasury",
        "labour",
        "conservative",
        "conservatives",
        "liberal",
        "democrat",
        "democrats",
        "democratic",
        "green",
        "national",
        "international",
        "european",
        "british",
        "american",
        "united",
        "states",
        "kingdom",
        "republic",
        "federal",
        "royal",
        "crown",
        "supreme",
        "high",
        "general",
        "assembly",
        "parliament",
        "senate",
        "congress",
        "commons",
        "lords",
        "cabinet",
        "government",
        "news",
        "times",
        "post",
        "herald",
        "daily",
        "weekly",
        "magazine",
        "journal",
        "review",
        "report",
        "business",
        "trade",
        "sport",
        "sports",
        "world",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "new",
        "old",
        "great",
        "central",
        "city",
        "county",
        "district",
        "region",
        "island",
        "islands",
        "river",
        "lake",
        "mount",
        "valley",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "christmas",
        "easter",
        "christian",
        "catholic",
        "muslim",
        "jewish",
        "english",
        "scottish",
        "welsh",
        "irish",
        "french",
        "german",
        "italian",
        "spanish",
        "chinese",
        "japanese",
        "russian",
        "indian",
        "african",
        "australian",
        "club",
        "stadium",
        "centre",
        "center",
        "orchestra",
        "band",
        "records",
        "music",
        "film",
        "films",
        "pictures",
        "studios",
        "entertainment",
        "television",
        "radio",
        "channel",
        "network",
        "online",
        "digital",
        "media",
        "press",
        "bureau",
        "commissioner",
        "inspector",
        "chief",
        "executive",
        "director",
        "governor",
        "mayor",
        "judge",
        "justice",
        "attorney",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "princess",
        "duke",
        "duchess",
        "sir",
        "dame",
        "saint",
        "state",
        "borough",
        "capital",
        "global",
        "financial",
        "finance",
        "economic",
        "social",
        "security",
        "health",
        "education",
        "transport",
        "energy",
        "environment",
        "agriculture",
        "culture",
        "science",
        "technology",
        "research",
        "development",
        "industry",
        "industries",
        "motor",
        "motors",
        "airways",
        "airlines",
        "railway",
        "railways",
        "oil",
        "gas",
        "power",
        "water",
        "insurance",
        "investment",
        "investments",
        "holdings",
        "partners",
        "securities",
    ]
)

# Titles that announce a name: the word after one is usually a name, however odd it looks.
TITLES: Final = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Prof",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Rev",
        "Sgt",
        "Capt",
        "Gen",
        "Col",
        "Judge",
        "Mme",
        "Mlle",
        "Herr",
        "Frau",
        "Senor",
        "Signor",
        "St",
        "President",
        "Chancellor",
        "Minister",
        "Governor",
    ]
)

# A capitalised word on the list of common misspellings ("Tehy") needs far less evidence.
LISTED_MISSPELLING: Final = 4.0
# A spelling is a variant of a name only if the document uses the other form this often.
VARIANT_MAJORITY: Final = 2

BIAS: Final = -2.87
THRESHOLD: Final = 1.25

# Frequency rank of the best correction: below 300, 1,000, 3,000, 10,000, 30,000, or rarer.
RANK_LIMITS: Final = (300, 1_000, 3_000, 10_000, 30_000)
RANK: Final = (2.22, 2.29, 1.87, 1.27, 0.31, -1.33)
NO_CANDIDATE: Final = -1.09

# How the typo would have been made from the correction (see suggest.edit_shape).
SHAPE: Final = {
    "swap": 2.62,
    "drop-vowel": 2.28,
    "double": 1.94,
    "undouble": 1.64,
    "key": 1.18,
    "key-insert": 1.18,
    "drop": 0.47,
    "insert": -0.48,
    "substitute": -0.77,
    "vowel": -0.99,
}
CORRECTION_IN_DOCUMENT: Final = 2.75
CORRECTION_IS_INSTITUTION_WORD: Final = 2.44
FIRST_LETTER_CHANGED: Final = -0.58
# One, two or three, or more dictionary words one edit away.
N_CANDIDATES: Final = (1.69, 0.52, 0.31)

SENTENCE_START: Final = 1.29
MID_SENTENCE: Final = -0.04

# The word before (mid-sentence) and after: what kind of word it is.
PREVIOUS: Final = {
    "none": -0.03,
    "lower": 0.28,
    "common": -0.19,
    "institution": 1.65,
    "proper": -1.38,
    "unknown": -1.12,
    "acronym": -0.77,
    "title": -0.86,
}
PREVIOUS_AT_SENTENCE_START: Final = {"none": 1.35, "lower": -0.22}
# Particular words before: an article suggests an institution, a conjunction a person.
PREVIOUS_WORD: Final = {
    **dict.fromkeys(("the", "a", "an"), 0.40),
    **dict.fromkeys(("of", "in", "at", "for", "from", "to", "by", "on"), 0.15),
    **dict.fromkeys(("and", "or", "but", "said", "says", "told"), -0.47),
    "with": -0.32,
}
NEXT: Final = {
    "none": -0.29,
    "lower": 0.56,
    "common": 0.93,
    "institution": 1.46,
    "proper": -0.70,
    "unknown": -1.64,
    "acronym": -0.52,
}

NAME_LISTED: Final = -2.93
IMPOSSIBLE_LETTERS: Final = 2.27
# Length: up to 4 letters, 5 to 7, 8 or more.
LENGTH: Final = (-0.99, 0.26, 0.24)


def rank_weight(rank: int) -> float:
    for limit, weight in zip(RANK_LIMITS, RANK, strict=False):
        if rank < limit:
            return weight
    return RANK[-1]


def length_weight(word: str) -> float:
    n = len(word)
    return LENGTH[0] if n <= 4 else LENGTH[1] if n <= 7 else LENGTH[2]


def candidates_weight(n: int) -> float:
    return N_CANDIDATES[0] if n == 1 else N_CANDIDATES[1] if n <= 3 else N_CANDIDATES[2]


# Fixed titles and institutions of news copy, written for copydesk. A real word one letter
# from a phrase's second word, after its first word ("Prime Minster", "Home Secretory"), is a
# slip no dictionary catches; an unknown word there ("Home Secretaray") is all but certain.
PHRASES: Final = frozenset(
    tuple(p.split("_"))
    for p in [
        "prime_minister",
        "deputy_minister",
        "home_secretary",
        "home_office",
        "foreign_secretary",
        "foreign_office",
        "foreign_minister",
        "defence_secretary",
        "defence_minister",
        "health_secretary",
        "health_minister",
        "education_secretary",
        "culture_secretary",
        "transport_secretary",
        "trade_secretary",
        "treasury_secretary",
        "shadow_chancellor",
        "shadow_secretary",
        "attorney_general",
        "secretary_general",
        "general_secretary",
        "lord_chancellor",
        "lord_justice",
        "chief_executive",
        "chief_constable",
        "labour_party",
        "conservative_party",
        "liberal_democrats",
        "lib_dems",
        "green_party",
        "white_house",
        "downing_street",
        "wall_street",
        "stock_exchange",
        "federal_reserve",
        "central_bank",
        "european_union",
        "european_commission",
        "european_parliament",
        "united_nations",
        "united_states",
        "united_kingdom",
        "security_council",
        "supreme_court",
        "high_court",
        "crown_court",
        "appeal_court",
        "world_cup",
        "world_service",
        "premier_league",
        "champions_league",
        "six_nations",
        "grand_slam",
        "house_of",
        "commons_committee",
        "select_committee",
        "northern_ireland",
        "middle_east",
        "new_york",
        "new_zealand",
        "south_africa",
        "hong_kong",
    ]
)
PHRASE_HEADS: Final = frozenset(head for head, _ in PHRASES)
PHRASE_CORRECTION: Final = 3.0
