"""Measuring instruments: ``eventdesk eval`` scores the extractor on labelled data.

One module per dataset (``muc4``, ``gva``, ``dedup``, ``isaf``, ``case2021``, ``wikievents``, ``rams``,
``giveme5w1h``), each with one ``evaluate_*`` function returning :class:`metrics.EvalResult`; shared
pieces in ``metrics`` (scores, distances, names), ``gtt`` (the GTT template metric), ``muc4_keys``
(MUC-4 key notation), ``spans`` (argument matching), ``clustering`` (B-cubed, pairwise), ``predict``
(running the extractor), ``datasets`` (the registry), ``gate`` (pinned floors) and ``cli``.
See docs/evaluation.md. Nothing is imported here: adapters load when run.
"""
