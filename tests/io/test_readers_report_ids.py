"""Report ids of files: unique within a run and the same on every run (defect 12 of issue 19)."""

from __future__ import annotations

from pathlib import Path

from eventdesk.io.readers import read_inputs

TEXT = "A grenade thrown into a crowded cafe on Saturday night wounded nine people, police said."


def _ids(*inputs: Path) -> list[str]:
    return [item.id for item in read_inputs([str(p) for p in inputs])]


def test_readers_same_name_in_two_folders_gets_two_ids(tmp_path: Path) -> None:
    for folder in ("north", "south"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "story.txt").write_text(TEXT.replace("nine", folder))
    (tmp_path / "in" / "top.txt").write_text(TEXT)
    ids = _ids(tmp_path / "in")
    assert ids == ["north/story", "south/story", "top"]
    assert _ids(tmp_path / "in") == ids  # stable


def test_readers_single_file_keeps_its_stem(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(TEXT)
    assert _ids(tmp_path / "story.txt") == ["story"]


def test_readers_ids_unique_across_inputs(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(TEXT.replace("nine", folder))
    (tmp_path / "a" / "story.html").write_text(f"<html><body><article><p>{TEXT}</p></article></body></html>")
    by_dirs = _ids(tmp_path / "a", tmp_path / "b")
    by_files = _ids(tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt")
    assert len(set(by_dirs)) == 3 and len(set(by_files)) == 2
    assert by_dirs == [(tmp_path / p).as_posix() for p in ("a/story.html", "a/story.txt", "b/story.txt")]
    assert _ids(tmp_path / "a", tmp_path / "b") == by_dirs
