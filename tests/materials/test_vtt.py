import pytest

from materials import vtt
from tests.materials.builders import GOOD_VTT


def test_parses_cues_with_identifiers_tags_and_entities():
    cues = vtt.parse(GOOD_VTT + "\n00:03.000 --> 01:02:03.250 align:start\nДети &amp; родители\n")
    assert [(c.start, c.end) for c in cues] == [(0.0, 1.5), (1.5, 3.0), (3.0, 3723.25)]
    assert cues[0].text == "Здравствуйте! Это лекция о ранней помощи."
    assert cues[0].identifier == "1"
    assert cues[2].text == "Дети & родители"


def test_accepts_bom_crlf_header_text_and_notes():
    text = "\ufeffWEBVTT - лекция\r\nKind: captions\r\n\r\nNOTE проверено\r\n\r\n00:01.000 --> 00:02.000\r\nТекст\r\n"
    assert [c.text for c in vtt.parse(text.encode("utf-8"))] == ["Текст"]


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("WEBVT\n\n00:01.000 --> 00:02.000\nТекст\n", 1, "WEBVTT"),
        ("", 1, "WEBVTT"),
        ("WEBVTT\n00:01.000 --> 00:02.000\nТекст\n", 2, "пустая строка"),
        ("WEBVTT\n\n00:01,000 --> 00:02.000\nТекст\n", 3, "00:01,000"),
        ("WEBVTT\n\n00:61.000 --> 01:02.000\nТекст\n", 3, "от 00 до 59"),
        ("WEBVTT\n\n00:05.000 --> 00:02.000\nТекст\n", 3, "заканчивается"),
        ("WEBVTT\n\n00:05.000 --> 00:06.000\nА\n\n00:01.000 --> 00:02.000\nБ\n", 6, "по порядку"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", 3, "нет текста"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nА\n00:02.000 --> 00:03.000\nБ\n", 5, "пустой строки"),
        ("WEBVTT\n\nintro\nТекст без времени\n", 4, "После идентификатора"),
    ],
)
def test_malformed_files_are_rejected_with_russian_message_and_line(text, line, fragment):
    with pytest.raises(vtt.VTTError) as info:
        vtt.parse(text)
    assert info.value.line == line
    message = str(info.value)
    assert message.startswith(f"Строка {line}:")
    assert fragment in message


def test_file_without_cues_and_non_utf8_file_are_rejected():
    with pytest.raises(vtt.VTTError, match="нет ни одной"):
        vtt.parse("WEBVTT\n\nNOTE только заметка\n")
    with pytest.raises(vtt.VTTError, match="UTF-8"):
        vtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nТекст\n".encode("cp1251"))


@pytest.mark.parametrize("seconds, text", [(0, "00:00"), (65.9, "01:05"), (3600, "1:00:00"), (3725, "1:02:05")])
def test_timestamps_round_trip(seconds, text):
    assert vtt.format_timestamp(seconds) == text
    assert vtt.parse_timestamp(text) == int(seconds)


def test_parse_timestamp_rejects_garbage():
    assert vtt.parse_timestamp("1:75") is None
    assert vtt.parse_timestamp("abc") is None


def test_cue_markup_is_removed_and_browser_spacing_is_accepted():
    text = (
        "WEBVTT\n\n"
        "00:01.000-->00:02.000\n<v Анна Петрова>Добрый день,</v>\n<c.yellow>мама</c> <00:01.500><b>и папа</b>!\n\n"
        "00:02.000 --> 00:03.000 line:0 position:10%\nСемья &lt;вместе&gt;\n"
    )
    assert [(c.start, c.text) for c in vtt.parse(text)] == [(1.0, "Добрый день, мама и папа!"), (2.0, "Семья <вместе>")]


@pytest.mark.parametrize("timing", ["00:01.00 --> 00:02.000", "0:01.000 --> 00:02.000", "00:01.000 --> 00:02.000x"])
def test_timestamps_must_have_the_strict_form(timing):
    with pytest.raises(vtt.VTTError) as info:
        vtt.parse(f"WEBVTT\n\n{timing}\nТекст\n")
    assert info.value.line == 3
