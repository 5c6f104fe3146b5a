"""From a feed's taxonomy terms to ours: the crosswalk the harvest reads terms through, and its review list.

A term is ours when its id is one of our term ids (portals on this software publish the same ids, see
`hsds.ids`), or when the source's crosswalk (`TermMapping`) maps it; a term whose code or name is the code or
name of exactly one of our terms is mapped so automatically (an operator can change it). Any other term is
listed for review: it attaches nothing until an operator maps it, and the next harvest applies the decision.
"""

from django.db.models import F

from providers_map.exchange.hsds import Vocabulary
from providers_map.exchange.models import TermMapping
from search.text import fold


class Crosswalk:
    def __init__(self, source, terms=None):
        self.source = source
        self.ours = Vocabulary()
        self.terms = terms or {}  # term id -> the feed's nested taxonomy_term object (for names)
        self.mappings = {m.term_id: m for m in TermMapping.objects.filter(source=source)}
        self.seen = {}  # term id -> times seen this run
        self._by_text = self._our_terms_by_text()

    def _our_terms_by_text(self):
        found = {}
        for term in self.ours.terms():
            key = self.ours.lookup(term["id"])
            for text in (term["code"], term["name"]):
                found.setdefault(fold(text), set()).add(key)
        return {text: keys.pop() for text, keys in found.items() if len(keys) == 1}

    def lookup(self, term_id):
        """(our taxonomy key, code) for a feed's term id, or None (then it waits for review)."""
        found = self.ours.lookup(term_id)
        if found:
            return found
        term_id = str(term_id or "")[:100]
        if not term_id:
            return None
        self.seen[term_id] = self.seen.get(term_id, 0) + 1
        mapping = self.mappings.get(term_id)
        if mapping is None:
            mapping = self.mappings[term_id] = self._new_mapping(term_id)
        if mapping.target and not mapping.ignored:
            key, _slash, code = mapping.target.partition("/")
            return key, code
        return None

    def _new_mapping(self, term_id):
        term = self.terms.get(term_id, {})
        code, name = str(term.get("code") or "")[:200], str(term.get("name") or "")[:300]
        taxonomy = term.get("taxonomy_detail") or {}
        guess = self._by_text.get(fold(code)) or self._by_text.get(fold(name))
        return TermMapping(
            source=self.source,
            term_id=term_id,
            term_code=code,
            term_name=name,
            taxonomy_name=str(taxonomy.get("name") or term.get("taxonomy") or "")[:300],
            target=f"{guess[0]}/{guess[1]}" if guess else "",
        )

    def save(self):
        """Store new terms and count the seen ones; returns the terms still waiting for review."""
        new = [m for m in self.mappings.values() if m.pk is None]
        TermMapping.objects.bulk_create(new, ignore_conflicts=True)
        for term_id, count in self.seen.items():
            TermMapping.objects.filter(source=self.source, term_id=term_id).update(seen=F("seen") + count)
        return [
            {"id": m.term_id, "code": m.term_code, "name": m.term_name}
            for m in self.mappings.values()
            if m.term_id in self.seen and m.pending
        ]
