#!/usr/bin/env python3
"""Checks the bundled Corpus (stdlib only): taxonomy, postcodes, profiles, offers, gold cases.

Run from anywhere:  python3 Corpus/tools/check_corpus.py [--score]
With --score it also runs a rough reference scorer (see score.py) over the gold cases.
Exits non-zero when a check fails.
"""
import glob, json, os, re, sys, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []
def err(msg): errors.append(msg)

KINDS = {"sector", "group", "occupation", "skill", "knowledge", "licence", "language"}
LICENCES = ["B", "BE", "C1", "C", "CE", "D1", "D", "CPC", "forklift", "hygiene", "first-aid", "crane",
            "ADR", "security", "authorisation", "loader-crane", "welding", "tachograph"]
LIC_ALIASES = {l.lower(): l for l in LICENCES}
LIC_ALIASES.update({"truck": "forklift", "truckcertifikat": "forklift", "hygiejnebevis": "hygiene",
                    "førstehjælp": "first-aid", "first aid": "first-aid"})
DEMANDS = {"heavy-lifting", "standing", "night-work", "outdoor", "chemicals", "driving", "heights"}
LEVELS = ["none", "A1", "A2", "B1", "B2", "C1", "C2", "native"]
HEADER = "id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en".split("\t")

def load_taxonomy():
    concepts = collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(ROOT, "taxonomy", "*.tsv"))):
        name = os.path.basename(path)
        header = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if header is None:
                    header = cols
                    if cols != HEADER:
                        err(f"{name}:{n}: header is {cols}")
                    continue
                if len(cols) != 8:
                    err(f"{name}:{n}: {len(cols)} columns, expected 8"); continue
                c = dict(zip(HEADER, cols))
                c["file"] = name
                c["syn_da"] = [s.strip() for s in c["synonyms_da"].split("|") if s.strip()]
                c["syn_en"] = [s.strip() for s in c["synonyms_en"].split("|") if s.strip()]
                if c["id"] in concepts:
                    err(f"{name}:{n}: duplicate id {c['id']}")
                concepts[c["id"]] = c
    return concepts

def level_of(text):
    t = str(text).strip().lower()
    for i, l in enumerate(LEVELS):
        if t == l.lower():
            return i
    if t in ("modersmål", "mother tongue"):
        return 7
    m = re.match(r"^du\s*(\d)\s*m(?:odul)?\s*(\d)$", t)
    if m:
        table = [[1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3], [1, 2, 2, 3, 3, 4]]
        p, mod = int(m.group(1)), int(m.group(2))
        if 1 <= p <= 3 and 1 <= mod <= 6:
            return table[p - 1][mod - 1]
    return None

def cvr_ok(s):
    s = str(s)
    if not re.fullmatch(r"[1-9]\d{7}", s):
        return False
    return sum(int(d) * w for d, w in zip(s, [2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0

def check_taxonomy(concepts):
    ok_id = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
    per_sector = collections.Counter()
    labels = collections.defaultdict(set)
    for cid, c in concepts.items():
        k, p = c["kind"], c["parent"]
        if not ok_id.match(cid): err(f"{cid}: id is not lower-case ASCII")
        if k not in KINDS: err(f"{cid}: kind {k}"); continue
        if not c["label_da"] or not c["label_en"]: err(f"{cid}: missing label")
        if k in ("sector", "licence", "language"):
            if p: err(f"{cid}: {k} must have no parent")
        elif p not in concepts:
            err(f"{cid}: parent {p!r} does not exist")
        else:
            pk = concepts[p]["kind"]
            if k == "group" and pk != "sector": err(f"{cid}: group's parent {p} is a {pk}")
            if k in ("occupation", "skill", "knowledge") and pk != "group": err(f"{cid}: parent {p} is a {pk}")
        if k == "occupation" and not re.fullmatch(r"\d{4}", c["code"]): err(f"{cid}: occupation code {c['code']!r}")
        if k == "licence" and c["code"] not in LICENCES: err(f"{cid}: licence code {c['code']!r}")
        if k == "language" and not re.fullmatch(r"[a-z]{2,3}", c["code"]): err(f"{cid}: language code {c['code']!r}")
        s = cid
        while s and concepts.get(s, {}).get("kind") not in (None, "sector"):
            s = concepts[s]["parent"]
        per_sector[s if s else c["file"]] += 1
        for lab in [c["label_da"], c["label_en"]] + c["syn_da"] + c["syn_en"]:
            labels[lab.lower()].add(cid)
            if lab.lower() in ("arbejde", "work", "job", "erfaring", "experience", "it"):
                err(f"{cid}: label {lab!r} is an ordinary word")
    for lab, ids in labels.items():
        if len(ids) > 1:
            err(f"label {lab!r} is used by {sorted(ids)}")
    lic_codes = {c["code"] for c in concepts.values() if c["kind"] == "licence"}
    if lic_codes != set(LICENCES): err(f"licence concepts missing: {set(LICENCES) - lic_codes}")
    sectors = [c for c in concepts.values() if c["kind"] == "sector"]
    if len(concepts) < 420: err(f"only {len(concepts)} concepts")
    if len(sectors) < 16: err(f"only {len(sectors)} sectors")
    return per_sector

def load_postcodes():
    pcs = {}
    with open(os.path.join(ROOT, "postcodes.tsv"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    if lines[0].split("\t") != ["postcode", "name", "municipality", "lat", "lon"]:
        err(f"postcodes.tsv header {lines[0]!r}")
    for l in lines[1:]:
        pc, name, mun, lat, lon = l.split("\t")
        if pc in pcs: err(f"postcode {pc} twice")
        if not re.fullmatch(r"\d{4}", pc) or not re.fullmatch(r"\d{3}", mun): err(f"postcode row {l!r}")
        lat, lon = float(lat), float(lon)
        if not (54.4 <= lat <= 57.9 and 7.9 <= lon <= 15.3): err(f"postcode {pc} outside Denmark")
        pcs[pc] = (name, int(mun), lat, lon)
    if len(pcs) < 80: err(f"only {len(pcs)} postcodes")
    return pcs

def check_location(where, loc, pcs, need=True):
    if loc is None:
        if need: err(f"{where}: no location")
        return
    pc = loc.get("postcode")
    if pc is not None and str(pc) not in pcs: err(f"{where}: postcode {pc} not in postcodes.tsv")
    if need and pc is None and loc.get("coordinates") is None: err(f"{where}: needs postcode or coordinates")
    c = loc.get("coordinates")
    if c and not (54.4 <= c["lat"] <= 57.9 and 7.9 <= c["lon"] <= 15.3): err(f"{where}: coordinates outside Denmark")

def check_profiles(profiles, concepts, pcs):
    sector_ids = {k for k, c in concepts.items() if c["kind"] == "sector"}
    ids = set()
    for p in profiles:
        w = p.get("id", "?")
        if w in ids: err(f"profile {w} twice")
        ids.add(w)
        if not re.fullmatch(r"[A-ZÆØÅ]{2,4}-\d{4}-\d{4}", w): err(f"profile id {w}")
        for f in ("intakeDate", "availableFrom"):
            if f in p and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p[f]): err(f"{w}: {f} {p[f]}")
        if "home" in p: check_location(f"{w}.home", p["home"], pcs, need=False)
        for s in p.get("wishes", {}).get("sectors", []):
            if s not in sector_ids: err(f"{w}: wished sector {s} not in taxonomy")
        for l in p.get("languages", []):
            if level_of(l["level"]) is None: err(f"{w}: language level {l['level']}")
        for l in p.get("licences", []):
            if l not in LICENCES and l.lower() not in LIC_ALIASES: err(f"{w}: licence {l}")
        for d in p.get("limitations", []):
            if d not in DEMANDS: err(f"{w}: limitation {d}")
        for e in p.get("education", []):
            if not 0 <= e["isced"] <= 8: err(f"{w}: isced")
        for e in p.get("experience", []):
            oc = e.get("occupationCode")
            if oc is not None and not re.fullmatch(r"\d{4}|\d{6}", oc): err(f"{w}: occupationCode {oc}")
        mx = p.get("wishes", {}).get("maxTravelKm", 25)
        if not 0 <= mx <= 500: err(f"{w}: maxTravelKm {mx}")
    if len(profiles) < 150: err(f"only {len(profiles)} profiles")
    return ids

def check_offers(offers, concepts, pcs):
    sector_ids = {k for k, c in concepts.items() if c["kind"] == "sector"}
    ids = set()
    for o in offers:
        w = o.get("id", "?")
        if w in ids: err(f"offer {w} twice")
        ids.add(w)
        if not cvr_ok(o["employer"]["cvr"]): err(f"{w}: CVR {o['employer']['cvr']} fails modulus 11")
        if o["kind"] not in ("internship", "wage-subsidy", "igu", "job"): err(f"{w}: kind {o['kind']}")
        if o.get("sector") and o["sector"] not in sector_ids: err(f"{w}: sector {o['sector']}")
        if "minimumDanish" in o and level_of(o["minimumDanish"]) is None: err(f"{w}: minimumDanish")
        for l in o.get("licencesRequired", []):
            if l not in LICENCES: err(f"{w}: licence {l}")
        for d in o.get("demands", []):
            if d not in DEMANDS: err(f"{w}: demand {d}")
        if not 1 <= o.get("places", 1) <= 5: err(f"{w}: places")
        if not 0 <= o.get("placesFilled", 0) <= o.get("places", 1): err(f"{w}: placesFilled")
        h = o.get("hoursPerWeek")
        if h is not None and not 1 <= h <= 60: err(f"{w}: hours")
        for x in o.get("mustHave", []) + o.get("niceToHave", []):
            if re.fullmatch(r"(occ|skill|know|lic|lang|grp|sector)\.[a-z0-9.\-]+", x) and x not in concepts:
                err(f"{w}: concept id {x} not in taxonomy")
        check_location(f"{w}.workplace", o.get("workplace"), pcs)
    if len(offers) < 300: err(f"only {len(offers)} offers")
    return ids

def main():
    concepts = load_taxonomy()
    per_sector = check_taxonomy(concepts)
    pcs = load_postcodes()
    profiles = json.load(open(os.path.join(ROOT, "profiles.json"), encoding="utf-8"))
    offers = json.load(open(os.path.join(ROOT, "offers.json"), encoding="utf-8"))
    gold = json.load(open(os.path.join(ROOT, "gold.json"), encoding="utf-8"))
    pids = check_profiles(profiles, concepts, pcs)
    oids = check_offers(offers, concepts, pcs)
    gids = set()
    for g in gold:
        if g["id"] in gids: err(f"gold {g['id']} twice")
        gids.add(g["id"])
        if g["profile"] not in pids: err(f"{g['id']}: profile {g['profile']} missing")
        for o in g["best"] + g.get("excluded", []):
            if o not in oids: err(f"{g['id']}: offer {o} missing")
        if set(g["best"]) & set(g.get("excluded", [])): err(f"{g['id']}: offer both best and excluded")
    if len(gold) < 14: err(f"only {len(gold)} gold cases")
    print(f"concepts {len(concepts)}; per sector/file:")
    for s, n in sorted(per_sector.items()): print(f"  {s}: {n}")
    print(f"postcodes {len(pcs)}, profiles {len(profiles)}, offers {len(offers)}, gold {len(gold)}")
    if "--score" in sys.argv:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import score
        fails = score.check_gold(concepts, pcs, profiles, offers, gold)
        errors.extend(fails)
    for e in errors: print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
