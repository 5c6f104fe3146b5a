"""The answer link: a parent's answers live in the result's URL, never on the server.

    token = encode(AnswerSet(...))          -> "AQgYIA…:3fQ…"  (compact bytes, base64url, signed)
    answers = decode(token)                 -> AnswerSet, or LinkError with a reason

Layout (version 1), big-endian: version, checkpoint (months), age (months), weeks at birth (0 = at term or
unknown), the day answered (days since 2020-01-01), the checklist's fingerprint (4 bytes: which questions, in
which order), the number of milestones and of warning signs, then two bits per milestone (0 unanswered,
1 yes, 2 not yet, 3 don't know) and one bit per warning sign. The whole is signed with the site's key
(django.core.signing, salted), so a link changed by hand is refused instead of showing answers nobody gave.
About 80 characters for the longest checklist.
"""

import base64
import binascii
import struct
from dataclasses import dataclass
from datetime import date, timedelta

from django.core import signing

from selfcheck.age import EARLIEST_WEEKS, MAX_MONTHS, PRETERM_BEFORE_WEEKS
from selfcheck.areas import CHECKPOINTS, Answer

VERSION = 1
EPOCH = date(2020, 1, 1)
HEADER = struct.Struct(">BBBBH4sBB")
MAX_TOKEN_LENGTH = 160
MAX_ITEMS = 64
SALT = "selfcheck.answers"


class LinkError(ValueError):
    """Why an answer link cannot be read: "too_long", "damaged" or "outdated" (the checklist changed)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AnswerSet:
    checkpoint: int
    months: int
    weeks: int | None
    answered_on: date
    fingerprint: bytes
    milestones: tuple  # Answer values in the checklist's order
    signs: tuple  # booleans in the warning signs' order


def encode(answers):
    milestone_bits = _pack([Answer.CODES[value] for value in answers.milestones], 2)
    sign_bits = _pack([1 if flag else 0 for flag in answers.signs], 1)
    header = HEADER.pack(
        VERSION,
        answers.checkpoint,
        answers.months,
        answers.weeks or 0,
        (answers.answered_on - EPOCH).days,
        answers.fingerprint,
        len(answers.milestones),
        len(answers.signs),
    )
    text = base64.urlsafe_b64encode(header + milestone_bits + sign_bits).decode().rstrip("=")
    return signing.Signer(salt=SALT).sign(text)


def decode(token, today=None):
    """The answers a link holds; LinkError when it is too long, damaged, forged or not ours."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise LinkError("too_long")
    try:
        text = signing.Signer(salt=SALT).unsign(token)
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (signing.BadSignature, binascii.Error, ValueError):
        raise LinkError("damaged") from None
    if len(raw) < HEADER.size:
        raise LinkError("damaged")
    version, checkpoint, months, weeks, days, fingerprint, count, sign_count = HEADER.unpack_from(raw)
    answered_on = EPOCH + timedelta(days=days)
    today = today or date.today()
    valid = (
        version == VERSION
        and checkpoint in CHECKPOINTS
        and months <= MAX_MONTHS
        and (weeks == 0 or EARLIEST_WEEKS <= weeks < PRETERM_BEFORE_WEEKS)
        and answered_on <= today + timedelta(days=1)
        and count <= MAX_ITEMS
        and sign_count <= MAX_ITEMS
    )
    body = raw[HEADER.size :]
    milestone_size, sign_size = _size(count, 2), _size(sign_count, 1)
    if not valid or len(body) != milestone_size + sign_size:
        raise LinkError("damaged")
    codes = _unpack(body[:milestone_size], count, 2)
    flags = _unpack(body[milestone_size:], sign_count, 1)
    if codes is None or flags is None:
        raise LinkError("damaged")
    return AnswerSet(
        checkpoint=checkpoint,
        months=months,
        weeks=weeks or None,
        answered_on=answered_on,
        fingerprint=fingerprint,
        milestones=tuple(Answer.BY_CODE[code] for code in codes),
        signs=tuple(bool(flag) for flag in flags),
    )


def _size(count, bits):
    return (count * bits + 7) // 8


def _pack(values, bits):
    number = 0
    for value in values:
        number = (number << bits) | value
    size = _size(len(values), bits)
    number <<= size * 8 - len(values) * bits  # left-aligned; the padding bits stay zero
    return number.to_bytes(size, "big")


def _unpack(data, count, bits):
    """The values packed by `_pack`, or None when the padding bits are not zero (not a link we made)."""
    number = int.from_bytes(data, "big")
    padding = len(data) * 8 - count * bits
    if number & ((1 << padding) - 1):
        return None
    number >>= padding
    mask = (1 << bits) - 1
    return [(number >> (bits * (count - 1 - index))) & mask for index in range(count)]
