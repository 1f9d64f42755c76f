"""TE03: an outdated or non-UNTERM country name in a target."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.dates.document_date import current_on, document_date
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, located, rejected_in_target


class OutdatedCountryName(Rule):
    """A country is named by a former or non-UNTERM name (Swaziland for Eswatini); the current UNTERM name is expected.

    Country names come from the unterm-countries glossary (real UNTERM
    records); former names are recorded there as superseded terms. The
    expected name is the current UNTERM short name (or formal name when the
    former name was a formal one).

    A name is judged at the document's own date (``qa_rules.dates.document_date``:
    the adoption, distribution or closing date in its head and foot, else the
    year of its symbol): a former name whose glossary entry records since when
    it is superseded (``Term.superseded_since``) and that was still current on
    that date is not reported (Swaziland in a resolution of 2000). When the
    document has a date but the glossary does not say since when (or not
    precisely enough to tell), the name is reported as a warning that says so.
    A document with no date is judged today: every former name is an error.
    Deprecated names (never right) are errors whatever the date.

    Flags:
        fr: Ont voté pour : Eswatini, Tunisie, Türkiye
        en: In favour: Swaziland, Tunisia, Türkiye

    Passes:
        fr: Ont voté pour : Eswatini, Tunisie, Türkiye
        en: In favour: Eswatini, Tunisia, Türkiye
    """

    code = "TE03"
    name = "terminology.country_name_outdated"
    category = "terminology"
    severity = "error"

    Config = GlossaryConfig

    @classmethod
    def example_config(cls) -> GlossaryConfig:
        return cls.Config(bundled_when_none=True)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        dated = None
        for match in rejected_in_target(pair, context, self.config.bundled_when_none, countries=True):
            lang = pair.target.lang
            want = "fullForm" if match.term.term_type == "fullForm" else "shortForm"
            current = [t.text for t in match.concept.preferred(lang) if t.term_type == want] or \
                [t.text for t in match.concept.preferred(lang)]
            since = match.term.superseded_since
            message = (f"«{match.text}» is a former country name ({match.term.note or match.term.status}); "
                       f"UNTERM now has «{current[0] if current else '?'}»")
            severity = None
            if match.term.status == "superseded":
                dated = dated or pair_date(pair, context)
                then = current_on(dated, since) if dated and since else None
                if then:
                    continue  # the name was current on the document's date
                if dated and then is None:
                    severity = "warning"
                    message += (f"; the glossary does not record since when, so it may have been current on "
                                f"this document's date, {dated}" if not since else
                                f"; superseded in {since}, like this document's date, {dated}: which came first?")
                elif dated:
                    message += f"; this document is dated {dated}"
            yield self.finding(
                pair,
                message,
                expected=" | ".join(dict.fromkeys(current)),
                target=located(pair.target, match.start),
                found=match.text,
                severity=severity,
            )


#: Where a run keeps each document's date: ``Context.facts[DATES_FACT][(path, lang)]``.
DATES_FACT = "terminology.document_dates"


def pair_date(pair: Pair, context: Context) -> str | None:
    """The date of the pair's document (``qa_rules.dates.document_date``): the target's own,
    else the source's (the versions of one document share a date), read once per run."""
    store = context.facts.setdefault(DATES_FACT, {}) if isinstance(context.facts, dict) else {}
    for side in (pair.target, pair.source):
        key = (side.doc.path, side.lang)
        if key not in store:
            store[key] = document_date(side.doc)
        if store[key]:
            return store[key]
    return None
