"""What the answers say per area: one «Пока нет» or a warning sign of the area is enough to talk to a specialist."""

from types import SimpleNamespace

from selfcheck.areas import Answer
from selfcheck.results import Verdict, evaluate

MILESTONES = [
    SimpleNamespace(area="communication", text="Говорит два слова вместе."),
    SimpleNamespace(area="communication", text="Показывает две части тела."),
    SimpleNamespace(area="social", text="Замечает, когда кому-то грустно."),
    SimpleNamespace(area="movement", text="Бегает."),
]
SIGNS = [SimpleNamespace(area="", text="Перестал делать то, что умел."), SimpleNamespace(area="social", text="Имя.")]


def verdicts(answers, noticed=(False, False)):
    evaluation = evaluate(MILESTONES, answers, SIGNS, noticed)
    return {result.area.code: result.verdict for result in evaluation.areas}, evaluation


def test_one_not_yet_flags_the_area_and_only_it():
    found, evaluation = verdicts([Answer.YES, Answer.NOT_YET, Answer.YES, Answer.YES])
    assert found == {"communication": Verdict.TALK, "social": Verdict.TYPICAL, "movement": Verdict.TYPICAL}
    assert [m.text for m in evaluation.areas[0].not_yet] == ["Показывает две части тела."]


def test_dont_know_asks_to_watch_and_no_answer_at_all_says_so():
    found, evaluation = verdicts([Answer.YES, Answer.UNSURE, Answer.NONE, Answer.UNSURE])
    assert found == {"communication": Verdict.TYPICAL, "social": Verdict.UNKNOWN, "movement": Verdict.UNKNOWN}
    assert len(evaluation.areas[0].unsure) == 1


def test_a_warning_sign_flags_its_area_or_development_as_a_whole():
    found, evaluation = verdicts([Answer.YES] * 4, noticed=(True, True))
    assert found["social"] == Verdict.TALK
    assert [sign.text for sign in evaluation.general_signs] == ["Перестал делать то, что умел."]
    assert evaluation.any_flag
