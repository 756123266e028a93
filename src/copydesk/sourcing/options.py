"""Options of the sourcing rules: defaults, validation and compiled cue patterns.

Each sourcing rule file owns distinct option keys, so the engine can hand the checker a plain
union of the ``options:`` mappings. The defaults below mirror the rule files, so the checker
also behaves sensibly when a newsroom disables one of the rules (its keys are then absent).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

from copydesk import patterncache

if TYPE_CHECKING:
    from copydesk.sourcing.lazyre import LazyPattern
    from copydesk.sourcing.prefilter import Probe, WordMatcher

__all__ = [
    "DEFAULT_OPTIONS",
    "EXCLUSION_CLASSES",
    "LINK_MODES",
    "OPTION_OWNERS",
    "SourcingOptions",
]

# How a hyperlink attributes: the whole sentence it sits in, only the figures in its text,
# or not at all.
LINK_MODES: Final = ("sentence", "text", "off")

EXCLUSION_CLASSES: Final = (
    "dates",
    "times",
    "durations",
    "ages",
    "sports",
    "ordinals",
    "names",
    "addresses",
    "list_numbering",
    "anaphoric",
    "idioms",
    "descriptors",
    "bare_numbers",
    "references",
)

# Which rule file carries each key; the loader test checks the files against this map.
OPTION_OWNERS: Final[Mapping[str, str]] = {
    "window": "unsourced-figure",
    "carryover": "unsourced-figure",
    "link_attribution": "unsourced-figure",
    "carryover_shared_words": "unsourced-figure",
    "carryover_documents": "unsourced-figure",
    "carryover_markers": "unsourced-figure",
    "carryover_breakers": "unsourced-figure",
    "exclude": "unsourced-figure",
    "reporting_verbs": "unsourced-figure",
    "active_only_verbs": "unsourced-figure",
    "attribution_phrases": "unsourced-figure",
    "speech_verbs": "unsourced-figure",
    "idioms": "unsourced-figure",
    "name_patterns": "unsourced-figure",
    "reference_patterns": "unsourced-figure",
    "sports_terms": "unsourced-figure",
    "agentless_cues": "agentless-estimate",
    "vague_subjects": "vague-attribution",
    "vague_phrases": "vague-attribution",
    "vague_without_figure": "vague-attribution",
    "vague_quantities": "vague-quantity",
}

DEFAULT_OPTIONS: Final[Mapping[str, Any]] = {
    "window": "strict",
    "carryover": True,
    "link_attribution": "sentence",
    "carryover_shared_words": 2,
    "carryover_documents": [
        "report",
        "reports",
        "survey",
        "surveys",
        "study",
        "studies",
        "poll",
        "polls",
        "figures",
        "data",
        "statistics",
        "research",
        "index",
        "census",
        "review",
        "analysis",
        "audit",
        "list",
        "ranking",
        "rankings",
        "table",
        "league table",
        "forecast",
        "forecasts",
        "findings",
        "results",
        "paper",
        "white paper",
        "document",
        "documents",
        "accounts",
        "filing",
        "projections",
        "estimates",
        "model",
        "inquiry",
        "investigation",
    ],
    "carryover_markers": ["also", "too", "as well", "further", "in addition", "likewise"],
    "carryover_breakers": [
        "this means",
        "that means",
        "in other words",
        "however",
        "but",
        "separately",
        "meanwhile",
        "elsewhere",
        "so far",
        "by contrast",
        "in contrast",
        "on the other hand",
    ],
    "exclude": dict.fromkeys(EXCLUSION_CLASSES, True),
    "reporting_verbs": [
        "urged",
        "urges",
        "urge",
        "complained",
        "complains",
        "complain",
        "points to",
        "pointed to",
        "estimating",
        "predicting",
        "forecasting",
        "projects",
        "conceded",
        "concedes",
        "acknowledged",
        "acknowledges",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "maintained",
        "maintains",
        "contended",
        "contends",
        "asserted",
        "asserts",
        "highlighted",
        "highlights",
        "boasted",
        "boasts",
        "denied",
        "denies",
        "indicated",
        "indicates",
        "signalled",
        "signaled",
        "calculated",
        "quoted",
        "testified",
        "recorded",
        "records",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "telling",
        "added",
        "adds",
        "announced",
        "announces",
        "revealed",
        "reveals",
        "claimed",
        "claims",
        "warned",
        "warns",
        "alleged",
        "alleges",
        "insisted",
        "insists",
        "admitted",
        "admits",
        "confirmed",
        "confirms",
        "promised",
        "reckons",
        "reckoned",
        "believes",
        "thinks",
        "fears",
        "feared",
        "hopes",
        "hoped",
        "expects",
        "estimates",
        "predicts",
        "forecasts",
        "calculated",
        "calculates",
        "stated",
        "disclosed",
        "discloses",
        "showed",
        "shows",
        "show",
        "suggest",
        "suggests",
        "suggested",
        "found",
        "finds",
        "pointed out",
        "points out",
        "noted",
        "argued",
        "argues",
        "explained",
        "wrote",
        "writes",
        "cited",
        "cites",
        "posted",
        "calls for",
        "called for",
        "put",
        "puts",
        "valued",
        "values",
        "explains",
        "notes",
        "warn",
        "estimate",
        "predict",
        "expect",
        "believe",
        "reckon",
        "fear",
        "claim",
        "insist",
        "argue",
        "calculate",
        "think",
        "foresees",
        "foresee",
        "foresaw",
    ],
    "active_only_verbs": [
        "expected",
        "estimated",
        "predicted",
        "forecast",
        "reported",
        "believed",
        "thought",
        "projected",
    ],
    "attribution_phrases": [
        "figures showing",
        "data showing",
        "statistics showing",
        "figures released",
        "data released",
        "released by",
        "issued by",
        "published on",
        "in its annual report",
        "in their annual report",
        "in its latest report",
        "in its results",
        "in a filing",
        "in a regulatory filing",
        "in an interview with",
        "in a speech",
        "in evidence to",
        "told reporters",
        "in a note to clients",
        "in a research note",
        "in its forecast",
        "in its survey",
        "according to",
        "figures from",
        "figures released by",
        "figures published by",
        "data from",
        "data released by",
        "a report by",
        "a report from",
        "a study by",
        "a survey by",
        "a survey for",
        "a poll by",
        "a poll for",
        "research by",
        "an analysis by",
        "in a statement",
        "in its statement",
        "in a report",
        "in its report",
        "in a letter",
        "in an interview",
        "estimated by",
        "forecast by",
        "predicted by",
        "calculated by",
        "compiled by",
        "published by",
        "commissioned by",
        "conducted by",
        "carried out by",
        "quoted by",
    ],
    "speech_verbs": [
        "asked",
        "replied",
        "continued",
        "recalled",
        "commented",
        "remarked",
        "joked",
        "declared",
        "urged",
        "explained",
    ],
    "idioms": [
        r"two sides to every story",
        r"a million miles",
        r"one or two",
        r"a thousand times",
        r"at sixes and sevens",
        r"in two minds",
        r"nine times out of ten",
        r"(?:a )?hundred and ten per ?cent",
        r"110 ?(?:%|per ?cent)",
        r"two left feet",
        r"put two and two together",
        r"six of one",
        r"a million dollar question",
        r"the million-dollar question",
        r"two-horse race",
        r"one-horse town",
        r"two's company",
        r"(?:a )?hundred per ?cent (?:sure|certain|committed|fit|behind)",
        r"100 ?(?:%|per ?cent) (?:sure|certain|committed|fit|behind)",
    ],
    "name_patterns": [
        r"\b(?:Formula|Windows|Channel|Radio|Apollo|Catch|Xbox|PlayStation|Route|Interstate)"
        r"[ -]\d+",
        r"\bTop (?:\d+|Ten|Twenty|Forty|Hundred)\b",
        r"\b(?:Big|Group of|G-?) ?(?:Three|Four|Five|Six|Seven|Eight|\d+)\b"
        r"(?= (?:nations|countries|leaders|summit|group|club|clubs))",
    ],
    "reference_patterns": [
        r"(?<!\d)\d+\.\d+\.\d+(?:\.\d+)*(?:[-+][\w.]+)?",
        r"(?i:\b(?:version|release|ver\.|rev\.|revision|build))\s+\d+(?:\.\d+)*\b",
        r"\b(?:React Native|Python|Java|Node(?:\.js)?|Ruby|PHP|Perl|Rust|Swift|Kotlin|Scala|TypeScript|Django|Rails|React|Angular|Vue|Ubuntu|Debian|Fedora|RHEL|CentOS|macOS|OS X|iOS|iPadOS|Android|Firefox|Chrome|Safari|Linux|Unicode|HTML|CSS|ECMAScript|HTTP|TLS|SSL|IPv|OpenGL|DirectX|Bluetooth|USB|Jekyll|Hugo|Sphinx|MkDocs|Docusaurus|Gatsby|PostgreSQL|MySQL|SQLite|Redis|Kubernetes|Docker|Xcode|WordPress|Drupal|Pandoc|LaTeX|TeX|Qt|GTK|GNOME|KDE|Electron|Deno|Dart|Flutter|Elixir|Erlang|Haskell|Lua|Julia|MATLAB|Fortran|Unreal Engine)\s?\d+(?:\.\d+)*(?:\s(?:and|or|to)\s\d+(?:\.\d+)+)?\b",
        r"#\d+\b",
        r"(?:GH|PR)[ -](?<![A-Za-z]...)#?\d+\b",
        r"(?i:\b(?:issues?|pull requests?|merge requests?|bugs?|tickets?|commits?|rfc|pep|jsr))\s#?\d+\b",
        r"CVE-\d{4}-\d+\b",
        r"\[\^[^\]\s]+\]",
        r"\[\d{1,3}\]",
        r"\b(?:CC0|CC[- ]BY(?:[- ](?:SA|NC|ND))*|L?GPL|AGPL|GFDL|Apache(?: License)?|Artistic License|Attribution(?:[- ](?:ShareAlike|NonCommercial|NoDerivatives|NoDerivs))*|Creative Commons(?: [A-Z][\w-]*)*)(?:-|\s|\s?v|,?\s[Vv]ersion\s)\d+(?:\.\d+)*(?:-(?:only|or-later))?\b",
        r"\b(?:MPL|EPL|EUPL|CDDL|OFL)-\d+(?:\.\d+)*\b",
        r"BSD-\d-Clause\b|\b\d-[Cc]lause BSD\b",
        r"&#[xX]?[0-9A-Fa-f]+;?",
        r"\d(?<![\w.-]\d)[\w.-]*\.(?:md|txt|rst|html?|css|js|ts|json|ya?ml|toml|py|rb|go|rs|java|c|h|cpp|sh|sql|csv|xml|pdf|docx?|xlsx?|png|jpe?g|gif|svg|zip|gz|tar)\b",
        r"\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\b",
        r"0(?<![\w.,]0)\d{1,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}\b",
        r"\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}\b",
        r"\d(?<![\w.,]\d)\d{2}[.-]\d{3}[.-]\d{4}\b",
        r"[A-Z](?<![\w][A-Z])[A-Z]?\d[A-Z\d]?\s\d[A-Z]{2}\b",
        r"[A-Z](?<![\w][A-Z])[A-Z]\s\d{5}(?:-\d{4})?\b",
        r"(?i:\b(?:post ?code|zip(?: code)?|postal code)\b):?\s+[A-Z\d]{3,}(?:[\s-][A-Z\d]{3,})?",
        r"§\s*§?\s*\d+(?:\.\d+)*(?:\(\w+\))*",
        r"(?i:\b(?:section|sec\.|chapter|ch\.|clause|article|paragraph|para\.|appendix|fig\.?|figure|table|listing|exercise))\s+\d+(?:\.\d+)*(?:[-–]\d+(?:\.\d+)*)?\b",
        r"(?i:\b(?:numerals?|figures|digits|numbers?|spell(?:ed|ing)?\s+out|written\s+out)\b[^.;:!?]{0,30}?\b(?:for|from|above|below|under|over|up to|less than|greater than|higher than|lower than|between|than)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a hundred|a million)(?:\s+(?:and|or|to|through)\s+(?:\d+|above|over|under|below|greater|higher|up|more|less))?)",
        r"(?i:\bthe\s+(?:number|numeral|figure|digit)s?\s+)\d+(?:\s*(?:and|or)\s*\d+)?",
    ],
    "sports_terms": [
        "title",
        "titles",
        "hurdle",
        "sprint",
        "hurdles",
        "sprinter",
        "relay",
        "heats",
        "heat",
        "jump",
        "jumps",
        "jumped",
        "leap",
        "vault",
        "throw",
        "throws",
        "personal best",
        "season's best",
        "world record",
        "athlete",
        "athletics",
        "indoors",
        "indoor",
        "outdoor",
        "championships",
        "freestyle",
        "breaststroke",
        "butterfly",
        "backstroke",
        "medley",
        "marathon",
        "steeplechase",
        "decathlon",
        "heptathlon",
        "pentathlon",
        "javelin",
        "discus",
        "shot put",
        "hammer",
        "triple jump",
        "long jump",
        "high jump",
        "pole vault",
        "final",
        "semi-final",
        "quarter-final",
        "seed",
        "seeded",
        "tournament",
        "champion",
        "round",
        "knockout",
        "unseeded",
        "clocked",
        "qualifying",
        "podium",
        "medal",
        "medallist",
        "olympic",
        "olympics",
        "grand prix",
        "goal",
        "goals",
        "kick",
        "kicked",
        "touchline",
        "shot",
        "drive",
        "header",
        "penalty",
        "try",
        "tries",
        "tackle",
        "half-time",
        "sin-bin",
        "pitch",
        "crossbar",
        "bar",
        "post",
        "box",
        "keeper",
        "goalkeeper",
        "striker",
        "race",
        "lap",
        "laps",
        "sprint",
        "serve",
        "set",
        "wicket",
        "innings",
        "putt",
        "hole",
        "match",
        "scored",
        "equaliser",
        "winner",
    ],
    "agentless_cues": [
        r"\ban estimated\b",
        r"\b(?:is|are|was|were|be|been|being|'s)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?"
        r"(?:expected|predicted|forecast|projected|estimated|believed|thought|understood|"
        r"reported|rumoured|rumored|known|said|tipped|feared|considered|reckoned|deemed|"
        r"calculated|valued|put|set)\b(?!\s+by\b)",
        r"\bit\s+(?:was|has been|is|had been)\s+(?:announced|revealed|disclosed|claimed|"
        r"alleged|confirmed|reported|estimated|suggested|said|understood)\b",
        r"\bit\s+(?:emerged|is understood)\b",
        r"\b(?:reportedly|allegedly|supposedly|apparently|purportedly|reputedly)\b",
        r"(?<!\bit )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\bi )"
        r"\b(?:expected|predicted|forecast|projected|estimated|tipped|set)\s+to\b",
    ],
    "vague_subjects": [
        "reports",
        "sources",
        "experts",
        "studies",
        "research",
        "observers",
        "insiders",
        "commentators",
        "people",
        "some",
        "many",
        "others",
        "several",
        "rumours",
        "estimates",
        "predictions",
        "figures",
        "data",
        "statistics",
        "surveys",
        "polls",
    ],
    "vague_phrases": [
        r"\bwidely\s+(?:reported|believed|thought|expected|predicted|tipped)\b",
        r"\baccording to (?:some|many|several|various|unnamed|recent|media|press|local|"
        r"unconfirmed|anonymous)?\s*(?:reports?|sources?|predictions?|estimates?|"
        r"experts?|accounts?|rumours?|studies|research|insiders?|observers?)\b",
        r"\b(?:delegates|the (?:conference|meeting|committee|inquiry|court|summit)) "
        r"(?:has|have|had)?\s*(?:been )?(?:told|heard)\b",
        r"\b(?:a|the) (?:conference|meeting|summit|seminar|forum) (?:was told|heard)\b",
        r"\bsome (?:say|believe|argue|claim|think|suggest|estimate|fear|predict|speculate|reckon|contend)\b",
        r"\bit is (?:said|claimed|alleged|rumoured)\b",
        r"\bsources close to\b",
    ],
    "vague_without_figure": False,
    "vague_quantities": [
        "tens of thousands",
        "tens of millions",
        "hundreds of thousands",
        "hundreds of millions",
        "hundreds of billions",
        "thousands",
        "millions",
        "billions",
        "hundreds",
        "dozens",
        "scores of",
        "tens of",
    ],
}


# The literals of each shipped reference pattern, in order: ``prefilter.regex_hints``, or
# where that finds none, a character the pattern cannot match without. Working them out
# costs a one-article run more than the scans do; a test keeps this in step.
_SHIPPED_REFERENCE_HINTS: Final[tuple[tuple[str, ...] | None, ...]] = (
    None,
    ("rev.", "ver.", "build", "release", "version", "revision"),
    (
        "qt",
        "kde",
        "php",
        "tex",
        "ssl",
        "css",
        "lua",
        "tls",
        "ipv",
        "gtk",
        "vue",
        "ios",
        "usb",
        "deno",
        "hugo",
        "ruby",
        "dart",
        "java",
        "perl",
        "os x",
        "node",
        "rust",
        "html",
        "http",
        "rhel",
        "scala",
        "julia",
        "macos",
        "mysql",
        "linux",
        "redis",
        "react",
        "rails",
        "swift",
        "gnome",
        "xcode",
        "jekyll",
        "debian",
        "centos",
        "drupal",
        "kotlin",
        "safari",
        "chrome",
        "python",
        "gatsby",
        "sqlite",
        "elixir",
        "matlab",
        "mkdocs",
        "docker",
        "ubuntu",
        "erlang",
        "fedora",
        "ipados",
        "pandoc",
        "opengl",
        "django",
        "sphinx",
        "angular",
        "directx",
        "haskell",
        "flutter",
        "android",
        "fortran",
        "unicode",
        "firefox",
        "electron",
        "wordpress",
        "bluetooth",
        "kubernetes",
        "ecmascript",
        "postgresql",
        "typescript",
        "docusaurus",
        "unreal engine",
    ),
    ("#",),
    ("pr-", "gh ", "pr ", "gh-"),
    ("rfc", "jsr", "pep", "bug", "issue", "commit", "ticket", "pull request", "merge request"),
    ("cve-",),
    ("[^",),
    ("[",),
    (
        "gpl",
        "cc0",
        "gfdl",
        "cc by",
        "cc-by",
        "apache",
        "attribution",
        "artistic license",
        "creative commons",
    ),
    ("ofl-", "mpl-", "epl-", "cddl-", "eupl-"),
    ("-clause",),
    ("&#",),
    None,
    ("+",),
    None,
    ("(",),
    None,
    None,
    None,
    ("zip", "post"),
    ("§",),
    (
        "fig",
        "ch.",
        "sec.",
        "table",
        "para.",
        "clause",
        "section",
        "article",
        "chapter",
        "listing",
        "appendix",
        "exercise",
        "paragraph",
    ),
    ("spell", "digits", "number", "figures", "written", "numeral"),
    ("digit", "number", "figure", "numeral"),
)


# For each shipped reference pattern, strings of which the shape of every match holds one
# (``TextIndex.shape``: digits as "0", capitals as "A", small letters as "a", white space as
# " "), or None. A pattern is tried only in a sentence whose shape holds one, so the version,
# telephone, postcode and file-name patterns are neither run nor compiled for the plain
# numbers of a news story. A test keeps this in step with the patterns.
_SHIPPED_REFERENCE_SHAPES: Final[tuple[tuple[str, ...] | None, ...]] = (
    ("0.0.0", "0.00.0", "0.000.0", "0.0000.0", "00000."),
    None,
    None,
    ("#0",),
    None,
    None,
    None,
    None,
    ("[0",),
    None,
    None,
    None,
    None,
    (".a",),
    ("+0",),
    ("00 000", "00.000", "00-000"),
    (") 000", ")000"),
    ("000.000", "000-000"),
    ("0 0AA", "A 0AA"),
    ("AA 00000",),
    None,
    None,
    None,
    None,
    None,
)


# For the shipped reference patterns that name something right before a number ("Python
# 3", "version 2"), the names in lower case: a pattern is tried only in a sentence where one
# of them ends right before a run of digits, white space aside. A test keeps this in step.
_SHIPPED_REFERENCE_LEADS: Final[Mapping[int, tuple[str, ...]]] = {
    1: ("version", "release", "ver.", "rev.", "revision", "build"),
    2: (
        "react native",
        "python",
        "java",
        "node",
        "node.js",
        "ruby",
        "php",
        "perl",
        "rust",
        "swift",
        "kotlin",
        "scala",
        "typescript",
        "django",
        "rails",
        "react",
        "angular",
        "vue",
        "ubuntu",
        "debian",
        "fedora",
        "rhel",
        "centos",
        "macos",
        "os x",
        "ios",
        "ipados",
        "android",
        "firefox",
        "chrome",
        "safari",
        "linux",
        "unicode",
        "html",
        "css",
        "ecmascript",
        "http",
        "tls",
        "ssl",
        "ipv",
        "opengl",
        "directx",
        "bluetooth",
        "usb",
        "jekyll",
        "hugo",
        "sphinx",
        "mkdocs",
        "docusaurus",
        "gatsby",
        "postgresql",
        "mysql",
        "sqlite",
        "redis",
        "kubernetes",
        "docker",
        "xcode",
        "wordpress",
        "drupal",
        "pandoc",
        "latex",
        "tex",
        "qt",
        "gtk",
        "gnome",
        "kde",
        "electron",
        "deno",
        "dart",
        "flutter",
        "elixir",
        "erlang",
        "haskell",
        "lua",
        "julia",
        "matlab",
        "fortran",
        "unreal engine",
    ),
}


# ``prefilter.regex_hints`` of the shipped pattern lists, worked out ahead: parsing the
# patterns costs a one-article run more than the scans they spare. A test keeps this in step.
_SHIPPED_LIST_HINTS: Final[Mapping[str, tuple[str, ...] | None]] = {
    "agentless_cues": (
        "set",
        "put",
        "said",
        "known",
        "valued",
        "tipped",
        "deemed",
        "feared",
        "rumored",
        "emerged",
        "thought",
        "alleged",
        "claimed",
        "reckoned",
        "revealed",
        "forecast",
        "reported",
        "rumoured",
        "expected",
        "believed",
        "estimated",
        "disclosed",
        "announced",
        "projected",
        "suggested",
        "confirmed",
        "predicted",
        "understood",
        "supposedly",
        "apparently",
        "calculated",
        "considered",
        "purportedly",
    ),
    "vague_phrases": (
        "widely",
        "some say",
        "some fear",
        "some claim",
        "some argue",
        "it is said",
        "the court ",
        "delegates ",
        "some think",
        "the summit ",
        "some reckon",
        "some contend",
        "the meeting ",
        "some predict",
        "some suggest",
        "some believe",
        "the inquiry ",
        "some estimate",
        "it is alleged",
        "a forum heard",
        "according to ",
        "it is claimed",
        "some speculate",
        "it is rumoured",
        "the committee ",
        "a summit heard",
        "the forum heard",
        "a meeting heard",
        "a seminar heard",
        "the conference ",
        "sources close to",
        "a forum was told",
        "a summit was told",
        "the seminar heard",
        "a conference heard",
        "a meeting was told",
        "the forum was told",
        "a seminar was told",
        "the seminar was told",
        "a conference was told",
    ),
    "idioms": (
        "110",
        " fit",
        " sure",
        " behind",
        " certain",
        " committed",
        "one or two",
        "six of one",
        "hundred per",
        "in two minds",
        "two's company",
        "two left feet",
        "two-horse race",
        "one-horse town",
        "a million miles",
        "a thousand times",
        "hundred and ten per",
        "at sixes and sevens",
        "nine times out of ten",
        "put two and two together",
        "two sides to every story",
        "a million dollar question",
        "the million-dollar question",
    ),
    "name_patterns": (
        "top ",
        "xbox-",
        "xbox ",
        " club",
        "route ",
        " group",
        "radio ",
        "radio-",
        "route-",
        "catch ",
        "catch-",
        "apollo ",
        " summit",
        "apollo-",
        "formula ",
        " nations",
        " leaders",
        "formula-",
        "windows-",
        "channel-",
        "windows ",
        "channel ",
        " countries",
        "interstate-",
        "interstate ",
        "playstation ",
        "playstation-",
    ),
}


def _ordered_words(words: Sequence[str]) -> list[str]:
    # Longest first, so that "pointed out" wins over a shorter prefix.
    return sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)


def _words_pattern(words: Sequence[str]) -> str:
    return _alternation(_ordered_words(words))


def _alternation(ordered: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


def _regex_list(items: Sequence[str]) -> str:
    return "|".join(f"(?:{item})" for item in items) or r"(?!x)x"


def _string_list(options: Mapping[str, Any], key: str) -> list[str]:
    value = options.get(key, DEFAULT_OPTIONS[key])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"sourcing option {key!r} must be a list of strings")
    return list(value)


class SourcingOptions:
    """Validated options; cue patterns compile on first use and are cached per instance."""

    def __init__(
        self,
        window: str,
        carryover: bool,
        exclude: Mapping[str, bool],
        lists: Mapping[str, tuple[str, ...]],
        vague_without_figure: bool,
        carryover_shared_words: int = 2,
        link_attribution: str = "sentence",
    ) -> None:
        self.link_attribution = link_attribution
        self.carryover_shared_words = carryover_shared_words
        self.window = window
        self.carryover = carryover
        self.exclude = exclude
        self.lists = lists
        self.vague_without_figure = vague_without_figure

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any]) -> SourcingOptions:
        unknown = sorted(set(options) - set(DEFAULT_OPTIONS))
        if unknown:
            raise ValueError(f"unknown sourcing option(s): {', '.join(unknown)}")
        window = options.get("window", DEFAULT_OPTIONS["window"])
        if window not in ("strict", "lenient"):
            raise ValueError(f"sourcing option 'window' must be strict or lenient, not {window!r}")
        exclude = dict(DEFAULT_OPTIONS["exclude"])
        given = options.get("exclude", {})
        if not isinstance(given, Mapping):
            raise ValueError("sourcing option 'exclude' must be a mapping of class: true/false")
        for key, value in given.items():
            if key not in exclude:
                raise ValueError(
                    f"unknown exclusion class {key!r} (known: {', '.join(EXCLUSION_CLASSES)})"
                )
            if not isinstance(value, bool):
                raise ValueError(f"exclusion {key!r} must be true or false")
            exclude[key] = value
        lists = {
            key: tuple(_string_list(options, key))
            for key, value in DEFAULT_OPTIONS.items()
            if isinstance(value, list)
        }
        for key in ("carryover", "vague_without_figure"):
            if not isinstance(options.get(key, DEFAULT_OPTIONS[key]), bool):
                raise ValueError(f"sourcing option {key!r} must be true or false")
        links = options.get("link_attribution", DEFAULT_OPTIONS["link_attribution"])
        if links not in LINK_MODES:
            raise ValueError(
                "sourcing option 'link_attribution' must be one of "
                f"{', '.join(LINK_MODES)}, not {links!r}"
            )
        shared = options.get("carryover_shared_words", DEFAULT_OPTIONS["carryover_shared_words"])
        if isinstance(shared, bool) or not isinstance(shared, int) or shared < 0:
            raise ValueError(
                "sourcing option 'carryover_shared_words' must be a whole number (0 = off)"
            )
        from copydesk.sourcing.prefilter import validate

        for key in (
            "agentless_cues",
            "vague_phrases",
            "idioms",
            "name_patterns",
            "reference_patterns",
        ):
            if list(lists[key]) == DEFAULT_OPTIONS[key]:
                continue  # the shipped patterns are known to compile (a test does)
            for pattern in lists[key]:
                try:
                    validate(pattern)  # as re.compile would, for half the cost
                except re.error as exc:
                    raise ValueError(
                        f"sourcing option {key!r}: bad pattern {pattern!r}: {exc}"
                    ) from exc
        return cls(
            window=str(window),
            carryover=bool(options.get("carryover", DEFAULT_OPTIONS["carryover"])),
            exclude=exclude,
            lists=lists,
            carryover_shared_words=shared,
            link_attribution=str(links),
            vague_without_figure=bool(
                options.get("vague_without_figure", DEFAULT_OPTIONS["vague_without_figure"])
            ),
        )

    def words(self, key: str) -> str:
        return _alternation(self._ordered(key))

    @cached_property
    def _orders(self) -> dict[str, list[str]]:
        return {}

    def _ordered(self, key: str) -> list[str]:
        # One ordering per list, shared by its pattern and its WordMatcher.
        if key not in self._orders:
            self._orders[key] = _ordered_words(self.lists[key])
        return self._orders[key]

    @cached_property
    def _matchers(self) -> dict[str, WordMatcher | None]:
        return {}

    def word_spans(self, key: str, probe: Probe) -> list[tuple[int, int]]:
        """The spans of the word-list pattern of ``key`` (``reporting_verbs``,
        ``active_only_verbs``, ``attribution_phrases`` or ``speech_verbs``) in the probe's
        sentence: found by a :class:`WordMatcher` when the sentence allows, else by the
        compiled pattern."""
        from copydesk.sourcing.prefilter import WordMatcher

        if key not in self._matchers:
            self._matchers[key] = WordMatcher.build(self._ordered(key))
        matcher = self._matchers[key]
        if matcher is not None and probe.safe and probe.aligned:
            return matcher.spans(probe, probe.lo)
        if key == "reporting_verbs":
            pattern, starts = self.reporting_re, self.reporting_starts
        elif key == "active_only_verbs":
            pattern, starts = self.active_only_re, self.active_only_starts
        elif key == "attribution_phrases":
            pattern, starts = self.phrase_re, self.phrase_starts
        elif key == "speech_verbs":
            pattern, starts = self.speech_re, self.speech_starts
        else:
            raise KeyError(key)
        return [m.span() for m in pattern.finditer(probe.text, probe.skip_to(starts), probe.hi)]

    @cached_property
    def reporting_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{self.words('reporting_verbs')})\b", re.IGNORECASE)

    @cached_property
    def active_only_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{self.words('active_only_verbs')})\b", re.IGNORECASE)

    @cached_property
    def phrase_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{self.words('attribution_phrases')})\b", re.IGNORECASE)

    @cached_property
    def speech_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{self.words('speech_verbs')})\b", re.IGNORECASE)

    @cached_property
    def agentless_re(self) -> re.Pattern[str]:
        return patterncache.compile(_regex_list(self.lists["agentless_cues"]), re.IGNORECASE)

    @cached_property
    def vague_phrase_re(self) -> re.Pattern[str]:
        return patterncache.compile(_regex_list(self.lists["vague_phrases"]), re.IGNORECASE)

    @cached_property
    def vague_subjects(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lists["vague_subjects"])

    @cached_property
    def idiom_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{_regex_list(self.lists['idioms'])})", re.IGNORECASE)

    @cached_property
    def name_re(self) -> re.Pattern[str]:
        return patterncache.compile(_regex_list(self.lists["name_patterns"]))

    @cached_property
    def sports_terms(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lists["sports_terms"])

    @cached_property
    def sports_phrases(self) -> tuple[str, ...]:
        return tuple(t for t in self.sports_terms if " " in t)

    @cached_property
    def sports_literals(self) -> tuple[str, ...]:
        from copydesk.sourcing.prefilter import literals

        return literals(self.sports_terms)

    @cached_property
    def vague_quantity_re(self) -> re.Pattern[str]:
        return patterncache.compile(
            rf"\b(?:{self.words('vague_quantities')})(?:\s+of(?:\s+(?:thousands|millions|"
            r"billions)\s+of)?)?\b",
            re.IGNORECASE,
        )

    @cached_property
    def carryover_markers_re(self) -> re.Pattern[str]:
        return patterncache.compile(rf"\b(?:{self.words('carryover_markers')})\b", re.IGNORECASE)

    @cached_property
    def carryover_documents(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lists["carryover_documents"])

    @cached_property
    def carryover_breakers_re(self) -> re.Pattern[str]:
        return patterncache.compile(
            rf"^[\W_]*(?:{self.words('carryover_breakers')})\b", re.IGNORECASE
        )

    # Prefilters (see ``copydesk.sourcing.prefilter``): words or literals of which a sentence
    # must hold one for the pattern of the same name to match; None means always scan.

    def _word_hints(self, key: str) -> frozenset[str] | None:
        from copydesk.sourcing.prefilter import word_hints

        return word_hints(self.lists[key])

    def _regex_hints(self, key: str) -> tuple[str, ...] | None:
        if key in _SHIPPED_LIST_HINTS and list(self.lists[key]) == DEFAULT_OPTIONS[key]:
            return _SHIPPED_LIST_HINTS[key]
        from copydesk.sourcing.prefilter import regex_hints

        return regex_hints(self.lists[key])

    def _word_starts(self, key: str) -> frozenset[str] | None:
        from copydesk.sourcing.prefilter import word_starts

        return word_starts(self.lists[key])

    @cached_property
    def reporting_starts(self) -> frozenset[str] | None:
        return self._word_starts("reporting_verbs")

    @cached_property
    def active_only_starts(self) -> frozenset[str] | None:
        return self._word_starts("active_only_verbs")

    @cached_property
    def phrase_starts(self) -> frozenset[str] | None:
        return self._word_starts("attribution_phrases")

    @cached_property
    def speech_starts(self) -> frozenset[str] | None:
        return self._word_starts("speech_verbs")

    @cached_property
    def vague_quantity_starts(self) -> frozenset[str] | None:
        return self._word_starts("vague_quantities")

    @cached_property
    def reporting_words(self) -> frozenset[str] | None:
        return self._word_hints("reporting_verbs")

    @cached_property
    def active_only_words(self) -> frozenset[str] | None:
        return self._word_hints("active_only_verbs")

    @cached_property
    def phrase_words(self) -> frozenset[str] | None:
        return self._word_hints("attribution_phrases")

    @cached_property
    def speech_words(self) -> frozenset[str] | None:
        return self._word_hints("speech_verbs")

    @cached_property
    def vague_quantity_words(self) -> frozenset[str] | None:
        return self._word_hints("vague_quantities")

    @cached_property
    def carryover_marker_words(self) -> frozenset[str] | None:
        return self._word_hints("carryover_markers")

    @cached_property
    def agentless_literals(self) -> tuple[str, ...] | None:
        return self._regex_hints("agentless_cues")

    @cached_property
    def vague_phrase_literals(self) -> tuple[str, ...] | None:
        return self._regex_hints("vague_phrases")

    @cached_property
    def idiom_literals(self) -> tuple[str, ...] | None:
        return self._regex_hints("idioms")

    @cached_property
    def reference_scans(
        self,
    ) -> list[
        tuple[tuple[str, ...] | None, tuple[str, ...] | None, tuple[str, ...] | None, LazyPattern]
    ]:
        """The reference patterns as scans, each with the literals a match must contain
        (None: any sentence may match), the strings its shape must hold (None: any shape;
        see ``_SHIPPED_REFERENCE_SHAPES``) and the names of which one must end right before a
        run of digits (None: no such test; see ``_SHIPPED_REFERENCE_LEADS``). A pattern is
        tried, and compiled, only where these hold; one without literals only in a sentence
        with a digit. They stay apart: a pattern that starts with a literal or a class is
        scanned far faster than an alternation of them."""
        from copydesk.sourcing.lazyre import LazyPattern
        from copydesk.sourcing.prefilter import regex_hints

        patterns = self.lists["reference_patterns"]
        if list(patterns) == DEFAULT_OPTIONS["reference_patterns"]:
            return [
                (hints, shapes, _SHIPPED_REFERENCE_LEADS.get(at), LazyPattern(pattern))
                for at, (hints, shapes, pattern) in enumerate(
                    zip(
                        _SHIPPED_REFERENCE_HINTS,
                        _SHIPPED_REFERENCE_SHAPES,
                        patterns,
                        strict=True,
                    )
                )
            ]
        return [(regex_hints([pattern]), None, None, LazyPattern(pattern)) for pattern in patterns]

    @cached_property
    def name_literals(self) -> tuple[str, ...] | None:
        return self._regex_hints("name_patterns")
