from .pages import AUDIENCES, EvidenceStatus, MaterialFile, MaterialPage, MaterialsIndexPage, MaterialType
from .transcripts import TranscriptCue

__all__ = [
    "AUDIENCES",
    "EvidenceStatus",
    "MaterialFile",
    "MaterialPage",
    "MaterialType",
    "MaterialsIndexPage",
    "TranscriptCue",
]
