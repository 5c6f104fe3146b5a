"""What editors keep: one milestone checklist per checkpoint, and the warning signs that matter at any age.

Both are snippets with drafts, revisions, locking, preview and the moderation workflow (the same
"Moderators approval" workflow as the registry, assigned by migration 0002). Visitors only ever see the
published (live) version.
"""

from .base import MAX_MILESTONES, MAX_WARNING_SIGNS, Question, ReviewedContent, Source
from .checklists import AreaAdvice, Milestone, MilestoneChecklist
from .warning_signs import WarningSign, WarningSignList, fingerprint

__all__ = [
    "MAX_MILESTONES",
    "MAX_WARNING_SIGNS",
    "AreaAdvice",
    "Milestone",
    "MilestoneChecklist",
    "Question",
    "ReviewedContent",
    "Source",
    "WarningSign",
    "WarningSignList",
    "fingerprint",
]
