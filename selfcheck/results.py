"""What the answers say, per area: «пока всё идёт как у большинства детей» or «стоит поговорить со специалистом».

The rule is the one the 2022 checklists were rebuilt for: each milestone is what about three children in four
do by this age, so one «Пока нет» is reason enough to talk to a specialist now rather than wait. «Не знаю»
asks the parent to watch for a few days; a warning sign flags its area (or development as a whole). No rule
here names a condition: the result is a next step, never a diagnosis.
"""

from dataclasses import dataclass, field

from selfcheck.areas import AREAS, Answer


class Verdict:
    TALK = "talk"  # стоит поговорить со специалистом
    TYPICAL = "typical"  # пока всё идёт как у большинства детей
    UNKNOWN = "unknown"  # no milestone of the area answered «Да» or «Пока нет»


@dataclass
class AreaResult:
    area: object  # selfcheck.areas.Area
    answered: list = field(default_factory=list)  # [(milestone, Answer value)] in the checklist's order
    signs: list = field(default_factory=list)  # warning signs of this area the parent noticed

    @property
    def not_yet(self):
        return [milestone for milestone, answer in self.answered if answer == Answer.NOT_YET]

    @property
    def unsure(self):
        return [milestone for milestone, answer in self.answered if answer in (Answer.UNSURE, Answer.NONE)]

    @property
    def verdict(self):
        if self.not_yet or self.signs:
            return Verdict.TALK
        if any(answer == Answer.YES for _milestone, answer in self.answered):
            return Verdict.TYPICAL
        return Verdict.UNKNOWN

    @property
    def flagged(self):
        return self.verdict == Verdict.TALK


@dataclass
class Evaluation:
    areas: list  # [AreaResult] in the areas' order, only areas the checklist has
    general_signs: list  # noticed warning signs that belong to no single area

    @property
    def noticed_signs(self):
        return self.general_signs + [sign for area in self.areas for sign in area.signs]

    @property
    def flagged_areas(self):
        return [area for area in self.areas if area.flagged]

    @property
    def any_flag(self):
        return bool(self.flagged_areas or self.general_signs)


def evaluate(milestones, answers, signs, noticed):
    """`milestones` and `answers` in the checklist's order; `signs` the warning signs asked, `noticed` flags."""
    by_area = {area.code: AreaResult(area) for area in AREAS}
    for milestone, answer in zip(milestones, answers, strict=True):
        if milestone.area in by_area:
            by_area[milestone.area].answered.append((milestone, answer))
    general = []
    for sign, flag in zip(signs, noticed, strict=True):
        if not flag:
            continue
        if sign.area in by_area:
            by_area[sign.area].signs.append(sign)
        else:
            general.append(sign)
    areas = [result for result in by_area.values() if result.answered or result.signs]
    return Evaluation(areas=areas, general_signs=general)
