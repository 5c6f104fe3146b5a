from .editorial import PromotedResult, SynonymGroup
from .index_state import PendingUpdate, SearchFacetValue, SearchPosting, SearchRecord, SearchTerm
from .query_stats import QueryStat

__all__ = [
    "PendingUpdate",
    "PromotedResult",
    "QueryStat",
    "SearchFacetValue",
    "SearchPosting",
    "SearchRecord",
    "SearchTerm",
    "SynonymGroup",
]
