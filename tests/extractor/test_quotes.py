from __future__ import annotations

from eventdesk.extractor.context import EventContext
from eventdesk.extractor.quotes import find_sources
from eventdesk.nlp.model import load_nlp
from eventdesk.records import Source


def sources(text: str) -> list[Source]:
    doc = load_nlp()(text)
    found = list(find_sources(EventContext(text=text, doc=doc, sents=tuple(doc.sents))))
    for src in found:
        for ev in src.evidence:
            assert text[ev.start : ev.end] == ev.text
    return found


def test_quotes_name_and_role_after_quote() -> None:
    text = '"We are still counting the victims," said Babak Yektaparast, a spokesman for the emergency services.'
    [src] = sources(text)
    assert src.speaker == "Babak Yektaparast"
    assert src.role == "spokesman for the emergency services"
    assert src.said == "We are still counting the victims"


def test_quotes_police_said_at_end() -> None:
    [src] = sources("The blast killed 12 people, police said.")
    assert (src.speaker, src.said) == ("police", "The blast killed 12 people")


def test_quotes_according_to() -> None:
    [src] = sources("According to the Interior Ministry, 20 people were wounded.")
    assert src.speaker == "the Interior Ministry"
    assert src.said == "20 people were wounded"


def test_quotes_agency_reported() -> None:
    [src] = sources("The official IRNA news agency reported that two explosions hit the procession.")
    assert src.speaker == "the official IRNA news agency"
    assert src.said == "two explosions hit the procession"


def test_quotes_title_before_name() -> None:
    [src] = sources("Interior Minister Ahmad Vahidi said the attackers would be punished.")
    assert src.speaker == "Ahmad Vahidi"
    assert src.role == "Interior Minister"


def test_quotes_pronoun_resolved_to_named_speaker() -> None:
    found = sources("Governor Jane Roe said the road was closed. She added that the army had arrived.")
    assert [s.speaker for s in found] == ["Jane Roe", "Jane Roe"]
    assert found[1].said == "the army had arrived"


def test_quotes_no_group_is_not_a_source() -> None:
    assert sources("No group claimed responsibility for the attack.") == []


def test_quotes_dateline_is_not_part_of_what_was_said() -> None:
    [src] = sources("KERMAN, Iran (AP) — Two bombs exploded near the cemetery, officials said.")
    assert src.speaker == "officials"
    assert src.said == "Two bombs exploded near the cemetery"
