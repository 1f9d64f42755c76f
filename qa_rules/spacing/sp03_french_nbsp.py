"""SP03: French spacing: a no-break space before ; : ! ? and inside « »."""

from __future__ import annotations

import re
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import facts
from qa_rules.systematic import any_character

_NBSP = "\u00a0\u202f"
#: Not French punctuation: URLs (``https://``), times and ratios (``10:30``).
_EXEMPT = re.compile(r"[a-z]+://\S*|\d[:.]\d")


def french_spacing_problems(text: str, before: frozenset[str]) -> list[tuple[int, str, str]]:
    """(offset, found, expected) for each mark lacking its no-break space."""
    exempt = set()
    for match in _EXEMPT.finditer(text):
        exempt.update(range(match.start(), match.end()))
    problems = []
    for index, char in enumerate(text):
        if index in exempt:
            continue
        if char in before or char == "»":
            if index == 0:
                continue
            prev = text[index - 1]
            if prev in _NBSP or (char in "!?" and text[index - 1] in "!?"):
                continue
            if prev == " ":
                problems.append((index - 1, f"ordinary space before {char!r}", f"no-break space before {char!r}"))
            else:
                problems.append((index, f"no space before {char!r}", f"no-break space before {char!r}"))
        elif char == "«" and index + 1 < len(text):
            nxt = text[index + 1]
            if nxt in _NBSP:
                continue
            if nxt == " ":
                problems.append((index + 1, "ordinary space after '«'", "no-break space after '«'"))
            else:
                problems.append((index, "no space after '«'", "no-break space after '«'"))
    return problems


class FrenchNoBreakSpace(Rule):
    """French needs a no-break space (U+00A0 or U+202F) before ; : ! ? » and after «.

    A warning: many drafts type ordinary spaces, which a typesetter fixes;
    a missing space altogether is reported the same way.

    Flags:
        en: Requests the Office to continue to assist Member States;
        fr: Prie l'Office de continuer à aider les États Membres;

        en: under the item entitled “Crime prevention and criminal justice”.
        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».

    Passes:
        en: Requests the Office to continue to assist Member States;
        fr: Prie l'Office de continuer à aider les États Membres\u00a0;
    """

    code = "SP03"
    name = "spacing.french_nbsp"
    category = "spacing"
    severity = "warning"
    languages = ("fr",)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        before = facts(pair.target.lang).nbsp_before
        for unit in pair.target.units:
            for offset, found, expected in french_spacing_problems(unit.text, before):
                yield self.finding(
                    pair,
                    f"{found} (French typography wants a no-break space)",
                    expected=expected,
                    found=unit.text[max(offset - 20, 0) : offset + 20],
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(offset)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """The same missing no-break space throughout a version is one systematic finding."""
        return any_character(finding.message)
