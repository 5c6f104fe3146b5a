"""StreamField blocks of the home app (re-exported: migrations refer to `home.blocks.<Name>`); shared: core.blocks."""

from home.blocks.basic import AudienceCardBlock, HeadingBlock, StandardBodyBlock
from home.blocks.guidance import (
    CalloutBlock,
    FindHelpBlock,
    GuidanceBodyBlock,
    ImageBlock,
    KeyPointBlock,
    QuestionsBlock,
    RelatedPageBlock,
    StepsBlock,
    SummaryBlock,
    providers_list_url,
)

__all__ = [
    "AudienceCardBlock",
    "CalloutBlock",
    "FindHelpBlock",
    "GuidanceBodyBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyPointBlock",
    "QuestionsBlock",
    "RelatedPageBlock",
    "StandardBodyBlock",
    "StepsBlock",
    "SummaryBlock",
    "providers_list_url",
]
