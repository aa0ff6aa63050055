

def test_names_a_photo_credit_is_not_a_phrase() -> None:
    from eventdesk.store.names import proper_phrases

    assert not any("nitkin" in p for p in proper_phrases("The alley. View Full Caption DNAinfo/Alex Nitkin The boy"))
