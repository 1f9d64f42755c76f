"""SC02: English -ise spellings where UN English writes -ize (Oxford spelling)."""

from __future__ import annotations

import re
from typing import Iterator

from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location
from qa_rules.spelling.common import NeedsDictionary
from qa_rules.spelling.words import words

_ISE = re.compile(r"(?P<stem>\w{2,}?)(?P<s>[sS])(?P<end>e|es|ed|ing|ation|ations|ational|er|ers|able)", re.I)


def ize_form(word: str) -> str | None:
    """``word`` with its -is- spelt -iz- (``organisation`` -> ``organization``), or ``None``."""
    match = _ISE.fullmatch(word)
    if not match or not match.group("stem").lower().endswith("i"):
        return None
    z = "Z" if match.group("s").isupper() else "z"
    return match.group("stem") + z + match.group("end")


class IzeSpelling(NeedsDictionary, Rule):
    """English: an -ise, -isation spelling where UN English writes -ize, -ization (Oxford spelling).

    The British English dictionary Debian installs (``hunspell-en-gb``) accepts
    both forms, so the spelling rule cannot tell them apart: a word is flagged
    when the dictionary knows it and its -ize form alike (``organise``,
    ``organize``), and not when only the -ise form exists (``advertise``,
    ``exercise``, ``comprise``). Words that keep -ise in Oxford spelling although
    an -ize form exists (``expertise``, ``improvise``...) are listed in
    ``[spelling] ise_kept`` of the English language data; ``analyse`` and
    ``paralyse`` (-yse) are never flagged.

    Flags:
        fr: Encourage les États Membres à organiser des ateliers régionaux ;
        en: Encourages Member States to organise regional workshops;

    Passes:
        fr: Encourage les États Membres à organiser des ateliers régionaux ;
        en: Encourages Member States to organize regional workshops;
    """

    code = "SC02"
    name = "spelling.ize"
    category = "spelling"
    severity = "warning"
    languages = ("en",)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        spell = self.speller_for(pair)
        if spell is None:
            return
        kept = langdata.value(pair.target.lang, "spelling.ise_kept", ())
        for unit in pair.target.units:
            for start, end, word in words(unit.text):
                ize = ize_form(word)
                if ize is None or any(word.lower().startswith(k[:-1]) for k in kept):
                    continue
                if spell.main.checks(word) and spell.main.checks(ize):
                    shown, mark = window(unit.text, start, end)
                    yield self.finding(
                        pair,
                        f"{word!r}: UN English writes {ize!r}",
                        expected=ize,
                        found=shown,
                        mark=mark,
                        target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(start)),
                    )

    def pattern(self, finding: Finding) -> str | None:
        """The -ise habit throughout a version is one finding with its places."""
        return "-ise for -ize"
