"""NU02 numbers.ordinal."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import mention_findings
from qa_rules.model import Finding
from qa_rules.numbers._common import number_mentions


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
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.source.missing or pair.target.missing or not self.applies_to(pair.source.lang):
            return
        source = number_mentions(pair.source)
        target = number_mentions(pair.target)
        src_all = Counter(m.key for m, _ in source)
        src_strong = Counter(m.key for m, n in source if n.kind != "weak")
        tgt_all = Counter(m.key for m, _ in target)
        tgt_strong = Counter(m.key for m, n in target if n.kind != "weak")
        missing = []
        for key in src_all:
            ordinals = [m for m, n in source if m.key == key and n.kind == "ordinal"]
            lacking = min(len(ordinals), src_strong[key] - tgt_all[key])
            if lacking > 0:
                missing += ordinals[len(ordinals) - lacking :]
        if not missing:
            return
        extra = []
        for key in tgt_all:
            ordinals = [m for m, n in target if m.key == key and n.kind == "ordinal"]
            surplus = min(len(ordinals), tgt_strong[key] - src_all[key])
            if surplus > 0:
                extra += ordinals[len(ordinals) - surplus :]
        yield from mention_findings(self, pair, missing, extra, "ordinal", expected_of=lambda m: f"{m.key} ({m.text})")
