#!/usr/bin/env python3
"""The ESCO ranking set: ESCO occupations as job ads, people whose past job titles are those
occupations' *alternative* labels, graded by the ISCO-08 hierarchy.

    python3 Benchmarks/quality/esco/make_esco_set.py --esco DIR --out DIR [--seed N]
                                                    [--offers 400] [--people 300]

(usually run through Benchmarks/quality/make_sets.py). Reads `occupations.csv` of the Tabiya
export of ESCO v1.1.1 (ESCO is (c) the European Union, reuse authorised under Commission
Decision 2011/833/EU). Writes two runs, each a Corpus folder (see setlib.write_run):

- `esco-ads/`: every offer is a title (the occupation's preferred label) and an ad text (its
  ESCO description), no structured requirement fields;
- `esco-typed/`: the same offers with the title typed as the one must-have.

Selection (seeded, reproducible: the same seed and the same CSV give the same files):
1. An occupation can be an offer when it has a 4-digit ISCO unit group, a description, and at
   least one *held-out* alternative label: not its preferred label, not found (case-insensitive)
   anywhere in its own title or description, and used by no other ESCO occupation as a
   preferred or alternative label (so the grade of a title is never in doubt).
2. Offers are drawn in clusters so that grades 2 and 1 exist: ISCO minor groups (3 digits) in
   seeded order; in each, up to 3 of its unit groups (seeded order); in each, up to 4
   occupations (seeded order); until there are `--offers` of them.
3. People: `--people` of the offers' occupations (seeded sample), one person each. A person has
   one past job (70 %) or two (30 %, when two held-out labels exist), each titled with a
   different held-out alternative label of that occupation, 1-12 years, in a country drawn
   from the countries refugees in Denmark mostly come from. No skills, no summary: the title
   is all the engine has. Everyone lives and every workplace lies in 2100 København Ø, so
   distance, language and dates weigh the same for every pair.
4. Grades for (person, offer): 3 the person's own occupation, 2 another occupation in the same
   ISCO unit group (4 digits), 1 in the same minor group (3 digits), else 0.
5. Offer ids are assigned in a seeded random order, so ties broken by id say nothing about
   relevance.
"""

import argparse
import csv
import hashlib
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import setlib  # noqa: E402

COUNTRIES = ["SY", "AF", "ER", "UA", "IR", "IQ", "SO", "TR"]
POSTCODE = "2100"
START = "2026-03-01"


def norm(label):
    return re.sub(r"\s+", " ", label.strip().lower())


def alt_labels(row):
    return [" ".join(a.split()) for a in row["ALTLABELS"].split("\n") if a.strip()]


def build(esco_dir, out_dir, seed=9, n_offers=400, n_people=300):
    csv_path = Path(esco_dir) / "occupations.csv"
    raw = csv_path.read_bytes()
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["ID"])

    # How many occupations use each label (preferred or alternative).
    users = defaultdict(set)
    for r in rows:
        for label in [r["PREFERREDLABEL"]] + alt_labels(r):
            users[norm(label)].add(r["ID"])

    eligible = {}
    for r in rows:
        unit = r["ISCOGROUPCODE"].strip()
        desc = " ".join(r["DESCRIPTION"].split())
        if not re.fullmatch(r"\d{4}", unit) or not desc:
            continue
        own_text = norm(r["PREFERREDLABEL"] + " " + desc)
        held_out = []
        for a in alt_labels(r):
            n = norm(a)
            if len(n) < 3 or n == norm(r["PREFERREDLABEL"]) or n in own_text or users[n] != {r["ID"]}:
                continue
            if n not in (norm(h) for h in held_out):
                held_out.append(a)
        if held_out:
            eligible[r["ID"]] = {"row": r, "unit": unit, "description": desc, "held_out": held_out}

    rng = random.Random(seed)
    by_unit = defaultdict(list)
    for key in sorted(eligible):
        by_unit[eligible[key]["unit"]].append(key)
    by_minor = defaultdict(list)
    for unit in sorted(by_unit):
        by_minor[unit[:3]].append(unit)
    minors = sorted(by_minor)
    rng.shuffle(minors)
    chosen = []
    for m in minors:
        units = list(by_minor[m])
        rng.shuffle(units)
        for u in units[:3]:
            occs = list(by_unit[u])
            rng.shuffle(occs)
            chosen += occs[:4]
        if len(chosen) >= n_offers:
            break
    chosen = chosen[:n_offers]

    # Offer ids in a seeded random order.
    order = list(chosen)
    rng.shuffle(order)
    offer_id = {key: f"E-O-{i + 1:04d}" for i, key in enumerate(order)}
    ads, typed = [], []
    for i, key in enumerate(order):
        e = eligible[key]
        title = e["row"]["PREFERREDLABEL"].strip()
        base = {
            "id": offer_id[key],
            "employer": {"name": f"Arbejdsgiver {i + 1:03d} ApS", "cvr": setlib.cvr(5000 + i)},
            "kind": "job",
            "title": title,
            "description": e["description"],
            "startDate": START,
            "places": 1,
            "workplace": {"postcode": POSTCODE},
        }
        ads.append(base)
        typed.append(dict(base, mustHave=[title]))

    people_occs = rng.sample(chosen, n_people)
    profiles = []
    person_occ = {}
    for i, key in enumerate(people_occs):
        e = eligible[key]
        pid = f"E-P-{i + 1:04d}"
        person_occ[pid] = key
        labels = list(e["held_out"])
        rng.shuffle(labels)
        jobs = 2 if len(labels) >= 2 and rng.random() < 0.3 else 1
        experience = [{"title": labels[j], "years": rng.randint(1, 12), "country": rng.choice(COUNTRIES)} for j in range(jobs)]
        profiles.append({
            "id": pid,
            "intakeDate": "2026-01-15",
            "home": {"postcode": POSTCODE},
            "experience": experience,
            "languages": [{"language": "en", "level": "B1"}],
            "availableFrom": "2026-02-01",
        })

    grades = {}
    for pid, key in person_occ.items():
        unit = eligible[key]["unit"]
        for other in chosen:
            u = eligible[other]["unit"]
            g = 3 if other == key else 2 if u == unit else 1 if u[:3] == unit[:3] else 0
            if g:
                grades[(pid, offer_id[other])] = g

    meta = {
        "set": "esco",
        "seed": seed,
        "source": "ESCO v1.1.1, Tabiya CSV export: occupations.csv",
        "sourceSHA256": hashlib.sha256(raw).hexdigest(),
        "people": len(profiles),
        "offers": len(ads),
        "gradedPairs": len(grades),
        "grades": "3 same occupation, 2 same ISCO unit group (4 digits), 1 same minor group (3 digits)",
        "taxonomy": "corpus+esco",
    }
    out = Path(out_dir)
    setlib.write_run(out / "esco-ads", dict(meta, variant="ads", description="ad text only: title = preferred label, text = ESCO description"),
                     profiles, ads, grades, set())
    setlib.write_run(out / "esco-typed", dict(meta, variant="typed", description="the title typed as the one must-have"),
                     profiles, typed, grades, set())
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco", default=str(setlib.REPO.parent / "shared/reference/esco-v1.1.1-tabiya"))
    ap.add_argument("--out", default=str(setlib.REPO / ".build/quality-sets"))
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--offers", type=int, default=400)
    ap.add_argument("--people", type=int, default=300)
    a = ap.parse_args()
    meta = build(a.esco, a.out, a.seed, a.offers, a.people)
    print(f"esco: {meta['offers']} offers, {meta['people']} people, {meta['gradedPairs']} graded pairs -> {a.out}")


if __name__ == "__main__":
    main()
