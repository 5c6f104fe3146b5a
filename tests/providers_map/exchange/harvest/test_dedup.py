"""De-duplication on a labelled set: at least 98 % of true duplicates found, no false merge."""

from providers_map.exchange.harvest.dedup import Matcher, compare, normal_address, normal_name
from providers_map.exchange.harvest.records import Identity
from tests.providers_map.exchange.harvest.labelled import labelled_set


def test_labelled_set_recall_and_precision():
    a, b, truth = labelled_set()
    matcher = Matcher(a)
    merged, proposed = set(), set()
    for identity in b:
        found = matcher.match(identity)
        if found is None:
            continue
        key, verdict, _decision = found
        (merged if verdict.same else proposed).add((key, identity.key))
    false_merges = merged - truth
    found = (merged | proposed) & truth
    recall = len(found) / len(truth)
    merge_precision = len(merged & truth) / len(merged)
    review_precision = len(proposed & truth) / len(proposed) if proposed else 1.0
    print(
        f"\nDe-duplication on {len(truth)} true pairs among {len(a)} × {len(b)} records: recall {recall:.1%} "
        f"({len(merged & truth)} merged at once, {len(proposed & truth)} sent to review), "
        f"precision of merges {merge_precision:.1%}, of review proposals {review_precision:.1%}"
    )
    assert false_merges == set()
    assert recall >= 0.98


def test_identifiers_decide_first_and_normalisation_reads_other_spellings():
    same_inn = Identity(key="a", name="Центр «Радуга»", inn="4208000018")
    assert compare(same_inn, Identity(key="b", name="Совсем другое имя", inn="4208000018")).same
    assert compare(same_inn, Identity(key="c", name="Центр «Радуга»", inn="4208000026")).score == 0
    assert normal_name("Государственное бюджетное учреждение «Радуга»") == normal_name('ГБУ "РАДУГА"')
    assert normal_address("улица Ленина, дом 5") == normal_address("ул. Ленина, д.5")
    twins = compare(
        Identity(key="a", name="Детская поликлиника № 12"), Identity(key="b", name="Детская поликлиника № 21")
    )
    assert twins.score == 0
