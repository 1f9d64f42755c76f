"""UT02: a target paragraph identical to its source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location
from qa_rules.references.extract import treaties
from qa_rules.untranslated.detect import normalized

_WORD = re.compile(r"[^\W\d_]+")


def translatable_words(text: str) -> list[str]:
    """Words that call for translation: not acronyms, symbols or numbers.

    ``E/RES/2023/26``, ``INTERPOL``, ``2 500`` and one-letter words do not count.
    """
    words = []
    for token in text.split():
        if any(ch.isdigit() for ch in token) or "/" in token:
            continue
        for word in _WORD.findall(token):
            if len(word) < 2 or word.isupper():
                continue
            words.append(word)
    return words


def _treaty_citation(pair: Pair) -> bool:
    """A footnote citing the Treaty Series: Russian and Spanish UN footnotes cite it in English
    ("United Nations, Treaty Series, vol. 2445, No. 44004."), the very text of the English one."""
    if any(unit.role != "footnote" for unit in pair.source.units):
        return False
    lang = pair.source.lang
    return langdata.supported(lang) and bool(treaties(pair.source.text, lang))


class IdenticalToSource(Rule):
    """A target paragraph is identical to its source, or a CAT segment is empty: it was not translated.

    Symbols, numbers, acronyms and short names (fewer than ``min_words``
    translatable words) are expected to stay as they are and are not flagged,
    and so is a footnote citing the Treaty Series, which Russian and Spanish
    UN texts cite in English ("United Nations, Treaty Series, vol. 2445, No. 44004.").
    In a CAT file (XLIFF, TMX) a segment whose target is absent or empty is
    work not done yet: it is reported once, here, at the line of that segment
    in the file (every other rule sees the target as missing). Comparing texts
    needs no language data, so the rule also runs on a target in a language
    outside the six (an undeclared target, read as ``und``).

    Flags:
        fr: Prie l'Office de continuer à fournir une assistance technique aux États Membres ;
        en: Prie l'Office de continuer à fournir une assistance technique aux États Membres ;

    Passes:
        fr: E/RES/2023/26
        en: E/RES/2023/26

        fr: Prie l'Office de continuer à fournir une assistance technique aux États Membres ;
        en: Requests the Office to continue to provide technical assistance to Member States;
    """

    code = "UT02"
    name = "untranslated.identical"
    category = "untranslated"
    severity = "error"
    language_independent = True

    @dataclass(frozen=True)
    class Config:
        """min_words: fewer translatable words than this and identity is expected (names, symbols)."""

        min_words: int = 3

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.target.untranslated and not pair.source.missing:
            yield self._empty_segment(pair)
            return
        if pair.target.missing or pair.source.missing:
            return
        if pair.target.lang.split("-")[0] == pair.source.lang.split("-")[0]:
            return  # en and en-gb in one TMX: the same text is expected
        if normalized(pair.target.text) != normalized(pair.source.text):
            return
        if len(translatable_words(pair.source.text)) < self.config.min_words:
            return
        if _treaty_citation(pair):
            return
        yield self.finding(
            pair,
            f"the {pair.target.lang} text is identical to the {pair.source.lang} source",
            expected=f"a translation into {pair.target.lang}",
            found=pair.target.text[:60],
            mark=(0, len(pair.target.text)),  # the whole text is the problem; found shows its start
        )

    def _empty_segment(self, pair: Pair) -> Finding:
        unit = pair.target.units[0]
        status = unit.status.split(",")[0].strip()
        how = f" (status {status})" if status and status != "untranslated" else ""
        lang = "target-language" if pair.target.lang == "und" else pair.target.lang
        return self.finding(
            pair,
            f"segment {unit.id.split('.')[-1]} ({unit.id}) has no {lang} translation{how}",
            expected=f"a {lang} translation" if lang != pair.target.lang else f"a translation into {lang}",
            found="",
            target=Location(path=pair.target.doc.path, lang=pair.target.lang, unit=unit.id, line=unit.lines[0]),
        )
