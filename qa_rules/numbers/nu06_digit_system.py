"""NU06: a number written in another digit system than the rest of the document, or in words where UN style writes digits."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from aligner.model import Document
from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location

_RUN = re.compile(r"\d+")
#: The digit systems of the official languages, by the name Unicode gives their zero.
SYSTEMS = {"DIGIT ZERO": "0-9", "ARABIC-INDIC DIGIT ZERO": "٠-٩", "EXTENDED ARABIC-INDIC DIGIT ZERO": "۰-۹",
           "FULLWIDTH DIGIT ZERO": "０-９"}


def system_of(run: str) -> str:
    """The digit system of a run of digits (``0-9``, ``٠-٩``, ``۰-۹``, ``０-９``; ``mixed``)."""
    names = {SYSTEMS.get(unicodedata.name(chr(ord(c) - unicodedata.digit(c)), ""), "other") for c in run}
    return names.pop() if len(names) == 1 else "mixed"


@lru_cache(maxsize=None)
def _numerals_before_digit_contexts(lang: str) -> re.Pattern | None:
    """``(?P<numeral>...)(?P<context>...)``: the language's numerals before a context where its
    UN style writes digits (``[numbers] digits_before``), or None."""
    if not langdata.supported(lang):
        return None
    contexts = langdata.value(lang, "numbers.digits_before", ())
    chars = "".join(langdata.value(lang, "numbers.numeral_chars", {})) + "".join(langdata.value(lang, "numbers.numeral_units", {}))
    if not contexts or not chars:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(contexts, key=len, reverse=True))
    return re.compile(f"(?P<numeral>[{re.escape(chars)}]+)(?P<context>{alternatives})")


def document_systems(doc: Document) -> Counter:
    """How many runs of digits the document writes in each system."""
    return Counter(system_of(m.group()) for unit in doc.units for m in _RUN.finditer(unit.text))


class DigitSystem(Rule):
    """A number is written in another digit system than the rest of the document.

    UN Arabic texts write 0-9 or the Arabic-Indic ٠-٩, Chinese texts 0-9 or
    (rarely) full-width ０-９; a document keeps to one. When at least
    ``min_runs`` numbers of the target document and a share ``min_share`` of
    them are in one system, a number in another system is reported (the
    years of a programme typed with another keyboard: ``٢٠٢٢-٢٠٢٧`` in a text
    of ``2022``). Where a language's UN style writes a number in digits after
    its own numerals would read naturally (UN Chinese meeting numbers,
    ``第43次全体会议``, not ``第四十三次全体会议``; session numbers stay in
    numerals, ``第七十八届会议``), numerals there are reported too (language
    data: ``[numbers] digits_before``). Runs for any language.

    Flags:
        fr: 43e séance plénière
        zh: 第四十三次全体会议

        fr: Rappelant ses résolutions 73/174, 74/175 et 75/291, et le Programme mondial pour 2022-2027,
        ar: وإذ تشير إلى قراراتها 73/174 و 74/175 و 75/291، وإلى البرنامج العالمي للفترة ٢٠٢٢-٢٠٢٧،

    Passes:
        fr: Rappelant ses résolutions 73/174, 74/175 et 75/291, et le Programme mondial pour 2022-2027,
        ar: وإذ تشير إلى قراراتها 73/174 و 74/175 و 75/291، وإلى البرنامج العالمي للفترة 2022-2027،

        fr: Rappelant ses résolutions 73/174, 74/175 et 75/291, et le Programme mondial pour 2022-2027,
        ar: وإذ تشير إلى قراراتها ٧٣/١٧٤ و ٧٤/١٧٥ و ٧٥/٢٩١، وإلى البرنامج العالمي للفترة ٢٠٢٢-٢٠٢٧،

        fr: 43e séance plénière
        zh: 第43次全体会议
    """

    code = "NU06"
    name = "numbers.digit_system"
    category = "numbers"
    severity = "warning"
    needs_both_sides = True
    #: Needs no language data (digit systems are Unicode facts); reads ``digits_before`` where there is some.
    language_independent = True

    @dataclass(frozen=True)
    class Config:
        """min_runs: the fewest numbers in the document for it to have a digit system; min_share: the share of them one system must have."""

        min_runs: int = 5
        min_share: float = 0.75

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        yield from self._numerals(pair)
        usual = self._usual(pair.target.doc, context)
        if usual is None:
            return
        for unit in pair.target.units:
            for match in _RUN.finditer(unit.text):
                system = system_of(match.group())
                if system == usual:
                    continue
                shown, mark = window(unit.text, match.start(), match.end(), 15, 15)
                yield self.finding(
                    pair,
                    f"number {match.group()} is written in {system} digits; the {pair.target.lang} text uses {usual}",
                    expected=f"{usual} digits",
                    found=shown,
                    mark=mark,
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(match.start())),
                )

    def _numerals(self, pair: Pair) -> Iterator[Finding]:
        """Numbers written in the language's numerals where its UN style writes digits."""
        pattern = _numerals_before_digit_contexts(pair.target.lang)
        if pattern is None:
            return
        for unit in pair.target.units:
            for match in pattern.finditer(unit.text):
                yield self.finding(
                    pair,
                    f"number {match.group('numeral')} is written in words; UN {pair.target.lang} writes digits before "
                    f"«{match.group('context')}»",
                    expected="digits",
                    found=match.group(),
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(match.start())),
                )

    def _usual(self, doc: Document, context: Context) -> str | None:
        """The digit system most of ``doc``'s numbers are in, if it has one (kept in ``Context.facts``)."""
        key = f"numbers.digit_system:{doc.path}:{doc.lang}"
        facts = context.facts
        cached = facts.get(key) if facts else None
        if cached is not None and cached[0] is doc:
            counts = cached[1]
        else:
            counts = document_systems(doc)
            if isinstance(facts, dict):
                facts[key] = (doc, counts)
        total = sum(counts.values())
        if total < self.config.min_runs:
            return None
        system, count = counts.most_common(1)[0]
        return system if count >= self.config.min_share * total else None
