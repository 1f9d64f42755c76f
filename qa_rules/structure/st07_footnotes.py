"""ST07 structure.footnote_numbering."""

from __future__ import annotations

from typing import Iterator

from aligner.model import Document
from qa_rules.base import Context, Rule
from qa_rules.model import Finding, Location


def _numbers(doc: Document) -> tuple[int, ...]:
    return tuple(u.number for u in doc.by_role("footnote") if u.number is not None)


def _label(numbers: tuple[int, ...]) -> str:
    return ", ".join(map(str, numbers)) if numbers else "none"


class FootnoteNumbering(Rule):
    """A version has a different number of footnotes, or numbers them differently, than the source.

    Compared once per run, document against document; a version whose own
    footnotes are not numbered 1, 2, 3... is also reported.

    Flags:
        fr: Rappelant la Stratégie antiterroriste mondiale<sup>1</sup>, ¶ [^1]: Résolution 60/288 de l'Assemblée générale. ¶ [^2]: Résolution 2178 (2014) du Conseil de sécurité.
        en: Recalling the Global Counter-Terrorism Strategy<sup>1</sup>, ¶ [^1]: General Assembly resolution 60/288.

    Passes:
        fr: Rappelant la Stratégie antiterroriste mondiale<sup>1</sup>, ¶ [^1]: Résolution 60/288 de l'Assemblée générale.
        en: Recalling the Global Counter-Terrorism Strategy<sup>1</sup>, ¶ [^1]: General Assembly resolution 60/288.
    """

    code = "ST07"
    name = "structure.footnote_numbering"
    category = "structure"
    severity = "error"

    def check_document(self, context: Context) -> Iterator[Finding]:
        alignment = context.alignment
        source_doc = alignment.documents[alignment.pivot]
        source = _numbers(source_doc)
        for lang in alignment.languages:
            doc = alignment.documents[lang]
            is_source = lang == alignment.pivot
            if not is_source and not self.applies_to(lang):
                continue
            numbers = _numbers(doc)
            where = self._where(doc)
            if numbers != tuple(range(1, len(numbers) + 1)):
                yield self.finding(
                    None,
                    f"footnotes of the {lang} version are not numbered 1 to {len(numbers)}",
                    expected=_label(tuple(range(1, len(numbers) + 1))),
                    found=_label(numbers),
                    source=where if is_source else None,
                    target=None if is_source else where,
                )
            if not is_source and numbers != source:
                yield self.finding(
                    None,
                    f"the {lang} version has {len(numbers)} footnote(s), the source {len(source)}"
                    if len(numbers) != len(source)
                    else f"footnotes of the {lang} version are numbered differently from the source",
                    expected=_label(source),
                    found=_label(numbers),
                    source=self._where(source_doc),
                    target=where,
                )

    @staticmethod
    def _where(doc: Document) -> Location:
        notes = doc.by_role("footnote")
        first = notes[0] if notes else None
        return Location(
            path=doc.path, lang=doc.lang, unit=first.id if first else None, line=first.lines[0] if first else None
        )
