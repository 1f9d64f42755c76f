"""TE03: an outdated or non-UNTERM country name in a target."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, located, rejected_in_target


class OutdatedCountryName(Rule):
    """A country is named by a former or non-UNTERM name (Swaziland for Eswatini); the current UNTERM name is expected.

    Country names come from the unterm-countries glossary (real UNTERM
    records); former names are recorded there as superseded terms. The
    expected name is the current UNTERM short name (or formal name when the
    former name was a formal one).

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
        for match in rejected_in_target(pair, context, self.config.bundled_when_none, countries=True):
            lang = pair.target.lang
            want = "fullForm" if match.term.term_type == "fullForm" else "shortForm"
            current = [t.text for t in match.concept.preferred(lang) if t.term_type == want] or \
                [t.text for t in match.concept.preferred(lang)]
            yield self.finding(
                pair,
                f"«{match.text}» is a former country name ({match.term.note or match.term.status}); "
                f"UNTERM now has «{current[0] if current else '?'}»",
                expected=" | ".join(dict.fromkeys(current)),
                target=located(pair.target, match.start),
                found=match.text,
            )
