"""DA01 dates.mismatch."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.dates.extract import dates, expected_form
from qa_rules.mentions import compare, mention_findings, side_mentions
from qa_rules.model import Finding


class DateMismatch(Rule):
    """A date (full, month and year, day and month, or a range) is missing, extra or altered in the target.

    Dates are compared as dates: "18 décembre 2019" = "18 December 2019" =
    "18 de diciembre de 2019" = "18 декабря 2019 года" = "2019年12月18日" =
    "18 كانون الأول/ديسمبر 2019"; "7-12 mars 2021" is a range.

    Flags:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 19 December 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        ru: ссылаясь на свою резолюцию 74/175 от 18 ноября 2019 года,

        fr: Se félicitant de la réunion tenue du 7 au 12 mars 2021 à Kyoto,
        es: Acogiendo con beneplácito la reunión celebrada del 7 al 12 de mayo de 2021 en Kyoto,

    Passes:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        es: Recordando su resolución 74/175, de 18 de diciembre de 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        ru: ссылаясь на свою резолюцию 74/175 от 18 декабря 2019 года,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18日第74/175号决议，

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        ar: إذ تشير إلى قرارها 74/175 المؤرخ 18 كانون الأول/ديسمبر 2019،

        fr: Se félicitant de la réunion tenue du 7 au 12 mars 2021 à Kyoto,
        en: Welcoming the meeting held in Kyoto from 7 to 12 March 2021,
    """

    code = "DA01"
    name = "dates.mismatch"
    category = "dates"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        missing, extra = compare(side_mentions(pair.source, dates), side_mentions(pair.target, dates))
        lang = pair.target.lang
        yield from mention_findings(
            self, pair, missing, extra, "date", expected_of=lambda m: expected_form(m.key, lang, m.text) or m.text
        )
