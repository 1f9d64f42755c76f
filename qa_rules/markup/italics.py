"""Where a unit's italics are: the opening phrase and the rest (titles).

UN resolutions italicize the phrase that opens a preambular or operative
paragraph (*Recalling*, *Requests*) and the titles of publications
(*Treaty Series*). The opening span is the italic span with no letter before
it (an operative number ``12.`` may precede it).

Whether a version follows that convention is its language's data
(``[typography] italics``: English, French, Spanish, Russian), or, for a
language whose UN texts are not italicized by default (Chinese, Arabic), the
version's own practice: a document that opens most of its paragraphs in
italics has adopted the convention, and a paragraph of it that does not is
inconsistent with the rest.
"""

from __future__ import annotations

from typing import Mapping

from aligner.model import Document, Span, Unit

#: Roles whose paragraphs open with an italic phrase.
OPENING_ROLES = ("preambular", "operative")
#: A document has adopted the italic openings when at least this many of its paragraphs
#: (and this share of them) open in italics.
MIN_ITALIC_OPENINGS, MIN_ITALIC_SHARE = 3, 0.5


def opening_span(unit: Unit) -> Span | None:
    """The italic span that opens ``unit``'s text, if any."""
    first_letter = next((i for i, ch in enumerate(unit.text) if ch.isalpha()), None)
    if first_letter is None:
        return None
    for span in unit.italic:
        if span.start <= first_letter < max(span.end, span.start + 1):
            return span
    return None


def other_spans(unit: Unit) -> tuple[Span, ...]:
    """The italic spans that are not the opening phrase (titles, terms)."""
    opening = opening_span(unit)
    return tuple(span for span in unit.italic if span != opening and span.text.strip())


def opens_in_italics(doc: Document, roles: tuple[str, ...] = OPENING_ROLES) -> bool:
    """Whether most of ``doc``'s paragraphs of ``roles`` open with an italic phrase."""
    units = [unit for unit in doc.units if unit.role in roles]
    italic = sum(opening_span(unit) is not None for unit in units)
    return italic >= MIN_ITALIC_OPENINGS and italic >= MIN_ITALIC_SHARE * len(units)


def italic_languages(documents: Mapping[str, Document]) -> frozenset[str]:
    """The languages of a run that follow the italic-opening convention: by their
    language data, or (Chinese, Arabic) by their document's own practice."""
    from qa_rules.langdata import UnsupportedLanguageError
    from qa_rules.punctuation.langfacts import facts

    langs = set()
    for lang, doc in documents.items():
        try:
            by_convention = facts(lang).italics
        except UnsupportedLanguageError:
            continue
        if by_convention or opens_in_italics(doc):
            langs.add(lang)
    return frozenset(langs)


def italic_languages_of(context) -> frozenset[str]:
    """``italic_languages`` of a run's documents, computed once per run (kept in ``Context.facts``)."""
    facts = context.facts
    cached = facts.get("markup.italic_languages") if facts else None
    if cached is not None and cached[0] is context.alignment:
        return cached[1]
    value = italic_languages(context.alignment.documents)
    if isinstance(facts, dict):
        facts["markup.italic_languages"] = (context.alignment, value)
    return value
