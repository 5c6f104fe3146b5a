from .editorial import PromotedResult, SynonymGroup
from .index_state import PendingUpdate, SearchFacetValue, SearchRecord, SearchTerm
from .query_stats import QueryStat

__all__ = [
    "PendingUpdate",
    "PromotedResult",
    "QueryStat",
    "SearchFacetValue",
    "SearchRecord",
    "SearchTerm",
    "SynonymGroup",
]
