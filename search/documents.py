"""The shared document schema of the portal's search indices, and its Elasticsearch mapping.

Every kind turns its objects into an `Entry`; `entry_source` makes the Elasticsearch `_source` of it and
search/fallback.py the database record, so both backends index exactly the same words.

Index settings use only Elasticsearch's core analysis (the minimal distribution has nothing else): text is
already lemmatised in Python by search.text, so the fields only split on whitespace.
The same settings run on a full production cluster.
"""

from dataclasses import dataclass, field

from elasticsearch_dsl import Date, Document, Float, GeoPoint, InnerDoc, Integer, Keyword, Nested, Text

from search import text

# search.text.terms() output is lemmas separated by spaces, folded, stop words removed: the built-in
# `whitespace` analyzer indexes it as it is (the core has that analyzer, not the tokenizer by name).
TERMS_ANALYZER = "whitespace"
ANALYSIS = {"normalizer": {"folded": {"type": "custom", "filter": ["lowercase"]}}}

# Weighted text fields, from the strongest to the weakest (the fallback uses the same weights).
FIELDS = ("title", "name", "tag", "place", "body")
WEIGHTS = {"title": 8.0, "name": 5.0, "tag": 4.0, "place": 3.0, "body": 1.0}

# Facet keys every kind may fill; /search/ shows those its kind declares.
FACET_KEYS = (
    "topic",
    "age",
    "concern",
    "audience",
    "type",
    "region",
    "service",
    "ownership",
    "cost",
    "delivery",
    "year",
    "evidence",
)


@dataclass
class Cue:
    start: float
    text: str


@dataclass
class Entry:
    """One searchable object in the shared schema.

    `texts` maps field names (FIELDS) to plain text; `facets` maps FACET_KEYS to lists of values (slugs,
    codes); `points` are (lat, lon) pairs; `open_rank` puts closed providers after working ones.
    """

    key: str
    title: str
    url: str
    texts: dict = field(default_factory=dict)
    snippet_text: str = ""
    facets: dict = field(default_factory=dict)
    cues: list = field(default_factory=list)
    points: list = field(default_factory=list)
    open_rank: int = 0
    published: object = None
    version: str = ""
    terms_cache: dict | None = field(default=None, repr=False, compare=False)


class CueDoc(InnerDoc):
    start = Float()
    text = Text(index=False)
    terms = Text(analyzer=TERMS_ANALYZER)


class EntryDocument(Document):
    """Mapping of every cross-search kind's index (one schema, so one query searches all kinds)."""

    kind = Keyword()
    key = Keyword()
    url = Keyword(index=False)
    title = Text(index=False)
    title_terms = Text(analyzer=TERMS_ANALYZER)
    name_terms = Text(analyzer=TERMS_ANALYZER)
    tag_terms = Text(analyzer=TERMS_ANALYZER)
    place_terms = Text(analyzer=TERMS_ANALYZER)
    body_terms = Text(analyzer=TERMS_ANALYZER)
    title_words = Text(analyzer=TERMS_ANALYZER)
    names = Keyword()
    body_text = Text(index=False)
    cues = Nested(CueDoc)
    geo = GeoPoint()
    open_rank = Integer()
    published = Date()
    version = Keyword()
    topic = Keyword()
    age = Keyword()
    concern = Keyword()
    audience = Keyword()
    type = Keyword()
    region = Keyword()
    service = Keyword()
    ownership = Keyword()
    cost = Keyword()
    delivery = Keyword()
    year = Keyword()
    evidence = Keyword()


def replicas_for(client):
    """Copies of each shard a new index gets: one on a cluster of several data nodes, so losing a node loses no
    data and no answer; none on a single node, where a replica could never be placed (the index would stay
    yellow)."""
    data_nodes = client.cluster.health(filter_path="number_of_data_nodes")["number_of_data_nodes"]
    return min(1, data_nodes - 1)


def index_body(document_class, replicas=0):
    """Settings and mappings for a new concrete index of a kind (`replicas_for` the cluster it goes to)."""
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": replicas,
            "refresh_interval": "1s",
            "analysis": ANALYSIS,
        },
        "mappings": document_class._doc_type.mapping.to_dict(),
    }


def field_terms(entry):
    """{field: "lemma lemma ..."} for the weighted fields of an entry (computed once per entry)."""
    if entry.terms_cache is None:
        entry.terms_cache = {name: text.lemmatise(entry.texts.get(name, "")) for name in FIELDS}
    return entry.terms_cache


def name_keys(entry):
    """The object's names as lemmas (its title, and each line of its `name` text): a query that says one of them
    exactly is looking for this object («фонд Солнце в ладошках»)."""
    lines = [entry.title, *entry.texts.get("name", "").split("\n")]
    return sorted({key for key in map(text.lemmatise, lines) if key})


def entry_source(entry, kind_name=None):
    terms = field_terms(entry)
    source = {
        "kind": kind_name,
        "key": entry.key,
        "url": entry.url,
        "title": entry.title,
        **{f"{name}_terms": value for name, value in terms.items()},
        "title_words": " ".join(text.words(entry.title)),
        "names": name_keys(entry),
        "body_text": entry.snippet_text[:20000],
        "cues": [{"start": cue.start, "text": cue.text, "terms": text.lemmatise(cue.text)} for cue in entry.cues],
        "geo": [{"lat": float(lat), "lon": float(lon)} for lat, lon in entry.points],
        "open_rank": entry.open_rank,
        "published": entry.published,
        "version": entry.version,
    }
    for facet in FACET_KEYS:
        values = entry.facets.get(facet)
        if values:
            source[facet] = [str(v) for v in values]
    return source
