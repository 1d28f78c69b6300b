#!/usr/bin/env python3
"""The Danish ad set: job ads as Danish employers write them (ads.txt) and intake records as a
consultant writes them at an asylum centre (people.txt), with graded relevance.

    python3 Benchmarks/quality/danish/make_danish_set.py --out DIR

(usually run through Benchmarks/quality/make_sets.py). Writes two runs, each a Corpus folder
(see setlib.write_run):

- `danish-ads/`: each offer is what the ad says: a title and a free text, plus what a job
  centre always records about an offer (employer and CVR, kind, workplace postcode, start
  date, places), and no structured requirement fields;
- `danish-typed/`: the same offers with the fields a consultant types from the ad filled in
  (mustHave, niceToHave, minimumDanish, englishWorkplace, licencesRequired, demands,
  shiftWork, sector), as written in ads.txt's `typed.*` lines.

Grades (see README.md in this folder for the consultant's rules): the fit the consultant wrote
for the person and the ad's occupation (`fit:` in people.txt), set to 0 when the ad states a
hard requirement the person does not meet (`typed.licences`, `typed.danish` unless
`typed.english` and the person's English is B1 or better, `typed.demands` against the person's
`limits`) or when the workplace lies beyond the person's maximum travel, and lowered by 1 when
the ad has shift work and the person does not accept it. Every pair breaking a stated hard
requirement is listed in violations.tsv.
"""

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import setlib  # noqa: E402

# The occupations the ads are for, with the sector a consultant types for them.
OCCUPATIONS = {
    "cleaner": "sector.cleaning",
    "hospital-service": "sector.cleaning",
    "kitchen-helper": "sector.hospitality",
    "cook": "sector.hospitality",
    "dishwasher": "sector.hospitality",
    "sosu-helper": "sector.elder-care",
    "sosu-assistant": "sector.elder-care",
    "nurse": "sector.health",
    "childcare-assistant": "sector.childcare",
    "warehouse-worker": "sector.warehouse",
    "forklift-driver": "sector.warehouse",
    "mail-carrier": "sector.warehouse",
    "truck-driver": "sector.transport",
    "bus-driver": "sector.transport",
    "van-driver": "sector.transport",
    "carpenter": "sector.construction",
    "construction-labourer": "sector.construction",
    "painter": "sector.construction",
    "welder": "sector.manufacturing",
    "production-worker": "sector.manufacturing",
    "baker": "sector.food-production",
    "slaughterhouse-worker": "sector.food-production",
    "greenhouse-worker": "sector.agriculture",
    "shop-assistant": "sector.retail",
    "car-mechanic": "sector.automotive",
    "hairdresser": "sector.beauty",
    "seamstress": "sector.textile",
    "it-supporter": "sector.it",
    "interpreter": "sector.teaching",
}

LICENCES = {"B", "BE", "C1", "C", "CE", "D1", "D", "CPC", "forklift", "hygiene", "first-aid", "crane", "ADR",
            "security", "authorisation", "loader-crane", "welding", "tachograph"}
DEMANDS = {"heavy-lifting", "standing", "night-work", "outdoor", "chemicals", "driving", "heights"}
# Levels in order (CompetencyProfile's LanguageLevel); Danish-education modules map onto them.
LEVELS = ["none", "A1", "A2", "B1", "B2", "C1", "C2", "native"]
DU_MODULES = {  # Danskuddannelse programme, module -> CEFR, as the model has it (LanguageLevel.danishModules)
    (1, 1): "A1", (1, 2): "A1", (1, 3): "A1", (1, 4): "A2", (1, 5): "A2", (1, 6): "A2",
    (2, 1): "A1", (2, 2): "A1", (2, 3): "A2", (2, 4): "A2", (2, 5): "B1", (2, 6): "B1",
    (3, 1): "A1", (3, 2): "A2", (3, 3): "A2", (3, 4): "B1", (3, 5): "B1", (3, 6): "B2",
}
START = "2026-04-01"


class SourceError(Exception):
    pass


def level_rank(text, where):
    t = text.strip()
    up = t.upper()
    if up.startswith("DU") and "M" in up:
        prog, mod = up[2:].split("M", 1)
        try:
            t = DU_MODULES[(int(prog), int(mod))]
        except (ValueError, KeyError):
            raise SourceError(f"{where}: '{text}' is not a Danish-education module (DU1M1 .. DU3M6)")
    if t.lower() == "native":
        t = "native"
    if t.upper() in LEVELS:
        t = t.upper()
    if t not in LEVELS:
        raise SourceError(f"{where}: '{text}' is not a level ({', '.join(LEVELS)} or DUxMy)")
    return LEVELS.index(t)


def blocks(path):
    """Yields (id, line number, [(line number, line)]) for each `=== ID` block."""
    current, start, lines = None, 0, []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("=== "):
            if current:
                yield current, start, lines
            current, start, lines = line[4:].strip(), n, []
        elif current is not None:
            lines.append((n, line))
        elif line.strip() and not line.startswith("#"):
            raise SourceError(f"{path.name}:{n}: text before the first '=== ID' line")
    if current:
        yield current, start, lines


def split_list(value, sep=";"):
    return [x.strip() for x in value.split(sep) if x.strip()]


def parse_ads(path):
    ads = []
    for ad_id, start, lines in blocks(path):
        fields, body, title = {}, [], None
        for n, line in lines:
            if title is not None:
                body.append(line)
                continue
            if line.startswith("#") or not line.strip():
                continue
            if ":" not in line:
                raise SourceError(f"{path.name}:{n}: expected 'key: value' before the title")
            key, value = (x.strip() for x in line.split(":", 1))
            if key == "title":
                title = value
            else:
                fields[key] = value
        where = f"{path.name}:{start} ({ad_id})"
        if not title:
            raise SourceError(f"{where}: no 'title:' line")
        text = "\n".join(body).strip()
        if len(text) < 100:
            raise SourceError(f"{where}: the ad text is only {len(text)} characters")
        occ = fields.get("occupation", "")
        if occ not in OCCUPATIONS:
            raise SourceError(f"{where}: occupation '{occ}' is not one of the set's occupations")
        for key in ("employer", "postcode", "kind"):
            if key not in fields:
                raise SourceError(f"{where}: '{key}:' is missing")
        licences = split_list(fields.get("typed.licences", ""), ",")
        demands = split_list(fields.get("typed.demands", ""), ",")
        for x in licences:
            if x not in LICENCES:
                raise SourceError(f"{where}: typed.licences: '{x}' is not a licence code")
        for x in demands:
            if x not in DEMANDS:
                raise SourceError(f"{where}: typed.demands: '{x}' is not a demand code")
        danish = fields.get("typed.danish") or None
        if danish:
            level_rank(danish, where + ": typed.danish")
        ads.append({
            "id": ad_id, "occupation": occ, "title": title, "text": text, "employer": fields["employer"],
            "postcode": int(fields["postcode"]), "kind": fields["kind"], "places": int(fields.get("places", "1")),
            "lang": fields.get("lang", "da"),
            "must": split_list(fields.get("typed.must", ""), "|"), "nice": split_list(fields.get("typed.nice", ""), "|"),
            "danish": danish, "english": fields.get("typed.english", "no") == "yes",
            "licences": licences, "demands": demands, "shift": fields.get("typed.shift", "no") == "yes",
        })
    return ads


def parse_people(path):
    people = []
    for pid, start, lines in blocks(path):
        where = f"{path.name}:{start} ({pid})"
        f = {"exp": [], "edu": []}
        for n, line in lines:
            if line.startswith("#") or not line.strip():
                continue
            if ":" not in line:
                raise SourceError(f"{path.name}:{n}: expected 'key: value'")
            key, value = (x.strip() for x in line.split(":", 1))
            if key in ("exp", "edu"):
                f[key].append(value)
            else:
                f[key] = value
        for key in ("intake", "home", "travel", "fit"):
            if key not in f:
                raise SourceError(f"{where}: '{key}:' is missing")
        fit = {}
        for item in split_list(f["fit"]):
            occ, _, g = item.rpartition(" ")
            if occ not in OCCUPATIONS or g not in ("1", "2", "3"):
                raise SourceError(f"{where}: fit: '{item}' is not 'occupation 1|2|3'")
            fit[occ] = int(g)
        people.append({"id": pid, "fields": f, "fit": fit, "where": where})
    return people


def profile_json(p):
    f = p["fields"]
    intake = [x.strip() for x in f["intake"].split("|")]
    out = {"id": p["id"], "intakeDate": intake[0]}
    if len(intake) > 1 and intake[1]:
        out["asylumCentre"] = intake[1]
    if len(intake) > 2 and intake[2]:
        out["consultant"] = intake[2]
    if len(intake) > 3 and intake[3]:
        out["municipality"] = int(intake[3])
    out["home"] = {"postcode": f["home"]}
    if "municipality" not in out:
        row = setlib.postcode_rows().get(int(f["home"]))
        if row:
            out["municipality"] = int(row["municipality"])
    out["education"] = []
    for e in f["edu"]:
        c = [x.strip() for x in e.split("|")]
        item = {"isced": int(c[0]), "field": c[1]}
        if len(c) > 2 and c[2]:
            item["country"] = c[2]
        if len(c) > 3 and c[3]:
            item["years"] = float(c[3])
        item["completed"] = len(c) <= 4 or c[4] != "no"
        item["recognisedInDenmark"] = len(c) > 5 and c[5] == "yes"
        out["education"].append(item)
    out["experience"] = []
    for e in f["exp"]:
        c = [x.strip() for x in e.split("|")]
        item = {"title": c[0]}
        if len(c) > 1 and c[1]:
            item["years"] = float(c[1])
        if len(c) > 2 and c[2]:
            item["country"] = c[2]
        if len(c) > 3 and c[3]:
            item["tasks"] = c[3]
        out["experience"].append(item)
    out["skills"] = split_list(f.get("skills", ""))
    langs = []
    for item in split_list(f.get("langs", "")):
        code, _, level = item.partition(" ")
        level_rank(level, p["where"] + ": langs")
        langs.append({"language": code, "level": level})
    out["languages"] = langs
    out["licences"] = split_list(f.get("licences", ""))
    for x in out["licences"]:
        if x not in LICENCES:
            raise SourceError(f"{p['where']}: licences: '{x}' is not a licence code")
    out["limitations"] = split_list(f.get("limits", ""))
    for x in out["limitations"]:
        if x not in DEMANDS:
            raise SourceError(f"{p['where']}: limits: '{x}' is not a demand code")
    out["wishes"] = {
        "sectors": split_list(f.get("sectors", "")),
        "jobs": split_list(f.get("jobs", "")),
        "hours": f.get("hours", "any"),
        "acceptsShiftWork": f.get("shifts", "yes") == "yes",
        "maxTravelKm": float(f["travel"]),
    }
    out["availableFrom"] = f.get("from", "2026-03-01")
    if f.get("summary"):
        out["summary"] = f["summary"]
    return out


def offer_json(ad, n, typed):
    o = {
        "id": ad["id"],
        "employer": {"name": ad["employer"], "cvr": setlib.cvr(n)},
        "employerReference": f"Q{n:03d}",
        "kind": ad["kind"],
        "title": ad["title"],
        "description": ad["text"],
        "startDate": START,
        "places": ad["places"],
        "workplace": {"postcode": str(ad["postcode"])},
    }
    if typed:
        o.update({
            "mustHave": ad["must"], "niceToHave": ad["nice"], "englishWorkplace": ad["english"],
            "licencesRequired": ad["licences"], "demands": ad["demands"], "shiftWork": ad["shift"],
            "sector": OCCUPATIONS[ad["occupation"]],
        })
        if ad["danish"]:
            o["minimumDanish"] = ad["danish"]
    return o


def broken_requirements(ad, profile):
    """The hard requirements the ad states that the person does not meet (empty: none)."""
    why = []
    held = set(profile["licences"])
    for lic in ad["licences"]:
        if lic not in held:
            why.append(f"licence {lic}")
    if ad["danish"]:
        levels = {l["language"]: level_rank(l["level"], "") for l in profile["languages"]}
        danish = levels.get("da", 0)
        english_ok = levels.get("en", 0) >= LEVELS.index("B1")
        if danish < level_rank(ad["danish"], "") and not (ad["english"] and english_ok):
            why.append(f"Danish {ad['danish']}")
    for d in ad["demands"]:
        if d in profile["limitations"]:
            why.append(f"demand {d}")
    return why


def build(out_dir, ads_path=HERE / "ads.txt", people_path=HERE / "people.txt", seed=9):
    ads = parse_ads(ads_path)
    people = parse_people(people_path)
    keys = [a["id"] for a in ads]
    if len(set(keys)) != len(keys):
        raise SourceError("ads.txt: an ad key is used twice")
    # Offer ids in a seeded random order, so that ties broken by id say nothing about relevance.
    order = list(range(len(ads)))
    random.Random(seed).shuffle(order)
    for n, i in enumerate(order):
        ads[i]["key"], ads[i]["id"] = ads[i]["id"], f"DK-A{n + 1:03d}"
    ads.sort(key=lambda a: a["id"])
    if len({p["id"] for p in people}) != len(people):
        raise SourceError("people.txt: a person id is used twice")
    centroids = setlib.postcode_centroids()
    for a in ads:
        if a["postcode"] not in centroids:
            raise SourceError(f"ads.txt ({a['id']}): postcode {a['postcode']} is not in Corpus/postcodes.tsv")
    profiles = [profile_json(p) for p in people]
    for pr in profiles:
        if int(pr["home"]["postcode"]) not in centroids:
            raise SourceError(f"people.txt ({pr['id']}): postcode {pr['home']['postcode']} is not in Corpus/postcodes.tsv")

    grades, violations = {}, set()
    for p, pr in zip(people, profiles):
        home = centroids[int(pr["home"]["postcode"])]
        for a in ads:
            if broken_requirements(a, pr):
                violations.add((pr["id"], a["id"]))
                continue
            g = p["fit"].get(a["occupation"], 0)
            if g == 0:
                continue
            if setlib.distance_km(home, centroids[a["postcode"]]) > pr["wishes"]["maxTravelKm"]:
                continue
            if a["shift"] and not pr["wishes"]["acceptsShiftWork"]:
                g -= 1
            if g > 0:
                grades[(pr["id"], a["id"])] = g

    meta = {
        "set": "danish",
        "source": "Benchmarks/quality/danish/ads.txt and people.txt, written for JobMatch",
        "people": len(profiles),
        "offers": len(ads),
        "offersInEnglish": sum(1 for a in ads if a["lang"] == "en"),
        "occupations": len({a["occupation"] for a in ads}),
        "gradedPairs": len(grades),
        "violations": len(violations),
        "grades": "the consultant's fit of the person for the ad's occupation (3, 2, 1); 0 when the ad states a hard "
                  "requirement the person does not meet or the workplace is beyond the person's maximum travel; "
                  "1 lower when the ad has shift work the person does not accept",
        "taxonomy": "corpus",
    }
    out = Path(out_dir)
    setlib.write_run(out / "danish-ads", dict(meta, variant="ads", description="ad text only (title and free text)"),
                     profiles, [offer_json(a, 7000 + i, False) for i, a in enumerate(ads)], grades, violations)
    setlib.write_run(out / "danish-typed", dict(meta, variant="typed", description="the same offers with every field typed"),
                     profiles, [offer_json(a, 7000 + i, True) for i, a in enumerate(ads)], grades, violations)
    for run in ("danish-ads", "danish-typed"):
        with open(out / run / "offer-sources.tsv", "w", encoding="utf-8") as f:
            f.write("offer\tkey\toccupation\tlang\n")
            for a in ads:
                f.write(f"{a['id']}\t{a['key']}\t{a['occupation']}\t{a['lang']}\n")
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(setlib.REPO / ".build/quality-sets"))
    a = ap.parse_args()
    try:
        meta = build(a.out)
    except SourceError as e:
        sys.exit(f"make_danish_set: {e}")
    print(f"danish: {meta['offers']} offers ({meta['offersInEnglish']} in English, {meta['occupations']} occupations), "
          f"{meta['people']} people, {meta['gradedPairs']} graded pairs, {meta['violations']} pairs breaking a stated requirement -> {a.out}")


if __name__ == "__main__":
    main()
