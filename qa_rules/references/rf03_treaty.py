"""RF03 references.treaty."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import compare, mention_findings, side_mentions
from qa_rules.model import Finding
from qa_rules.references.extract import treaties


class TreatyMismatch(Rule):
    """A Treaty Series citation (volume and number) is missing, extra or altered in the target.

    Each language's citation form is language data: "vol. 2178, no 38349",
    "vol. 2178, No. 38349", "vol. 2178, núm. 38349", "т. 2178, № 38349",
    "第2178卷，第38349号", "المجلد 2178، الرقم 38349".

    Flags:
        fr: Nations Unies, Recueil des Traités, vol. 2225, no 39574.
        en: United Nations, Treaty Series, vol. 2225, No. 39754.

        fr: Nations Unies, Recueil des Traités, vol. 2225, no 39574.
        ru: Организация Объединенных Наций, Сборник договоров, т. 2226, № 39574.

    Passes:
        fr: Nations Unies, Recueil des Traités, vol. 2225, no 39574.
        en: United Nations, Treaty Series, vol. 2225, No. 39574.

        fr: Nations Unies, Recueil des Traités, vol. 2225, no 39574.
        zh: 联合国，《条约汇编》，第2225卷，第39574号。

        fr: Nations Unies, Recueil des Traités, vol. 2225, no 39574.
        ar: الأمم المتحدة، مجموعة المعاهدات، المجلد 2225، الرقم 39574.
    """

    code = "RF03"
    name = "references.treaty"
    category = "references"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        missing, extra = compare(side_mentions(pair.source, treaties), side_mentions(pair.target, treaties))
        yield from mention_findings(self, pair, missing, extra, "treaty citation")
