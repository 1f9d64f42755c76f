"""NU02 numbers.ordinal."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import mention_findings
from qa_rules.model import Finding
from qa_rules.numbers._common import pair_numbers, unmatched


class OrdinalMismatch(Rule):
    """An ordinal written in words (a session number) is missing or different in the target.

    Ordinals are read in each language as UN texts write them:
    "soixante-dix-huitième session" = "seventy-eighth session" =
    "septuagésimo octavo período de sesiones" = "семьдесят восьмой сессии" =
    "第七十八届会议" = "الدورة الثامنة والسبعين" (78); digits count as present.
    "first" and "second" alone are too often not numbers and are not read.

    Flags:
        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        en: Decides to consider the question at its seventy-seventh session;

        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        es: Decide examinar la cuestión en su septuagésimo séptimo período de sesiones;

    Passes:
        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        en: Decides to consider the question at its seventy-eighth session;

        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        es: Decide examinar la cuestión en su septuagésimo octavo período de sesiones;

        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        ru: постановляет рассмотреть этот вопрос на своей семьдесят восьмой сессии;

        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        zh: 决定在第七十八届会议上审议这个问题；

        fr: Décide d'examiner la question à sa soixante-dix-huitième session;
        ar: تقرر أن تنظر في المسألة في دورتها الثامنة والسبعين؛
    """

    code = "NU02"
    name = "numbers.ordinal"
    category = "numbers"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        both = pair_numbers(pair)
        missing, extra = unmatched(both, "ordinal")
        if not missing:
            return
        yield from mention_findings(self, pair, missing, extra, "ordinal", expected_of=lambda m: f"{m.key} ({m.text})")
