"""Hypothesis strategies for hostile report inputs (all texts are generated here, none from data sets).

News-like sentences are assembled from small word lists so the extractor does real work on them
(events, tolls, places, dates); the rest is what breaks readers: control characters, lone
surrogates, mixed scripts, tag soup, truncated multi-byte sequences, many encodings.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

SUBJECTS = ["Two people", "A police officer", "Gunmen", "At least 12 civilians", "THREE SOLDIERS", "a 29-year-old man",
            "Dozens of villagers", "The suspect", "Rebels", "No one"]
VERBS = ["were killed", "was shot", "opened fire", "were wounded", "attacked a convoy", "clashed with troops",
         "detonated a bomb", "were abducted", "died", "fired rockets"]
PLACES = ["in Kabul", "near Mosul, Iraq", "in the village of Tal (Raqqa, Syria)", "in Chicago", "in Kerman, Iran",
          "on Main Street", "in Lagos State", "in Donetsk oblast", "", "in Москва"]
WHENS = ["on Monday", "on March 3, 2024", "late Friday night", "yesterday", "", "on 2024-13-45", "last week",
         "in 1989", "on Feb. 30"]
TAILS = [", police said.", ".", " — officials said.", "; no group has claimed responsibility.", "!!!", "",
         ", the death toll rose to 73.", " (AP) --"]
SCRIPTS = ["Взрыв в центре города унёс жизни", "爆炸造成十人死亡", "قتل خمسة أشخاص في انفجار", "שני הרוגים", "😀🔥💣",
           "ñandú ça œuvre", "\u200b\u200f\u202e", "ＦＵＬＬＷＩＤＴＨ"]
NASTY = ["\x00", "\x07", "\x1b[31m", "\ufeff", "\ufffd", "\r\n", "\r", "\u2028", "\t\t", "\\", '"', "&amp;",
         "<", ">", "\ud800", "\udfff"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(x)) for x in (SUBJECTS, VERBS, PLACES, WHENS, TAILS)]
    return " ".join(p for p in parts if p)


def fragments() -> st.SearchStrategy[str]:
    return st.one_of(
        sentences(),
        st.sampled_from(SCRIPTS),
        st.sampled_from(NASTY),
        st.text(max_size=40),  # any code points, surrogates included
        st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    )


def report_texts(max_parts: int = 30) -> st.SearchStrategy[str]:
    return st.lists(fragments(), max_size=max_parts).map(lambda xs: " ".join(xs))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "koi8-r",
             "shift_jis", "gb18030", "cp1256", "iso-8859-8"]


@st.composite
def encoded_documents(draw: st.DrawFn) -> bytes:
    """A text in some encoding (characters it cannot encode replaced), possibly truncated or spliced."""
    text = draw(report_texts())
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    cut = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=max(len(data), 0))))
    if cut is not None:
        data = data[:cut]
    if draw(st.booleans()):
        data += draw(st.binary(max_size=64))
    return data


TAGS = ["<html>", "<body>", "</body>", "<p>", "</p>", "<div class='nav'>", "</div>", "<script>alert(1)</script>",
        "<style>p{}</style>", "<!--", "-->", "<title>Blast kills 5</title>", "<meta name='date' content='2024-01-03'>",
        "<article>", "</article>", "<br>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<![CDATA[",
        "]]>", "<table><tr><td>", "<a href='javascript:alert(1)'>", "</a>", "<h1>", "</h1>", "<!DOCTYPE html>",
        "<li>More stories</li>", "&nbsp;", "&#x0;", "&bogus;", "<p", "</", "<"]


def html_documents() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(TAGS), sentences(), st.text(max_size=20)), max_size=60).map("".join)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    """One JSONL line: a report object (fields of any JSON type), or JSON that is not one, or junk."""
    kind = draw(st.sampled_from(["report", "report", "odd", "junk", "array"]))
    if kind == "report":
        values = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans(), report_texts(8),
                           st.lists(st.integers(), max_size=3))
        obj = {
            "text": draw(st.one_of(report_texts(10), values)),
            **draw(st.dictionaries(st.sampled_from(["id", "title", "published", "url", "source", "date", "extra"]),
                                   values, max_size=5)),
        }
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
    elif kind == "odd":
        line = json.dumps(draw(st.one_of(st.integers(), st.text(max_size=20), st.none())))
    elif kind == "array":
        line = json.dumps([draw(report_texts(3))])
    else:
        return draw(st.binary(max_size=80)).replace(b"\n", b" ")
    return line.encode("utf-8", errors="surrogatepass")
