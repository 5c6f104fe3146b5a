"""Readability of Russian text: hand-computed values on small known texts."""

import pytest

from home.readability import analyse, html_chunks, split_sentences, syllables, words

EASY = "Мама читает книгу. Папа моет посуду."
# Ор-га-ни-за-ци-я 6, пре-до-став-ля-ет 5, ком-плекс-ну-ю 4, ре-а-би-ли-та-ци-он-ну-ю 9, по-мощь 2,
# де-тям-ин-ва-ли-дам 6 (one hyphenated word): 32 syllables in 6 words, one sentence.
OFFICIAL = "Организация предоставляет комплексную реабилитационную помощь детям-инвалидам."


def test_easy_text_scores_are_computed_by_olborneva_formula():
    report = analyse(EASY)
    # Ма-ма 2, чи-та-ет 3, кни-гу 2 | Па-па 2, мо-ет 2, по-су-ду 3
    assert (report.sentence_count, report.word_count, report.syllable_count) == (2, 6, 14)
    assert report.avg_sentence_length == 3
    assert report.avg_syllables_per_word == pytest.approx(14 / 6)
    # 206.835 − 1.3 · 3 − 60.1 · 14/6 = 206.835 − 3.9 − 140.2333… = 62.7017
    assert report.reading_ease == pytest.approx(62.7017, abs=1e-4)
    assert report.long_word_share == 0
    assert report.passes({"min_reading_ease": 55, "max_avg_sentence_length": 10, "max_long_word_share": 0.25})


def test_official_text_is_hard_and_the_advice_says_why():
    report = analyse(OFFICIAL)
    assert (report.sentence_count, report.word_count, report.syllable_count) == (1, 6, 32)
    # 206.835 − 1.3 · 6 − 60.1 · 32/6 = −121.4983
    assert report.reading_ease == pytest.approx(-121.4983, abs=1e-4)
    assert report.long_word_share == pytest.approx(5 / 6)  # all but «помощь» have four syllables or more
    assert report.level() == "очень трудно читать"
    problems = report.problems({"min_reading_ease": 55, "max_avg_sentence_length": 10, "max_long_word_share": 0.25})
    assert len(problems) == 2  # reading ease and long words; six words per sentence is fine
    assert "Замените" in problems[1] and "83%" in problems[1]
    assert not report.passes()


def test_long_sentences_break_the_average_length_target():
    sentence = "Мы " + " ".join(["идём"] * 11) + " домой."
    report = analyse([sentence, "Да."])
    assert report.word_count == 14 and report.sentence_count == 2
    assert report.avg_sentence_length == 7
    problems = report.problems({"min_reading_ease": -1000, "max_avg_sentence_length": 6, "max_long_word_share": 1})
    assert len(problems) == 1 and "7.0" in problems[0]
    assert [s.words for s in report.longest_sentences()] == [13, 1]


def test_syllables_are_vowels_including_yo_and_numbers_are_one_word():
    assert syllables("ёлка") == 2
    assert syllables("в") == 0
    assert syllables("воспитатель") == 4
    assert syllables("2026") == 1
    assert words("Кто-то пришёл в 10.30, а не в 11!") == ["Кто-то", "пришёл", "в", "10.30", "а", "не", "в", "11"]


def test_sentences_split_on_end_marks_but_not_on_initials_or_abbreviations():
    text = "Центр им. Г. А. Альбрехта работает. Он помогает!  А вы? Ждём… Приходите."
    assert split_sentences(text) == [
        "Центр им. Г. А. Альбрехта работает.",
        "Он помогает!",
        "А вы?",
        "Ждём…",
        "Приходите.",
    ]


def test_rich_text_paragraphs_and_list_items_are_separate_chunks():
    chunks = html_chunks(
        "<p>Раз. Два.</p><ul><li>паспорт;</li><li>свидетельство о рождении</li></ul><h2>Заголовок</h2>"
    )
    assert chunks == ["Раз. Два.", "паспорт;", "свидетельство о рождении", "Заголовок"]
    report = analyse(chunks)
    assert report.sentence_count == 5  # an unpunctuated list item still ends its sentence


def test_empty_text_has_no_scores_and_no_problems():
    report = analyse(["", "   "])
    assert report.is_empty and report.reading_ease == 0
    assert report.problems() == [] and report.reading_minutes == 1


def test_reading_time_rounds_up_at_150_words_a_minute():
    assert analyse(" ".join(["слово"] * 151)).reading_minutes == 2
    assert analyse(" ".join(["слово"] * 150)).reading_minutes == 1


def test_thresholds_come_from_settings(settings):
    settings.READABILITY_THRESHOLDS = {"min_reading_ease": 70, "max_avg_sentence_length": 2, "max_long_word_share": 0.5}
    report = analyse(EASY)  # 62.7 and 3 words per sentence
    assert len(report.problems()) == 2
    settings.READABILITY_THRESHOLDS = {"min_reading_ease": 60}  # the rest falls back to the defaults
    assert report.passes()
