from home.models.feedback import PageFeedback
from home.models.guidance import GuidanceIndexPage, GuidancePage
from home.models.pages import HomePage, StandardPage

__all__ = ["GuidanceIndexPage", "GuidancePage", "HomePage", "PageFeedback", "StandardPage"]
