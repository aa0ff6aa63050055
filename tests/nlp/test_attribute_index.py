"""The indexed attribute ruler finds exactly the Matcher's matches and leaves the same annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from eventdesk.nlp.attribute_index import AttributeRuleIndex, index_attribute_ruler
from eventdesk.nlp.model import load_model, load_nlp

# words that the model's special rules are about: "ai n't", "gon na", "let 's", "y' all", "nothin'",
# "there is", pronoun objects, auxiliaries, white space tokens, subordinating conjunctions
TEXTS = [
    "Y'all ain't gonna believe it: there is nothin' left, let's go, said the mayor of Kabul.",
    "Police said that gunmen had killed 12 people  \n\n and wounded 30 others before they fled.",
    "WHOM DID THE SOLDIERS SHOOT? THEY SHOT HIM AND HER, WHILE THE PEOPLE WATCHED.",
    "if you do not leave, they will have to arrest you and me, c'mon, gotta go, which is that?",
]


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    return load_model(stock=True)


def test_attribute_index_matches_are_the_matchers(stock: spacy.language.Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    index = AttributeRuleIndex(ruler)  # type: ignore[arg-type]
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(TEXTS))
    for doc in docs:
        expected = ruler.match(doc)  # type: ignore[attr-defined]
        assert expected, doc.text
        assert index.match(doc) == expected


def test_attribute_index_pipeline_annotates_like_stock(stock: spacy.language.Language) -> None:
    ours = load_nlp()
    assert ours.get_pipe("attribute_ruler").match.__self__.__class__ is AttributeRuleIndex  # type: ignore[attr-defined]
    cols = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(stock.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
        assert a.to_array(cols).tolist() == b.to_array(cols).tolist()
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]


def _toy_ruler(indexed: bool) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"LOWER": {"NOT_IN": ["a", "the"]}, "IS_PUNCT": False}]], {"NORM": "word"})
    ruler.add([[{"TEXT": "see"}], [{"LOWER": "see"}]], {"NORM": "look"})  # two patterns, one rule
    if indexed:
        assert index_attribute_ruler(nlp)
    return nlp


def test_attribute_index_rules_of_two_tokens_sets_and_regexes() -> None:
    text = "Y'all gon na see the y all. A y' all, gon na!"
    doc = _toy_ruler(True)(text)
    assert [t.text for t in doc][:8] == ["Y'all", "gon", "na", "see", "the", "y", "all", "."]
    assert [t.lemma_ for t in doc][:8] == ["", "", "to", "", "", "you", "", ""]
    assert [t.norm_ for t in doc][:8] == ["word", "word", "word", "look", "the", "word", "word", "."]
    plain = _toy_ruler(False)(text)
    assert [(t.lemma_, t.norm_) for t in doc] == [(t.lemma_, t.norm_) for t in plain]


def test_attribute_index_leaves_rules_with_operators_to_the_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "bad"}]], {"LEMMA": "bad"}, index=-1)
    original = ruler.match
    assert not index_attribute_ruler(nlp)
    assert ruler.match == original
    assert [t.lemma_ for t in nlp("very very bad")] == ["", "", "bad"]
