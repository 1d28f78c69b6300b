#!/usr/bin/env python3
"""Peer for `jobmatch-bench quality`: plain BM25 on the same texts, and an independent nDCG.

    python3 Benchmarks/peers/bm25_peer.py [--sets DIR] [--runs a,b] [--k1 1.2] [--b 0.75] [--json]
    python3 Benchmarks/peers/bm25_peer.py --score RANKING.tsv --qrels QRELS.tsv
                                          [--violations VIOLATIONS.tsv] [--people PROFILES.json] [--json]

The first form ranks, for every run of the quality sets (made by Benchmarks/quality/make_sets.py,
default folder .build/quality-sets), every offer for every person with Okapi BM25 and scores
the top 10 against the run's judgements, twice: all offers, and only the offers within the
person's maximum travel distance (straight line between the home's and the workplace's
coordinates or postcode centroids, as the engine measures it). It also scores the engine's own
ranking file (ranking-engine.tsv, written by `jobmatch-bench quality`) when the run has one, so
the Swift and Python computations of nDCG can be compared. The second form scores any ranking
file.

BM25 here: documents are an offer's title and ad text, the query is the person's own words
(experience titles and tasks, skills, education fields, the consultant's summary, wished jobs);
tokens are maximal runs of Unicode letters and digits, lower-cased, with no stemming and no
stop words; every query token counts (a repeated word counts again);
idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)); term score idf * tf (k1 + 1) / (tf + k1 (1 - b + b |d| / avgdl)).
Offers sharing no token with the query are not ranked; ties are broken by offer id.

nDCG@10 (as in Sources/JobMatch/RankingQuality.swift, written separately): DCG = sum over
ranks i = 1..10 of grade / log2(i + 1); the ideal DCG sorts every graded offer of the person by
grade; mean over people with at least one graded offer (a judged person with nothing ranked
scores 0). "Breaks": people whose first suggestion is listed in violations.tsv, over all people.

Python 3 standard library only: no virtual environment is needed.
"""

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CUTOFF = 10
TOKEN = re.compile(r"[^\W_]+")
KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON = 62.25


def tokens(text):
    return TOKEN.findall(text.lower())


# ---------------------------------------------------------------- judgements and metrics

def read_tsv(path, columns):
    rows = []
    header = False
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip(" \t") or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < columns or not all(cells[:columns]):
            sys.exit(f"bm25_peer: {path}:{n}: expected {columns} tab-separated values")
        rows.append(cells[:columns])
    return rows


def read_qrels(path):
    grades = defaultdict(dict)
    for person, offer, grade in read_tsv(path, 3):
        if int(grade) > 0:
            grades[person][offer] = int(grade)
    return grades


def read_violations(path):
    broken = defaultdict(set)
    if path and Path(path).exists():
        for person, offer in read_tsv(path, 2):
            broken[person].add(offer)
    return broken


def read_rankings(path):
    ranked = defaultdict(list)
    for person, rank, offer in read_tsv(path, 3):
        ranked[person].append((int(rank), offer))
    return {p: [o for _, o in sorted(r)] for p, r in ranked.items()}


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains[:CUTOFF]) if g > 0)


def figures(rankings, grades, violations):
    """rankings: person -> offers best first, for every person of the set."""
    total, judged, breaking = 0.0, 0, 0
    for person in sorted(rankings):
        ranking = rankings[person]
        g = grades.get(person, {})
        ideal = dcg(sorted((x for x in g.values() if x > 0), reverse=True))
        if ideal > 0:
            total += dcg([g.get(o, 0) for o in ranking[:CUTOFF]]) / ideal
            judged += 1
        if ranking and ranking[0] in violations.get(person, ()):
            breaking += 1
    return {
        "cutoff": CUTOFF,
        "people": len(rankings),
        "judgedPeople": judged,
        "ndcg": total / judged if judged else 0.0,
        "topBreaksRequirement": breaking,
        "topBreaksRequirementShare": breaking / len(rankings) if rankings else 0.0,
    }


# ---------------------------------------------------------------- BM25

def person_words(p):
    parts = []
    for x in p.get("experience", []):
        parts += [x.get("title", ""), x.get("tasks") or ""]
    parts += p.get("skills", [])
    parts += [e.get("field", "") for e in p.get("education", [])]
    parts.append(p.get("summary") or "")
    parts += p.get("wishes", {}).get("jobs", [])
    return " ".join(parts)


class BM25:
    def __init__(self, documents, k1=1.2, b=0.75):
        self.k1, self.b = k1, b
        self.tf = [Counter(d) for d in documents]
        self.length = [len(d) for d in documents]
        self.avgdl = sum(self.length) / len(documents) if documents else 0
        df = Counter(t for d in self.tf for t in d)
        n = len(documents)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def scores(self, query):
        out = [0.0] * len(self.tf)
        for t in query:
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in enumerate(self.tf):
                f = tf.get(t)
                if f:
                    norm = self.k1 * (1 - self.b + self.b * self.length[i] / self.avgdl)
                    out[i] += idf * f * (self.k1 + 1) / (f + norm)
        return out


def centroids():
    out, header = {}, None
    for line in (REPO / "Corpus/postcodes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        out[row["postcode"]] = (float(row["lat"]), float(row["lon"]))
    return out


def place(location, cents):
    if not location:
        return None
    c = location.get("coordinates")
    if c:
        return (c["lat"], c["lon"])
    pc = location.get("postcode")
    return cents.get(str(pc)) if pc is not None else None


def within_travel(person, offer, cents):
    a, b = place(person.get("home"), cents), place(offer.get("workplace"), cents)
    if a is None or b is None:
        return True
    dx = (b[1] - a[1]) * KM_PER_DEGREE_LON
    dy = (b[0] - a[0]) * KM_PER_DEGREE_LAT
    return math.sqrt(dx * dx + dy * dy) <= person.get("wishes", {}).get("maxTravelKm", 25)


def run_bm25(folder, k1, b, write=True):
    profiles = json.loads((folder / "profiles.json").read_text(encoding="utf-8"))
    offers = json.loads((folder / "offers.json").read_text(encoding="utf-8"))
    grades = read_qrels(folder / "qrels.tsv")
    violations = read_violations(folder / "violations.tsv")
    index = BM25([tokens(o["title"] + "\n" + o.get("description", "")) for o in offers], k1, b)
    cents = centroids()
    plain, travel = {}, {}
    for p in profiles:
        s = index.scores(tokens(person_words(p)))
        order = sorted((i for i in range(len(offers)) if s[i] > 0), key=lambda i: (-s[i], offers[i]["id"]))
        plain[p["id"]] = [offers[i]["id"] for i in order[:CUTOFF]]
        travel[p["id"]] = [offers[i]["id"] for i in order if within_travel(p, offers[i], cents)][:CUTOFF]
    if write:
        for name, r in (("ranking-bm25.tsv", plain), ("ranking-bm25-travel.tsv", travel)):
            with open(folder / name, "w", encoding="utf-8") as f:
                f.write("person\trank\toffer\n")
                for person in sorted(r):
                    for i, o in enumerate(r[person]):
                        f.write(f"{person}\t{i + 1}\t{o}\n")
    result = {"bm25": figures(plain, grades, violations), "bm25Travel": figures(travel, grades, violations)}
    engine_file = folder / "ranking-engine.tsv"
    if engine_file.exists():
        ranked = read_rankings(engine_file)
        everyone = {p["id"]: ranked.get(p["id"], []) for p in profiles}
        result["engine"] = figures(everyone, grades, violations)
    return result


def main():
    ap = argparse.ArgumentParser(description="BM25 peer and nDCG scorer for jobmatch-bench quality")
    ap.add_argument("--sets", default=str(REPO / ".build/quality-sets"))
    ap.add_argument("--runs", default="esco-ads,esco-typed,danish-ads,danish-typed")
    ap.add_argument("--k1", type=float, default=1.2)
    ap.add_argument("--b", type=float, default=0.75)
    ap.add_argument("--score", help="score this ranking file instead of running BM25")
    ap.add_argument("--qrels")
    ap.add_argument("--violations")
    ap.add_argument("--people", help="profiles.json: people with nothing ranked count too")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    if a.score:
        if not a.qrels:
            sys.exit("bm25_peer: --score needs --qrels")
        ranked = read_rankings(a.score)
        if a.people:
            for p in json.loads(Path(a.people).read_text(encoding="utf-8")):
                ranked.setdefault(p["id"], [])
        f = figures(ranked, read_qrels(a.qrels), read_violations(a.violations))
        print(json.dumps(f, indent=1) if a.json else f"nDCG@10 {f['ndcg']:.6f} over {f['judgedPeople']} judged people; "
              f"first suggestion breaks a stated requirement for {f['topBreaksRequirement']} of {f['people']}")
        return

    out = {"parameters": {"k1": a.k1, "b": a.b, "cutoff": CUTOFF}, "runs": {}}
    for run in [r for r in a.runs.split(",") if r]:
        folder = Path(a.sets) / run
        if not (folder / "set.json").exists():
            sys.exit(f"bm25_peer: {folder} holds no set (run Benchmarks/quality/make_sets.py)")
        out["runs"][run] = run_bm25(folder, a.k1, a.b)
    if a.json:
        print(json.dumps(out, indent=1))
        return
    print(f"BM25 (k1 {a.k1}, b {a.b}), nDCG@{CUTOFF}; breaks = first suggestion breaks a stated hard requirement")
    print(f"{'run':14}{'BM25':>8}{'breaks':>9}{'BM25+travel':>13}{'breaks':>9}{'engine':>9}{'breaks':>9}")
    for run, r in out["runs"].items():
        e = r.get("engine")
        print(f"{run:14}{r['bm25']['ndcg']:8.3f}{100 * r['bm25']['topBreaksRequirementShare']:8.1f}%"
              f"{r['bm25Travel']['ndcg']:13.3f}{100 * r['bm25Travel']['topBreaksRequirementShare']:8.1f}%"
              + (f"{e['ndcg']:9.3f}{100 * e['topBreaksRequirementShare']:8.1f}%" if e else f"{'-':>9}{'-':>9}"))


if __name__ == "__main__":
    main()
