"""NU03 numbers.words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import mention_findings
from qa_rules.model import Finding
from qa_rules.numbers._common import number_mentions


class NumberWordMismatch(Rule):
    """A number the source writes in words ("deux ans") has no counterpart in the target.

    A warning: UN texts write small numbers in words and a translation may
    legitimately rephrase ("biennial"). Not checked from or into Arabic (the
    dual carries "two" in the noun) or Chinese (numerals fuse with classifiers:
    两年期); digits in the target count as present.

    Flags:
        fr: Prie le Secrétaire général de lui faire rapport tous les deux ans;
        en: Requests the Secretary-General to report to it every three years;

    Passes:
        fr: Prie le Secrétaire général de lui faire rapport tous les deux ans;
        en: Requests the Secretary-General to report to it every two years;

        fr: Prie le Secrétaire général de lui faire rapport tous les deux ans;
        ru: просит Генерального секретаря представлять ей доклад каждые два года;
    """

    code = "NU03"
    name = "numbers.words"
    category = "numbers"
    severity = "warning"
    needs_both_sides = True
    source_in_languages = True
    languages = ("en", "es", "fr", "ru")

    @dataclass(frozen=True)
    class Config:
        """minimum: number words below this value are not compared."""

        minimum: int = 2

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source = number_mentions(pair.source)
        target = number_mentions(pair.target)
        tgt_all = Counter(m.key for m, _ in target)
        src_all = Counter(m.key for m, _ in source)
        src_strong = Counter(m.key for m, n in source if n.kind != "weak")
        missing = []
        for key in src_all:
            words = [m for m, n in source if m.key == key and n.kind == "word" and n.value >= self.config.minimum]
            lacking = min(len(words), src_strong[key] - tgt_all[key])
            if lacking > 0:
                missing += words[len(words) - lacking :]
        yield from mention_findings(
            self, pair, missing, [], "number", report_extra=False, expected_of=lambda m: f"{m.key} ({m.text})"
        )
