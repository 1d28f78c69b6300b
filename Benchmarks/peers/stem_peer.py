#!/usr/bin/env python3
"""Peer benchmark for `jobmatch-bench stem`: PyStemmer (the C Snowball library) on the same words.

    python3 Benchmarks/peers/stem_peer.py [--lang da|en] [--repeat N] [--voc PATH]
                                         [--bench PATH | --no-bench] [--venv DIR]

Creates (once) a virtual environment with PyStemmer (default: <repo>/.venv-stem), re-runs itself
inside it, stems every word of Snowball's reference vocabulary with `Stemmer.stemWords` N times
and prints words per second (median, min, max) as JSON: once with PyStemmer's default word cache
(10,000 entries) and once with the cache switched off (`maxCacheSize = 0`), which times the
Snowball C code itself. Unless --no-bench is given and if the release binary exists, it also runs
`jobmatch-bench stem --lang <lang> --json` and reports the ratio of our medians to PyStemmer's.
Build the binary first:  swift build -c release --product jobmatch-bench
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = {"da": ("danish", "danish"), "en": ("english", "english")}


def ensure_pystemmer(venv: Path) -> None:
    """Re-executes this script inside `venv` (created with PyStemmer if missing) unless
    PyStemmer is already importable."""
    try:
        import Stemmer  # noqa: F401
        return
    except ImportError:
        pass
    python = venv / "bin" / "python"
    if os.environ.get("STEM_PEER_IN_VENV"):
        sys.exit(f"stem_peer: PyStemmer is not importable in {venv}")
    if not python.exists():
        print(f"stem_peer: creating {venv} with PyStemmer", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "PyStemmer"], check=True)
    env = dict(os.environ, STEM_PEER_IN_VENV="1")
    os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)


def measure(stemmer, words, repetitions):
    for _ in range(3):  # warm-up
        stemmer.stemWords(words)
    rates = []
    for _ in range(repetitions):
        start = time.perf_counter()
        stemmer.stemWords(words)
        rates.append(len(words) / (time.perf_counter() - start))
    return {
        "medianWordsPerSecond": statistics.median(rates),
        "minWordsPerSecond": min(rates),
        "maxWordsPerSecond": max(rates),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default="da")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--voc", type=Path)
    parser.add_argument("--bench", type=Path, default=REPO / ".build" / "release" / "jobmatch-bench")
    parser.add_argument("--no-bench", action="store_true")
    parser.add_argument("--venv", type=Path, default=REPO / ".venv-stem")
    args = parser.parse_args()

    ensure_pystemmer(args.venv)
    import Stemmer

    directory, algorithm = LANGUAGES[args.lang]
    voc = args.voc or (REPO / ".." / "shared" / "reference" / "snowball" / directory / "voc.txt").resolve()
    words = [line for line in voc.read_text(encoding="utf-8").split("\n") if line]

    cached = Stemmer.Stemmer(algorithm)
    uncached = Stemmer.Stemmer(algorithm)
    uncached.maxCacheSize = 0
    report = {
        "benchmark": "stem-peer",
        "peer": f"PyStemmer {Stemmer.version()}",
        "python": sys.version.split()[0],
        "language": args.lang,
        "vocabulary": str(voc),
        "words": len(words),
        "repetitions": args.repeat,
        "pystemmer": {
            "cached": measure(cached, words, args.repeat),
            "uncached": measure(uncached, words, args.repeat),
        },
    }

    if not args.no_bench and args.bench.exists():
        command = [str(args.bench), "stem", "--lang", args.lang, "--repeat", str(args.repeat),
                   "--json", "--voc", str(voc)]
        ours = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        report["jobmatch"] = ours
        report["ratio"] = {
            f"{m['entryPoint']}/{mode}": m["medianWordsPerSecond"] / report["pystemmer"][mode]["medianWordsPerSecond"]
            for m in ours["measurements"] for mode in ("cached", "uncached")
        }
    elif not args.no_bench:
        report["jobmatch"] = f"not run: {args.bench} does not exist"

    print(json.dumps(report, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
