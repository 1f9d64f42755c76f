"""Language facts the structure parser needs, as data: one row per official language.

- ``openers``: the line that opens the resolution's body, in order of preference
  (a General Assembly text inside an ECOSOC resolution opens at the Assembly line;
  the Council lines before it are meta).
- ``meeting``: the closing line naming the plenary meeting.
- ``closing_punct``: what a preambular or operative paragraph ends with; a
  paragraph whose first half does not end with one of these was cut by a page break.
- ``cased``: whether a continuation can be recognised by its lower-case start
  (False for Russian, whose preambular participles and operative verbs start in
  lower case, and for the caseless Chinese and Arabic: there only the missing
  closing punctuation of the first half tells a cut).
- ``joiner``: what replaces a hard line break (Chinese joins with nothing).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LangFacts:
    openers: tuple[str, ...]
    meeting: str
    closing_punct: str
    cased: bool
    joiner: str


_Q = r"[«\"“„*\s]*"  # quotes or italic marks before the opener
# the end of the opener line: closing quotes or italic marks, a comma or colon, more italic marks.
# Written so that no two unbounded runs can split the same characters (``[\s*»”]*[,:]?[\s*]*``
# could, and backtracked quadratically over a long run of spaces).
_END = r"[\s*»”]*(?:[,،，:][\s*]*)?$"

LANGS: dict[str, LangFacts] = {
    "fr": LangFacts(
        openers=(_Q + r"L['’]\s?Assemblée générale" + _END, _Q + r"Le Conseil économique et social" + _END,
                 _Q + r"Le Conseil de sécurité" + _END),
        meeting=r"séance plénière",
        closing_punct=",;.:»",
        cased=True,
        joiner=" ",
    ),
    "en": LangFacts(
        openers=(_Q + r"The General Assembly" + _END, _Q + r"The Economic and Social Council" + _END,
                 _Q + r"The Security Council" + _END),
        meeting=r"plenary meeting",
        closing_punct=",;.:”\"",
        cased=True,
        joiner=" ",
    ),
    "es": LangFacts(
        openers=(_Q + r"La Asamblea General" + _END, _Q + r"El Consejo Económico y Social" + _END,
                 _Q + r"El Consejo de Seguridad" + _END),
        meeting=r"sesión plenaria",
        closing_punct=",;.:»”",
        cased=True,
        joiner=" ",
    ),
    "ru": LangFacts(
        openers=(_Q + r"Генеральная Ассамблея" + _END, _Q + r"Экономический и Социальный Совет" + _END,
                 _Q + r"Совет Безопасности" + _END),
        meeting=r"пленарн\w+ заседани\w+",
        closing_punct=",;.:»",
        cased=False,
        joiner=" ",
    ),
    "zh": LangFacts(
        openers=(_Q + r"大\s?会" + _END, _Q + r"经济及社会理事会" + _END, _Q + r"安全理事会" + _END),
        meeting=r"全体会议",
        closing_punct="，；。：,;.:”」",
        cased=False,
        joiner="",
    ),
    "ar": LangFacts(
        openers=(_Q + r"(?:إن\s+)?الجمعية العامة" + _END, _Q + r"(?:إن\s+)?المجلس الاقتصادي والاجتماعي" + _END,
                 _Q + r"(?:إن\s+)?مجلس الأمن" + _END),
        meeting=r"الجلسة العامة",
        closing_punct="،؛.:,;»",
        cased=False,
        joiner=" ",
    ),
}
