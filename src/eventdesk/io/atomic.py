"""Output files that are never half-written: write beside the target, then rename over it.

A crash, ``kill -9`` or Ctrl-C while a command writes leaves the target as it was before (absent
or the previous complete file), never a torn last line; the temporary file (``.NAME.*.part`` in the
same folder, so the rename is atomic on one file system) is removed on any error and by the next
successful write is simply not there. A target folder that does not exist is an error before any
work is done (:func:`check_output_path`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from eventdesk.errors import EventdeskError


class OutputError(EventdeskError):
    code = "output"


def check_output_path(path: Path) -> None:
    """Raise :class:`OutputError` when ``path`` cannot be written (missing folder, a directory)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"the folder {str(folder)!r} of the output file does not exist; create it first")
    if path.is_dir():
        raise OutputError(f"the output {str(path)!r} is a folder; give a file name")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"the folder {str(folder)!r} is not writable")


@contextmanager
def atomic_output(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file opened for writing that replaces ``path`` only when the block ends normally."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it only when the block ends normally (also for
    a writer that needs a file name, such as a Parquet file written by DuckDB)."""
    check_output_path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path("."))
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # as open() would make it, not mkstemp's 0600
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
