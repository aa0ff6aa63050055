"""RSS/Atom feeds: one report per item, full content over summary, dates and links kept (issue 17)."""

from __future__ import annotations

from pathlib import Path

from eventdesk.io.readers import ReadFailure, read_inputs
from eventdesk.records import Report

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item>
  <title>Three killed in market blast</title>
  <link>https://gazette.example/news/market-blast</link>
  <guid isPermaLink="false">gazette-1001</guid>
  <pubDate>Mon, 06 Jan 2025 23:30:00 -0500</pubDate>
  <description>A blast at a market killed three.</description>
  <content:encoded><![CDATA[<div class="story"><p>A bomb hidden in a fruit cart exploded at the crowded
  central market on Monday evening, killing three people and wounding fourteen, the police chief said.</p>
  <p>No group has said it carried out the attack.</p></div>]]></content:encoded>
</item>
<item>
  <title>Ferry guard shot</title>
  <link>https://gazette.example/news/ferry</link>
  <pubDate>Tue, 07 Jan 2025 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;A security guard was &lt;b&gt;shot and wounded&lt;/b&gt; at the ferry terminal
  early on Tuesday, officials said.&lt;/p&gt;</description>
</item>
<item>
  <title>Undated wire</title>
  <link>https://gazette.example/news/bad-date</link>
  <pubDate>sometime last week</pubDate>
  <description>Two soldiers were killed when their patrol was ambushed near the border.</description>
</item>
<item>
  <title>Checkpoint attack</title>
  <link>https://gazette.example/news/checkpoint</link>
  <description>Gunmen attacked a police checkpoint on the coast road, killing one officer.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title><id>urn:valley</id>
<updated>2025-03-02T10:00:00+02:00</updated>
<entry><title>Bus attacked</title><id>urn:valley:77</id>
  <link rel="alternate" href="https://valley.example/77"/>
  <updated>2025-03-02T09:15:00+02:00</updated>
  <summary type="text">Armed men stopped a bus on the mountain road and abducted six passengers on Sunday.</summary>
</entry>
<entry><title>Same id again</title><id>urn:valley:77</id>
  <updated>2025-03-02T09:45:00+02:00</updated>
  <content type="html">&lt;p&gt;Police said a second bus on the same road was fired on but nobody was hurt.&lt;/p&gt;</content>
</entry>
</feed>
"""


def _read(tmp_path: Path, name: str, text: str) -> list[Report | ReadFailure]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_inputs([str(path)]))


def test_feeds_rss_item_becomes_a_report_with_full_content_date_and_link(tmp_path: Path) -> None:
    first = _read(tmp_path, "gazette.rss", RSS)[0]
    assert isinstance(first, Report)
    assert first.id == "gazette-1001"
    assert first.text.startswith("A bomb hidden in a fruit cart") and "<" not in first.text
    assert "No group has said" in first.text  # the full content, not the one-line summary
    assert first.title == "Three killed in market blast"
    assert first.url == "https://gazette.example/news/market-blast"
    assert first.published == "2025-01-06T23:30:00-05:00"  # the local day kept, not shifted to UTC
    assert first.source == "Harbour Gazette"


def test_feeds_summary_used_when_no_content_and_html_stripped(tmp_path: Path) -> None:
    second = _read(tmp_path, "gazette.rss", RSS)[1]
    assert isinstance(second, Report)
    assert second.id == "https://gazette.example/news/ferry"  # no guid: the link
    assert second.text.startswith("A security guard was shot and wounded at the ferry terminal")
    assert second.published == "2025-01-07T08:00:00+00:00"


def test_feeds_bad_date_is_an_error_naming_file_and_item_and_the_rest_is_read(tmp_path: Path) -> None:
    items = _read(tmp_path, "gazette.rss", RSS)
    assert len(items) == 4
    bad = items[2]
    assert isinstance(bad, ReadFailure) and bad.id == "https://gazette.example/news/bad-date"
    assert bad.error.code == "bad_record"
    assert "gazette.rss, item 3" in bad.error.message and "sometime last week" in bad.error.message
    undated = items[3]
    assert isinstance(undated, Report) and undated.published is None  # no date is not a bad date


def test_feeds_atom_entries_and_repeated_ids_stay_unique(tmp_path: Path) -> None:
    items = _read(tmp_path, "valley.atom", ATOM)
    assert [i.id for i in items] == ["urn:valley:77", "urn:valley:77#2"]
    first, second = items
    assert isinstance(first, Report) and isinstance(second, Report)
    assert first.published == "2025-03-02T09:15:00+02:00" and first.url == "https://valley.example/77"
    assert first.text.startswith("Armed men stopped a bus")
    assert second.text.startswith("Police said a second bus") and "<p>" not in second.text


def test_feeds_xml_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    [item] = _read(tmp_path, "notes.xml", "<notes><note>hello</note></notes>")
    assert isinstance(item, ReadFailure) and "not an RSS/Atom feed" in item.error.message
    assert "notes.xml" in item.error.message


def test_feeds_item_with_nothing_in_it_is_an_empty_error(tmp_path: Path) -> None:
    rss = "<rss version='2.0'><channel><title>x</title><item><title>t</title><guid>e1</guid></item></channel></rss>"
    [item] = _read(tmp_path, "empty.rss", rss)
    assert isinstance(item, ReadFailure) and item.error.code == "empty" and "item 1" in item.error.message
