"""Family P: template artefacts left in a document (placeholders, injected boilerplate)."""

from __future__ import annotations

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "placeholder:TemplatePlaceholder",
    "letter_placeholder:LetterPlaceholder",
    "instruction_note:InstructionNote",
    "generic_name:GenericNameInTemplate",
    "title_injection:InjectedTitle",
    "web_chrome:WebChrome",
    "site_boilerplate:TemplateSiteBoilerplate",
    "markup:MarkupResidue",
    "licence_footer:LicenceFooter",
    "photo_caption:PhotoCaption",
))
