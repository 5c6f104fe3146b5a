"""search.text: the one place where text is folded and words are read (other apps use these functions)."""

from search.text import (
    after_place_preposition,
    dictionary_forms,
    fold,
    is_common_word,
    is_place_name,
    lemmatise,
    query_words,
    terms,
)


def test_a_text_of_several_lines_gives_the_words_of_the_whole_text_without_gaps():
    text = "Помощь детям\nв\nРАС и ДЦП\r\n2-3 года\n\n"
    assert lemmatise(text) == " ".join(terms(text)) == "помощь ребенок рас дцп 2 3 год"
    assert lemmatise("в\nна\n") == ""  # lines of stop words only leave no spaces behind


def test_folding_and_the_dictionary_readings_other_apps_use():
    assert fold("  Ёлочка —\u00adЦЕНТР ") == "елочка -центр"
    assert dictionary_forms("челнах") == ("челны", "челн")  # every reading: a place name may be any of them
    assert dictionary_forms("abc") == () and dictionary_forms("") == ()
    assert is_place_name("бердске") and not is_place_name("логопеда") and not is_place_name("berdsk")


def test_a_place_is_told_by_its_preposition_and_a_common_word_is_no_place_by_itself():
    query = "служба ранней помощи в Морском около Бердска"
    words = [folded for folded, _lemma, _forms in query_words(query)]
    assert {words[i] for i in after_place_preposition(query)} == {"морском", "бердска"}
    assert is_common_word("морской") and is_common_word("заря")  # localities, and words first
    assert not is_common_word("тогучин") and not is_common_word("сузун")  # a place name, an unknown word
