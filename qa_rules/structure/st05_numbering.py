"""ST05 structure.operative_numbering."""

from __future__ import annotations

from typing import Iterator

from aligner.model import Document
from qa_rules.base import Context, Rule
from qa_rules.model import Finding, Location


class OperativeNumbering(Rule):
    """Operative paragraphs of a version are not numbered 1, 2, 3... (gap, repeat or order).

    Checked in every version, the source included, once per run.

    Flags:
        fr: 1. Prie l'Office de continuer à fournir une assistance technique, ¶ 2. Invite les États Membres à verser des contributions,
        en: 1. Requests the Office to continue to provide technical assistance, ¶ 3. Invites Member States to contribute,

    Passes:
        fr: 1. Prie l'Office de continuer à fournir une assistance technique, ¶ 2. Invite les États Membres à verser des contributions,
        en: 1. Requests the Office to continue to provide technical assistance, ¶ 2. Invites Member States to contribute,
    """

    code = "ST05"
    name = "structure.operative_numbering"
    category = "structure"
    severity = "error"

    def check_document(self, context: Context) -> Iterator[Finding]:
        alignment = context.alignment
        for lang in alignment.languages:
            doc = alignment.documents[lang]
            if lang != alignment.pivot and not self.applies_to(lang):
                continue
            yield from self._check(doc, is_source=lang == alignment.pivot)

    def _check(self, doc: Document, is_source: bool) -> Iterator[Finding]:
        expected = 1
        seen: set[int] = set()
        tolerated: int | None = None  # after "26, 26", a 28 is the same slip, not a second one
        for unit in doc.by_role("operative"):
            if unit.number is None:
                continue
            number = unit.number
            if number != expected and number != tolerated:
                if number in seen:
                    problem = f"paragraph {number} is numbered twice"
                elif number < expected:
                    problem = f"paragraph {number} comes after paragraph {expected - 1}"
                else:
                    problem = f"numbering jumps from {expected - 1} to {number}"
                where = Location(path=doc.path, lang=doc.lang, unit=unit.id, line=unit.lines[0])
                yield self.finding(
                    None,
                    f"operative numbering of the {doc.lang} version: {problem}",
                    expected=str(expected),
                    found=str(number),
                    source=where if is_source else None,
                    target=None if is_source else where,
                )
            tolerated = number + 2 if number in seen else None
            seen.add(number)
            expected = max(expected, number + 1)
