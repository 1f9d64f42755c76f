"""DA02 dates.format."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.dates.extract import nonstandard_dates, standard_form
from qa_rules.mentions import Mention, at
from qa_rules.model import Finding


class DateFormat(Rule):
    """A target date is written in a form the language's UN style does not use.

    UN English writes "18 December 2019" (not "December 18, 2019" or "18th
    December"), UN French "1er janvier" (not "1 janvier"), UN Chinese
    "2019年12月18日" (not 号), UN Arabic both names of the month
    ("حزيران/يونيه", not "يونيه" or "حزيران" alone). The forms are language data
    (``[dates] nonstandard`` in ``qa_rules/langdata/<lang>.toml``).

    Flags:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of December 18, 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18号第74/175号决议，

    Passes:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18日第74/175号决议，
    """

    code = "DA02"
    name = "dates.format"
    category = "dates"
    severity = "warning"
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        lang = pair.target.lang
        for unit in pair.target.units:
            for key, text, start, end in nonstandard_dates(unit.text, lang):
                expected = standard_form(key, lang)
                yield self.finding(
                    pair,
                    f"date {text} is not in UN {lang} style",
                    expected=expected,
                    found=text,
                    target=at(pair, Mention(key, text, unit, start, end)),
                )
