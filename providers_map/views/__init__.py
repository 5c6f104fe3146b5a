from .detail import organisation_detail
from .report import report_error, report_thanks

__all__ = ["organisation_detail", "report_error", "report_thanks"]
