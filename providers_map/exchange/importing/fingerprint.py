"""Recognise organisations whose rows are exactly what their last import read (and nobody changed them since).

Their rows need no cleaning, matching or comparing: the plan is "unchanged", with the problems and notes
that import found, replayed with today's row numbers. This is what makes an unchanged re-run fast; anything
that could change the outcome makes the digest differ or the state stale: another row text, another column
layout, edited reference values, a new version of these rules or of the gazetteer, or an entry that was
edited, unpublished or locked since (its live revision is no longer the imported one).
"""

import hashlib
from functools import lru_cache

from core.db_copy import insert_rows
from providers_map.exchange.models import ImportedState
from providers_map.gazetteer import DATA_FILE
from providers_map.models import Organisation

from .planning import UNCHANGED, OrganisationPlan
from .problems import Problem
from .snapshot import chunks

RULES_VERSION = "registry-import-2"  # change whenever cleaning, checks or planning change what a row means


@lru_cache(maxsize=1)
def _gazetteer_stamp():
    stat = DATA_FILE.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def context_digest(mapping, vocabulary):
    """What else decides the meaning of a row: the columns present, the reference values, the rules."""
    digest = hashlib.sha256(RULES_VERSION.encode())
    digest.update(repr(sorted(mapping)).encode())
    for terms in (vocabulary.regions, vocabulary.service_types, vocabulary.concerns, vocabulary.languages):
        digest.update(repr(sorted(terms.lookup.items())).encode())
    digest.update(_gazetteer_stamp().encode())
    return digest.digest()


def group_digest(context, rows):
    digest = hashlib.sha256(context)
    for _, cells in rows:
        digest.update(repr(tuple(cells.items())).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def _digest(digests, key, context, rows):
    """group_digest, worked out once per group and run (`digests` is the run's {raw key: digest})."""
    if digests is None:
        return group_digest(context, rows)
    if key not in digests:
        digests[key] = group_digest(context, rows)
    return digests[key]


def fresh_plans(groups, context, digests=None):
    """{raw key: (plan, problems)} for the groups whose stored state is still valid."""
    if not groups:
        return {}
    index = {}
    for pk, key, live, locked, latest, live_revision in Organisation.objects.filter(
        import_key__isnull=False
    ).values_list("pk", "import_key", "live", "locked", "latest_revision_id", "live_revision_id"):
        if key in groups and live and not locked and latest is not None and latest == live_revision:
            index[pk] = (key, latest)
    found = {}
    for part in chunks(index):
        for state in ImportedState.objects.filter(organisation_id__in=part):
            key, revision = index[state.organisation_id]
            rows = groups[key]
            if state.revision_id != revision or state.digest != _digest(digests, key, context, rows):
                continue
            found[key] = replay(key, rows, state)
    return found


def replay(key, rows, state):
    numbers = [number for number, _ in rows]
    problems = [
        Problem(numbers[index], column, value, reason, kind)
        for index, column, value, reason, kind in state.problems
        if index < len(numbers)
    ]
    rejected_rows = {problem.row for problem in problems if problem.kind == "error"}
    plan = OrganisationPlan(key=key, name=state.name, rows=[n for n in numbers if n not in rejected_rows])
    plan.action = UNCHANGED
    plan.notices = list(state.notices)
    plan.rejected = [
        {"row": numbers[index], "kind": kind, "what": what}
        for index, kind, what in state.rejected
        if index < len(numbers)
    ]
    plan.accepted_rows = len(plan.rows)
    return plan, problems


def store(plans, groups, context, problems, digests=None):
    """Remember what this import read for each organisation it created, changed or found unchanged."""
    by_row = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    rows = []
    for plan in plans:
        pk, revision = getattr(plan, "state_target", (None, None))
        group = groups.get(plan.key)
        if pk is None or revision is None or not group:
            continue
        position = {number: index for index, (number, _) in enumerate(group)}
        stored_problems = [
            [position[p.row], p.column, p.value, p.reason, p.kind]
            for number, _ in group
            for p in by_row.get(number, [])
        ]
        rejected = [
            [position[item["row"]], item["kind"], item["what"]] for item in plan.rejected if item["row"] in position
        ]
        rows.append(
            (
                pk,
                _digest(digests, plan.key, context, group),
                revision,
                plan.name[:500],
                stored_problems,
                plan.notices,
                rejected,
            )
        )
    pks = [row[0] for row in rows]
    for part in chunks(pks):  # bookkeeping rows: deleted without the per-object signals of QuerySet.delete()
        states = ImportedState.objects.filter(organisation_id__in=part)
        states._raw_delete(states.db)
    fields = ("organisation", "digest", "revision_id", "name", "problems", "notices", "rejected")
    insert_rows(ImportedState, fields, rows)
