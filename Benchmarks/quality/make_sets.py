#!/usr/bin/env python3
"""Builds the two public analogue ranking sets of JobMatch's quality benchmark.

    python3 Benchmarks/quality/make_sets.py [--out DIR] [--esco DIR] [--seed N]

Writes four runs into DIR (default: .build/quality-sets in the checkout), each a Corpus folder
with its judgements (qrels.tsv, violations.tsv, set.json):

    esco-ads/      ~400 ESCO occupations as ads x ~300 people titled with held-out alternative labels
    esco-typed/    the same, the title typed as the one must-have
    danish-ads/    ~130 Danish (and some English) ads as employers write them x ~80 intake records
    danish-typed/  the same, every field typed

See Benchmarks/quality/README.md. Python 3 standard library only; the output depends only on
the sources and the seed.
"""

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "esco"))
sys.path.insert(0, str(HERE / "danish"))
import setlib  # noqa: E402
import make_esco_set  # noqa: E402
import make_danish_set  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description="Builds JobMatch's quality benchmark sets.")
    ap.add_argument("--out", default=str(setlib.REPO / ".build/quality-sets"))
    ap.add_argument("--esco", default=str(setlib.REPO.parent / "shared/reference/esco-v1.1.1-tabiya"))
    ap.add_argument("--seed", type=int, default=9, help="seed of the ESCO selection [default: 9]")
    a = ap.parse_args()
    e = make_esco_set.build(a.esco, a.out, seed=a.seed)
    print(f"esco: {e['offers']} offers, {e['people']} people, {e['gradedPairs']} graded pairs")
    try:
        d = make_danish_set.build(a.out)
    except make_danish_set.SourceError as err:
        sys.exit(f"make_sets: {err}")
    print(f"danish: {d['offers']} offers ({d['offersInEnglish']} in English, {d['occupations']} occupations), "
          f"{d['people']} people, {d['gradedPairs']} graded pairs, {d['violations']} pairs breaking a stated requirement")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
