"""`python -m bench [--quick] [--only build,scale,reload,reader,catalogue] [--factors 1,10,100] [--out BENCHMARKS.md]`"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from bench import build, catalogue, common, reader, reload, report, scale

NOTES = common.ROOT / "bench" / "NOTES.md"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer runs and pages (a smoke run)")
    parser.add_argument("--only", default="build,scale,reload,reader,catalogue")
    parser.add_argument("--out", default=str(common.ROOT / "BENCHMARKS.md"))
    parser.add_argument("--json", help="also write the raw results here")
    parser.add_argument("--factors", help="the data multiples the scale run builds (default 1,10,100; --quick 1,10)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    results = {"load": " ".join(f"{x:.1f}" for x in os.getloadavg())}
    if "build" in only:
        print("bench: build vs limit", flush=True)
        results["build"] = build.run(runs=2 if args.quick else 7)
    if "scale" in only:
        print("bench: scale", flush=True)
        factors = tuple(int(f) for f in args.factors.split(",")) if args.factors else (1, 10) if args.quick else (1, 10, 100)
        results["scale"] = scale.run(factors=factors,
                                     runs=1 if args.quick else 3,
                                     validate_records=1000 if args.quick else 10_000)
    if "reload" in only:
        print("bench: edit to reload", flush=True)
        results["reload"] = reload.run(runs=2 if args.quick else 5)
    if "reader" in only:
        print("bench: reader", flush=True)
        results["reader"] = reader.run(pages=["", "hybrid-routing/"] if args.quick else None,
                                       with_lighthouse=not args.quick)
    if "catalogue" in only:
        print("bench: catalogue filters at 4x CPU slowdown", flush=True)
        results["catalogue"] = catalogue.run(runs=3 if args.quick else 7)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    notes = NOTES.read_text(encoding="utf-8") if NOTES.is_file() else ""
    Path(args.out).write_text(report.render(results, notes), encoding="utf-8")
    print(f"bench: wrote {args.out}")


if __name__ == "__main__":
    main()
