from .detail import organisation_detail
from .listing import organisation_list
from .my_list import my_list
from .open_data import download as open_data_download
from .open_data import open_data
from .report import report_error, report_thanks

__all__ = [
    "my_list",
    "open_data",
    "open_data_download",
    "organisation_detail",
    "organisation_list",
    "report_error",
    "report_thanks",
]
