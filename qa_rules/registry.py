"""The explicit list of QA rules. A rule not listed here does not run.

Add a rule by importing its class and appending it to ``RULES``; a meta-test
fails if a ``Rule`` subclass exists in ``qa_rules`` and is missing here.
"""

from __future__ import annotations

from qa_rules.base import Rule
from qa_rules.structure.st01_missing import MissingParagraph
from qa_rules.structure.st02_extra import ExtraParagraph
from qa_rules.structure.st03_merged import MergedParagraphs
from qa_rules.structure.st04_split import SplitParagraph
from qa_rules.structure.st05_numbering import OperativeNumbering
from qa_rules.structure.st06_numbering_parity import NumberingParity
from qa_rules.structure.st07_footnotes import FootnoteNumbering
from qa_rules.structure.st08_footnote_markers import FootnoteMarkers
from qa_rules.structure.st09_blank_line_split import BlankLineSplit
from qa_rules.structure.st10_not_a_translation import NotATranslation
from qa_rules.numbers.nu01_mismatch import NumberMismatch
from qa_rules.numbers.nu02_ordinal import OrdinalMismatch
from qa_rules.numbers.nu03_words import NumberWordMismatch
from qa_rules.numbers.nu04_percent import PercentMismatch
from qa_rules.numbers.nu05_format import NumberFormat
from qa_rules.numbers.nu06_digit_system import DigitSystem
from qa_rules.references.rf01_symbol import SymbolMismatch
from qa_rules.references.rf02_resolution import ResolutionMismatch
from qa_rules.references.rf03_treaty import TreatyMismatch
from qa_rules.dates.da01_mismatch import DateMismatch
from qa_rules.dates.da02_format import DateFormat
from qa_rules.untranslated.ut01_wrong_language import WrongLanguage
from qa_rules.untranslated.ut02_identical import IdenticalToSource
from qa_rules.untranslated.ut03_copied_passage import CopiedPassage
from qa_rules.consistency.co01_source_variants import SourceVariants
from qa_rules.consistency.co02_target_collisions import TargetCollision
from qa_rules.consistency.co09_recycled import RecycledText
from qa_rules.punctuation.pu01_paragraph_end import ParagraphEnd
from qa_rules.punctuation.pu02_brackets import UnbalancedBrackets
from qa_rules.punctuation.pu03_quotes_balance import UnbalancedQuotes
from qa_rules.punctuation.pu04_quote_style import QuoteStyle
from qa_rules.punctuation.pu05_script_form import ScriptPunctuation
from qa_rules.spacing.sp01_double_space import DoubleSpace
from qa_rules.spacing.sp02_space_before_punctuation import SpaceBeforePunctuation
from qa_rules.spacing.sp03_french_nbsp import FrenchNoBreakSpace
from qa_rules.spacing.sp04_missing_space_after import MissingSpaceAfter
from qa_rules.spacing.sp05_space_between_characters import SpaceBetweenCharacters
from qa_rules.spacing.sp06_full_width_forms import FullWidthForms
from qa_rules.markup.mk01_italic_opening import ItalicOpening
from qa_rules.markup.mk02_italic_title import ItalicTitle
from qa_rules.markup.mk03_footnote_marker_text import FootnoteMarkerText
from qa_rules.markup.mk09_inline_codes import InlineCodes
from qa_rules.length.le01_ratio_outlier import LengthOutlier
from qa_rules.spelling.sc01_misspelling import Misspelling
from qa_rules.spelling.sc02_ize_spelling import IzeSpelling
from qa_rules.terminology.te01_missing_term import MissingTerm
from qa_rules.terminology.te02_rejected_term import RejectedTerm
from qa_rules.terminology.te03_country_outdated import OutdatedCountryName
from qa_rules.terminology.te04_country_form import CountryNameForm
from qa_rules.terminology.te05_inconsistent_term import InconsistentTerm

RULES: tuple[type[Rule], ...] = (
    # structure
    MissingParagraph,
    ExtraParagraph,
    MergedParagraphs,
    SplitParagraph,
    OperativeNumbering,
    NumberingParity,
    FootnoteNumbering,
    FootnoteMarkers,
    BlankLineSplit,
    NotATranslation,
    # numbers
    NumberMismatch,
    OrdinalMismatch,
    NumberWordMismatch,
    PercentMismatch,
    NumberFormat,
    DigitSystem,
    # references
    SymbolMismatch,
    ResolutionMismatch,
    TreatyMismatch,
    # dates
    DateMismatch,
    DateFormat,
    # untranslated
    WrongLanguage,
    IdenticalToSource,
    CopiedPassage,
    # consistency
    SourceVariants,
    TargetCollision,
    RecycledText,
    # punctuation
    ParagraphEnd,
    UnbalancedBrackets,
    UnbalancedQuotes,
    QuoteStyle,
    ScriptPunctuation,
    # spacing
    DoubleSpace,
    SpaceBeforePunctuation,
    FrenchNoBreakSpace,
    MissingSpaceAfter,
    SpaceBetweenCharacters,
    FullWidthForms,
    # markup
    ItalicOpening,
    ItalicTitle,
    FootnoteMarkerText,
    InlineCodes,
    # length
    LengthOutlier,
    # spelling
    Misspelling,
    IzeSpelling,
    # terminology
    MissingTerm,
    RejectedTerm,
    OutdatedCountryName,
    CountryNameForm,
    InconsistentTerm,
)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in RULES:
        if rule.code == code.upper():
            return rule
    return None
