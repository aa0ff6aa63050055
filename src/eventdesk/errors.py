"""One exception hierarchy with codes, raised in the core and translated once at each edge."""

from __future__ import annotations


class EventdeskError(Exception):
    """Base class. ``code`` is stable and machine-readable; the message is for people."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class InputError(EventdeskError):
    """A report could not be read or is not processable (per-report; the batch goes on)."""

    code = "bad_input"


class EmptyReport(InputError):
    code = "empty"


class BinaryReport(InputError):
    code = "binary"


class ReportTooLarge(InputError):
    code = "too_large"


class NotEnglish(InputError):
    code = "not_english"


class BadEncoding(InputError):
    code = "bad_encoding"


class BadRecord(InputError):
    """A JSONL line that is not JSON or lacks ``text``."""

    code = "bad_record"


class ExtractionFailed(EventdeskError):
    code = "extraction_failed"


class ConfigError(EventdeskError):
    code = "config"


class StoreError(EventdeskError):
    code = "store"


class DataNotFound(EventdeskError):
    """An evaluation data set is missing or malformed."""

    code = "data_not_found"
