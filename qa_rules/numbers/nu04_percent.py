"""NU04 numbers.percent."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import at, source_at
from qa_rules.model import Finding
from qa_rules.numbers._common import pair_numbers


def _percent(number) -> bool:
    return number.percent


def _plain(number) -> bool:
    return not number.percent


class PercentMismatch(Rule):
    """A percentage in one version is a plain number in the other (or the reverse).

    ``30 %`` = ``30%`` = ``30 per cent`` = ``30 por ciento`` = ``30 процентов``
    = ``百分之三十`` = ``30 في المائة``. A value missing altogether is NU01's.

    Flags:
        fr: Constate que 30 % des États Membres ont fait rapport;
        en: Notes that 30 Member States have reported;

    Passes:
        fr: Constate que 30 % des États Membres ont fait rapport;
        en: Notes that 30 per cent of Member States have reported;

        fr: Constate que 30 % des États Membres ont fait rapport;
        ru: отмечает, что 30 процентов государств-членов представили доклады;

        fr: Constate que 30 % des États Membres ont fait rapport;
        zh: 注意到百分之三十的会员国提交了报告；
    """

    code = "NU04"
    name = "numbers.percent"
    category = "numbers"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        both = pair_numbers(pair)
        source, target = both
        src_pct, tgt_pct = both.counts("source", _percent), both.counts("target", _percent)
        src_plain, tgt_plain = both.counts("source", _plain), both.counts("target", _plain)
        lang = pair.target.lang
        for key in sorted(src_pct):
            lost = min(src_pct[key] - tgt_pct[key], tgt_plain[key] - src_plain[key])
            if lost > 0:
                m = next(m for m, n in source if n.percent and m.key == key)
                t = next((t for t, n in target if not n.percent and t.key == key), None)
                yield self.finding(
                    pair, f"{m.text} of the source is not a percentage in the {lang} version",
                    expected=m.text, found=t.text if t else key, source=source_at(pair, m), target=at(pair, t),
                )
        for key in sorted(tgt_pct):
            added = min(tgt_pct[key] - src_pct[key], src_plain[key] - tgt_plain[key])
            if added > 0:
                t = next(t for t, n in target if n.percent and t.key == key)
                m = next((m for m, n in source if not n.percent and m.key == key), None)
                yield self.finding(
                    pair, f"{t.text} in the {lang} version is a percentage, the source's {key} is not",
                    expected=m.text if m else key, found=t.text, target=at(pair, t),
                )
