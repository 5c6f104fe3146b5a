"""search.text.lemmatise works line by line (each line cached): the words are those of the whole text."""

from search.text import lemmatise, terms


def test_a_text_of_several_lines_gives_the_words_of_the_whole_text_without_gaps():
    text = "Помощь детям\nв\nРАС и ДЦП\r\n2-3 года\n\n"
    assert lemmatise(text) == " ".join(terms(text)) == "помощь ребенок рас дцп 2 3 год"
    assert lemmatise("в\nна\n") == ""  # lines of stop words only leave no spaces behind
