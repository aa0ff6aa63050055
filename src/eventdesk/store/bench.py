"""Scaling benchmark: ingest N synthetic pre-extracted reports, report time and peak memory.

    python -m eventdesk.store.bench --sizes 1000,10000,100000          # DuckDB files in a temp dir
    python -m eventdesk.store.bench --sizes 1000 --db postgresql://...  # a server (emptied first!)
    python -m eventdesk.store.bench --write 500 -o synthetic.jsonl       # JSONL for `ingest --extracted`

Each size runs in a fresh process (so peak RSS is that run's own) against a fresh store and prints
one JSON line: reports, incidents, seconds, reports/s, the seconds per 1k reports of the first and
last tenth of the batches (flat = linear growth), peak RSS and the store's size on disk.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eventdesk.records import result_to_dict


def run_one(n: int, db: str, batch_size: int) -> dict[str, Any]:
    from eventdesk.store.base import open_store
    from eventdesk.store.ingest import IngestSummary, ingest
    from eventdesk.store.synthetic import synthetic_results

    store = open_store(db)
    marks: list[tuple[int, float]] = []
    start = time.perf_counter()

    def on_batch(summary: IngestSummary, _: int) -> None:
        marks.append((summary.totals.stored, time.perf_counter() - start))

    summary = ingest(store, synthetic_results(n), batch_size=batch_size, on_batch=on_batch)
    seconds = time.perf_counter() - start
    stats = store.stats()
    store.close()
    tenth = max(1, len(marks) // 10)

    def rate(points: list[tuple[int, float]], before: tuple[int, float]) -> float:
        done, took = points[-1][0] - before[0], points[-1][1] - before[1]
        return round(1000 * took / max(done, 1), 3)

    path = Path(db)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) if path.exists() else 0
    return {
        "reports": summary.totals.stored,
        "incidents": stats["incidents"],
        "seconds": round(seconds, 2),
        "reports_per_s": round(summary.totals.stored / seconds, 1),
        "s_per_1k_first_tenth": rate(marks[:tenth], (0, 0.0)),
        "s_per_1k_last_tenth": rate(marks[-tenth:], marks[-tenth - 1] if len(marks) > tenth else (0, 0.0)),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "store_mib": round(size / 2**20, 1),
        "backend": db.split("://")[0] if "://" in db else "duckdb",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventdesk.store.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated report counts")
    parser.add_argument("--db", help="a PostgreSQL DSN (default: a DuckDB file per size in a temp dir)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--write", type=int, help="write N synthetic results as JSONL instead")
    parser.add_argument("-o", "--output", help="file for --write (default stdout)")
    args = parser.parse_args(argv)
    if args.write:
        from eventdesk.store.synthetic import synthetic_results

        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
        for result in synthetic_results(args.write):
            out.write(json.dumps(result_to_dict(result, include_report=True)) + "\n")
        if args.output:
            out.close()
        return 0
    if args.one:
        print(json.dumps({"n": args.one, **run_one(args.one, args.db, args.batch_size)}), flush=True)
        return 0
    with tempfile.TemporaryDirectory(prefix="eventdesk-bench-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            db = args.db or os.path.join(tmp, f"bench-{n}.duckdb")
            if args.db:
                _empty_postgres(args.db)
            cmd = [
                sys.executable,
                "-m",
                "eventdesk.store.bench",
                "--one",
                str(n),
                "--db",
                db,
                "--batch-size",
                str(args.batch_size),
            ]
            subprocess.run(cmd, check=True)
    return 0


def _empty_postgres(dsn: str) -> None:
    import psycopg

    from eventdesk.store.schema import TABLES

    with psycopg.connect(dsn, autocommit=True) as con:
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")


if __name__ == "__main__":
    sys.exit(main())
