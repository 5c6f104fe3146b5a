"""The answer link: compact, signed, and refused when too long, damaged or forged."""

from datetime import date

import pytest

from selfcheck import links
from selfcheck.areas import Answer

ANSWERS = links.AnswerSet(
    checkpoint=24,
    months=25,
    weeks=None,
    answered_on=date(2026, 12, 7),
    fingerprint=b"\x01\x02\x03\x04",
    milestones=(Answer.YES, Answer.NOT_YET, Answer.UNSURE, Answer.NONE, Answer.NOT_YET) * 3,
    signs=(False, True, False),
)


def test_answers_survive_the_link_and_it_stays_short():
    token = links.encode(ANSWERS)
    assert links.decode(token, today=date(2026, 12, 8)) == ANSWERS
    assert len(token) < 90
    assert "not_yet" not in token and "yes" not in token  # the answers are bits, not words


def test_the_longest_checklist_fits_under_the_limit():
    longest = links.AnswerSet(24, 47, 30, date(2026, 12, 7), b"abcd", (Answer.UNSURE,) * 64, (True,) * 64)
    assert len(links.encode(longest)) <= links.MAX_TOKEN_LENGTH


def _flip(token, position):
    char = token[position]
    return token[:position] + ("A" if char != "A" else "B") + token[position + 1 :]


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (lambda t: _flip(t, 5), "damaged"),  # an answer changed by hand
        (lambda t: _flip(t, len(t) - 3), "damaged"),  # the signature changed
        (lambda t: t.split(":")[0], "damaged"),  # no signature
        (lambda t: "", "damaged"),
        (lambda t: "%%%:!!!", "damaged"),
        (lambda t: t + "A" * 200, "too_long"),
    ],
)
def test_forged_or_oversized_links_are_refused(token, reason):
    with pytest.raises(links.LinkError) as error:
        links.decode(token(links.encode(ANSWERS)))
    assert error.value.reason == reason


def test_a_link_signed_with_another_key_is_refused(settings):
    token = links.encode(ANSWERS)
    settings.SECRET_KEY = "another-key-entirely"
    with pytest.raises(links.LinkError):
        links.decode(token)


def test_a_well_signed_link_with_impossible_contents_is_refused():
    for bad in (
        ANSWERS.__class__(**{**ANSWERS.__dict__, "checkpoint": 25}),  # not a checkpoint
        ANSWERS.__class__(**{**ANSWERS.__dict__, "months": 60}),  # beyond the ages served
        ANSWERS.__class__(**{**ANSWERS.__dict__, "answered_on": date(2031, 1, 1)}),  # answered in the future
    ):
        with pytest.raises(links.LinkError):
            links.decode(links.encode(bad), today=date(2026, 12, 8))
