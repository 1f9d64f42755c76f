"""Checking a glossary as a terminologist would before publishing it.

The reader already refuses what is not a glossary (malformed XML, unknown
language codes or statuses, missing columns). ``validate`` then reports:

- ``missing-language`` (warning): a concept without any term in one of the
  glossary's own languages (those some concept of it has terms in: a
  bilingual en-es glossary is never asked for Chinese; a glossary in the six
  official languages is asked for all six); ``missing_summary`` counts them
  per language ("6 concepts lack es");
- ``no-preferred`` (error): a language with terms but none accepted, so a
  target cannot be told what to use;
- ``duplicate`` (warning): the same term twice in one concept and language
  (with the same term type: UNTERM lists a short name that is also the
  formal name twice, as short and full);
- ``conflict`` (error): a term rejected in one concept and accepted in
  another (the rules would both demand and forbid it);
- ``homonym`` (warning): one term accepted in two concepts (the matcher
  cannot tell which concept a text means). Proper names are compared as
  written, not by stems, as the matcher matches them (``Нигер`` and
  ``Нигерия`` stem alike but are two countries);
- ``date-unused`` (warning): a ``superseded_since`` date on a term that is
  not superseded (TE03 reads it on superseded terms only);
- ``wrong-script`` (warning): a term with no letter of its language's script
  (an Arabic term written in Latin letters, ``Zimbabwe gold``; a Russian
  term in Latin letters); an acronym or abbreviation, or a one-word term in
  capitals (``INTERPOL`` in a Chinese text), may be written in Latin letters;
- ``bad-pattern`` (error): a ``pattern`` term that is not a valid regular
  expression or could backtrack without end (``patterns.pattern_problem``).
  The readers already refuse such a file (``load_glossaries``), so this only
  meets a glossary built in memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.glossary.matcher import term_keys
from qa_rules.glossary.model import Glossary
from qa_rules.glossary.patterns import pattern_problem, quote_pattern


#: The letters each language's terms are written in; a term with none of them is in another script.
SCRIPTS: dict[str, re.Pattern] = {
    "ar": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "en": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "fr": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "es": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}


def wrong_script(text: str, lang: str, term_type: str = "") -> bool:
    """Whether ``text`` has letters but none of ``lang``'s script, and is not an acronym,
    an abbreviation or a one-word term in capitals (which any language may write in Latin)."""
    script = SCRIPTS.get(lang)
    if script is None or script.search(text) or not any(ch.isalpha() for ch in text):
        return False
    if term_type in ("acronym", "abbreviation"):
        return False
    return not (len(text.split()) == 1 and text.upper() == text)


def _owner_key(term, lang: str) -> tuple:
    """How two terms of one language are the same term: a proper name as written (case and
    ``ё`` aside), any other term as the matcher compares it (``matcher.term_keys``)."""
    if term.pos == "properNoun" and term.match != "pattern":
        return ("name",) + tuple(term.text.casefold().replace("ё", "е").split())
    return term_keys(term.text, lang, term.match)


@dataclass(frozen=True)
class Problem:
    level: str  # "error" | "warning"
    kind: str
    concept: str
    lang: str
    message: str

    def as_dict(self) -> dict:
        return {"level": self.level, "kind": self.kind, "concept": self.concept, "lang": self.lang,
                "message": self.message}


def required_languages(glossary: Glossary) -> tuple[str, ...]:
    """The languages every concept should have: the ones the glossary uses, the official
    languages first in their usual order."""
    used = set(glossary.languages)
    return tuple(lang for lang in OFFICIAL_LANGUAGES if lang in used) + tuple(
        sorted(used.difference(OFFICIAL_LANGUAGES)))


def missing_summary(problems: Sequence[Problem]) -> list[str]:
    """``N concepts lack L`` per language with ``missing-language`` problems, most first."""
    counts: dict[str, int] = {}
    for p in problems:
        if p.kind == "missing-language":
            counts[p.lang] = counts.get(p.lang, 0) + 1
    return [f"{n} concept{'s' if n > 1 else ''} lack{'' if n > 1 else 's'} {lang}"
            for lang, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def validate(glossary: Glossary, languages: Sequence[str] | None = None) -> list[Problem]:
    """The glossary's problems; ``languages``: those every concept must have (default: the
    glossary's own, ``required_languages``)."""
    if languages is None:
        languages = required_languages(glossary)
    problems: list[Problem] = []
    owners: dict[tuple[str, tuple], list[tuple[str, str, str]]] = defaultdict(list)
    for concept in glossary.concepts:
        for lang in languages:
            if not concept.terms_in(lang):
                problems.append(Problem("warning", "missing-language", concept.id, lang,
                                        f"{concept.id}: no {lang} term"))
        for lang in concept.languages:
            terms = concept.terms_in(lang)
            if terms and not concept.accepted(lang):
                problems.append(Problem("error", "no-preferred", concept.id, lang,
                                        f"{concept.id}: {lang} has only deprecated or superseded terms"))
            seen: set[tuple[str, str]] = set()
            for term in terms:
                if (term.text, term.term_type) in seen:
                    problems.append(Problem("warning", "duplicate", concept.id, lang,
                                            f"{concept.id}: {lang} term «{term.text}» is listed twice"))
                seen.add((term.text, term.term_type))
                if term.superseded_since and term.status != "superseded":
                    problems.append(Problem("warning", "date-unused", concept.id, lang,
                                            f"{concept.id}: {lang} term «{term.text}» has a superseded-since "
                                            f"date but is {term.status}; TE03 reads the date of superseded "
                                            "terms only"))
                if term.match == "pattern":
                    reason = pattern_problem(term.text)
                    if reason is not None:
                        problems.append(Problem("error", "bad-pattern", concept.id, lang,
                                                f"{concept.id}: pattern «{quote_pattern(term.text)}» {reason}"))
                    continue
                if wrong_script(term.text, lang, term.term_type):
                    problems.append(Problem("warning", "wrong-script", concept.id, lang,
                                            f"{concept.id}: {lang} term «{term.text}» has no letter of the "
                                            f"{lang} script"))
                owners[(lang, _owner_key(term, lang))].append((concept.id, term.status, term.text))
    for (lang, _), entries in owners.items():
        concepts = {cid for cid, _, _ in entries}
        if len(concepts) < 2:
            continue
        accepted = {cid for cid, status, _ in entries if status in ("preferred", "admitted")}
        rejected = {cid for cid, status, _ in entries if status in ("deprecated", "superseded")}
        text = entries[0][2]
        if accepted and rejected and accepted != rejected:
            problems.append(Problem("error", "conflict", ", ".join(sorted(concepts)), lang,
                                    f"{lang} term «{text}» is rejected in {', '.join(sorted(rejected))} "
                                    f"but accepted in {', '.join(sorted(accepted))}"))
        elif len(accepted) > 1:
            problems.append(Problem("warning", "homonym", ", ".join(sorted(concepts)), lang,
                                    f"{lang} term «{text}» is accepted in {len(accepted)} concepts: "
                                    f"{', '.join(sorted(accepted))}"))
    return problems
