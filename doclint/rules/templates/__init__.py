"""Family P: template artefacts left in a document (placeholders, injected boilerplate)."""

from __future__ import annotations

from doclint.rules.templates.generic_name import GenericNameInTemplate
from doclint.rules.templates.instruction_note import InstructionNote
from doclint.rules.templates.letter_placeholder import LetterPlaceholder
from doclint.rules.templates.licence_footer import LicenceFooter
from doclint.rules.templates.markup import MarkupResidue
from doclint.rules.templates.photo_caption import PhotoCaption
from doclint.rules.templates.placeholder import TemplatePlaceholder
from doclint.rules.templates.site_boilerplate import TemplateSiteBoilerplate
from doclint.rules.templates.title_injection import InjectedTitle
from doclint.rules.templates.web_chrome import WebChrome

RULES: list[type] = [
    TemplatePlaceholder,
    LetterPlaceholder,
    InstructionNote,
    GenericNameInTemplate,
    InjectedTitle,
    WebChrome,
    TemplateSiteBoilerplate,
    MarkupResidue,
    LicenceFooter,
    PhotoCaption,
]
