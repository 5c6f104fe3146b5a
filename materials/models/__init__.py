from .transcripts import TranscriptCue

__all__ = ["TranscriptCue"]
