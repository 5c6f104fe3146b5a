from .detail import organisation_detail
from .listing import organisation_list
from .my_list import my_list
from .report import report_error, report_thanks

__all__ = ["my_list", "organisation_detail", "organisation_list", "report_error", "report_thanks"]
