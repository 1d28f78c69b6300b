"""What the two quality-set generators share: valid CVR numbers, distances, and writing a set
as a Corpus folder (taxonomy and postcodes copied from the bundled Corpus, so that
`jobmatch --corpus FOLDER explain ...` works on a set) with its judgements beside it."""

import json
import math
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "Corpus"

# The engine's straight-line distance (ScoringPolicy.distanceKm): equirectangular at 56 degrees N.
KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON = 62.25


def distance_km(a, b):
    """Straight-line km between two (lat, lon) pairs, as the engine computes it."""
    dx = (b[1] - a[1]) * KM_PER_DEGREE_LON
    dy = (b[0] - a[0]) * KM_PER_DEGREE_LAT
    return math.sqrt(dx * dx + dy * dy)


def postcode_rows(corpus=CORPUS):
    """postcode (int) -> its row of Corpus/postcodes.tsv (postcode, name, municipality, lat, lon)."""
    out = {}
    header = None
    for line in (corpus / "postcodes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        out[int(row["postcode"])] = row
    return out


def postcode_centroids(corpus=CORPUS):
    """postcode (int) -> (lat, lon) from Corpus/postcodes.tsv."""
    return {pc: (float(r["lat"]), float(r["lon"])) for pc, r in postcode_rows(corpus).items()}


def cvr(n):
    """The n-th made-up CVR number: 8 digits from 30000000 + 97 n upwards, the first that passes
    the modulus-11 check (weights 2,7,6,5,4,3,2,1)."""
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    x = 30_000_000 + 97 * n
    while True:
        digits = [int(c) for c in str(x)]
        if digits[0] != 0 and sum(w * d for w, d in zip(weights, digits)) % 11 == 0:
            return str(x)
        x += 1


def write_json(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_run(folder, meta, profiles, offers, grades, violations):
    """Writes one run of a set as a Corpus folder: taxonomy/ and postcodes.tsv (copies of the
    bundled Corpus), profiles.json, offers.json, and the judgements: qrels.tsv (person, offer,
    grade > 0), violations.tsv (person, offer whose ad states a hard requirement the person does
    not meet) and set.json (what the run is)."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(CORPUS / "taxonomy", folder / "taxonomy")
    shutil.copy(CORPUS / "postcodes.tsv", folder / "postcodes.tsv")
    write_json(folder / "profiles.json", profiles)
    write_json(folder / "offers.json", offers)
    with open(folder / "qrels.tsv", "w", encoding="utf-8") as f:
        f.write("person\toffer\tgrade\n")
        for (p, o), g in sorted(grades.items()):
            if g > 0:
                f.write(f"{p}\t{o}\t{g}\n")
    with open(folder / "violations.tsv", "w", encoding="utf-8") as f:
        f.write("person\toffer\n")
        for p, o in sorted(violations):
            f.write(f"{p}\t{o}\n")
    write_json(folder / "set.json", meta)
    # Intake records are personal data in real use; the sets are fictitious, but keep the habit.
    os.chmod(folder / "profiles.json", 0o600)
