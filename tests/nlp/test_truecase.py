"""Case restoration of all-caps wire copy: same length, names and street names capitalised."""

from __future__ import annotations

import pytest

from eventdesk.nlp.truecase import needs_truecasing, restore_case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE DISPUTE MOVED OUTSIDE ON SHERWOOD STREET NEAR 7 MILE.", "on Sherwood Street near 7 Mile"),
        ("HE WAS SHOT ON 22ND AVENUE WITH A 9MM PISTOL.", "on 22nd Avenue with a 9mm pistol"),
        ("THE FBI AND CNN SAID HE LIVES A LONG WAY FROM HERE.", "The FBI and CNN said he lives a long way"),
    ],
)
def test_restore_case(text: str, expected: str) -> None:
    assert needs_truecasing(text)
    restored = restore_case(text)
    assert len(restored) == len(text)
    assert expected in restored
