"""ST10 structure.not_a_translation."""

from __future__ import annotations

from typing import Iterator

from aligner.model import Document
from qa_rules.base import Context, Rule
from qa_rules.correspondence import Verdict, judge_correspondence
from qa_rules.model import Finding, Location


class NotATranslation(Rule):
    """A version is not a translation of the source: another document, another revision of it, another symbol.

    Judged once per version, document against document, from independent
    signals (``qa_rules.correspondence``): the resolution each document says
    it is, the numbers, dates and symbols they share, how much of the shorter
    text the aligner pairs with confidence, whether paired paragraphs carry
    the same numbers, and their length ratio; two must say "different". The
    finding gives the evidence. The version's paragraph findings are then
    withheld (counted in the finding and in a report notice): they would only
    repeat that the texts differ. Accepting this finding shows them again.

    Flags:
        role: meta
        fr: 2023/26. Assistance technique fournie par l'Office des Nations Unies contre la drogue et le crime ¶ Rappelant sa résolution 74/175 du 18 décembre 2019 et la résolution 2178 (2014) du Conseil de sécurité, ainsi que le document E/CN.15/2023/5,
        en: 55/100. Respect for the right to universal freedom of travel ¶ Recalling its resolution 54/169 of 17 December 1999 and resolution 217 A (III), and document A/55/602/Add.2,

    Passes:
        role: meta
        fr: 2023/26. Assistance technique fournie par l'Office des Nations Unies contre la drogue et le crime ¶ Rappelant sa résolution 74/175 du 18 décembre 2019 et la résolution 2178 (2014) du Conseil de sécurité, ainsi que le document E/CN.15/2023/5,
        en: 2023/26. Technical assistance provided by the United Nations Office on Drugs and Crime ¶ Recalling its resolution 74/175 of 18 December 2019 and Security Council resolution 2178 (2014), and document E/CN.15/2023/5,
    """

    code = "ST10"
    name = "structure.not_a_translation"
    category = "structure"
    severity = "error"
    supersedes_version = True

    def check_document(self, context: Context) -> Iterator[Finding]:
        from qa_rules.pairing import target_rows

        alignment = context.alignment
        source = alignment.documents[alignment.pivot]
        for lang in alignment.languages:
            if lang == alignment.pivot or not self.applies_to(lang):
                continue
            target = alignment.documents[lang]
            verdict = judge_correspondence(source, target, target_rows(alignment, lang))
            if not verdict.corresponds:
                yield self._finding(source, target, verdict)

    def _finding(self, source: Document, target: Document, verdict: Verdict) -> Finding:
        reasons = "; ".join(f"{s.name}: {s.evidence}" for s in verdict.against)
        src_id, tgt_id = verdict.source_identity, verdict.target_identity
        return self.finding(
            None,
            f"the {target.lang} version does not appear to be a translation of the source "
            f"(another document or another revision of it): {reasons}",
            expected=f"a translation of {_name(source)}" + (f" ({src_id.text})" if src_id else ""),
            found=_name(target) + (f" ({tgt_id.text})" if tgt_id else "")
            + f": {len(verdict.against)} of {len(verdict.signals)} signals say it is another text; "
            f"structure {verdict.structure_text()}",
            source=Location(path=source.path, lang=source.lang, unit=None, line=None),
            target=Location(path=target.path, lang=target.lang, unit=None, line=None),
        )


def _name(doc: Document) -> str:
    return doc.path.replace("\\", "/").rsplit("/", 1)[-1]
