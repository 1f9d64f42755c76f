"""SP04: no space after a punctuation mark, before the next word."""

from __future__ import annotations

import re
from typing import Iterator

from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import facts
from qa_rules.untranslated.detect import left_untranslated
from qa_rules.systematic import any_character

#: A comma, semicolon, colon or closing bracket glued to the next word; a full
#: stop glued to a capital after a lower-case word (``crime.The``), not inside
#: abbreviations (``U.N.``, ``т.е.``), URLs (``www.unodc.org``) or numbers.
_GLUED = re.compile(
    r"(?<=[^\W\d_])[,;،؛](?=[^\W\d_])"
    r"|(?<=[^\W\d_]{2})[.!?](?=[^\W\d_][^\W\d_])"
    r"|(?<=[^\W\d_])\)(?=[^\W\d_])"
    r"|(?<=[^\W\d_]{2}):(?=[^\W\d_])"
)
_URL = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+")


_QUICK = re.compile(r"[,;:.!?)،؛][^\W\d_]")


def glued(text: str) -> list[int]:
    """Offsets of punctuation marks glued to the following word."""
    if not _QUICK.search(text):
        return []
    skip = set()
    for match in _URL.finditer(text):
        skip.update(range(match.start(), match.end()))
    found = []
    for match in _GLUED.finditer(text):
        index = match.start()
        if index in skip:
            continue
        if text[index] in ".!?" and not text[index + 1].isupper():
            continue
        found.append(index)
    return found


class MissingSpaceAfter(Rule):
    """A punctuation mark glued to the next word (``States,in``, ``crime.The``).

    Not applied to Chinese, which does not space words; decimal and thousands
    separators, abbreviations, URLs and document symbols are left alone.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres, à leur demande,
        en: Requests the Office to continue to assist Member States,upon request,

        fr: Exhorte les États Membres qui ne l'ont pas encore fait à envisager de devenir parties ;
        ru: настоятельно призывает государства-члены,которые еще не сделали этого, рассмотреть возможность стать участниками;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres, à leur demande,
        en: Requests the Office to continue to assist Member States, upon request,
    """

    code = "SP04"
    name = "spacing.missing_space_after"
    category = "spacing"
    severity = "warning"
    languages = ("ar", "en", "fr", "ru", "es")

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if left_untranslated(pair):
            return
        if not facts(pair.target.lang).spaced:
            return
        for unit in pair.target.units:
            for offset in glued(unit.text):
                shown, mark = window(unit.text, offset, offset + 2, 20, 18)
                yield self.finding(
                    pair,
                    f"no space after {unit.text[offset]!r}",
                    expected=f"{unit.text[offset]!r} followed by a space",
                    found=shown,
                    mark=mark,
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(offset)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """The same missing space throughout a version is one systematic finding."""
        return any_character(finding.message)
