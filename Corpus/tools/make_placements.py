#!/usr/bin/env python3
"""Generates Corpus/placements.json and Corpus/integration.json for the bundled profiles
(deterministic, stdlib only):

    python3 Corpus/tools/make_placements.py          # write both files
    python3 Corpus/tools/make_placements.py --check  # check the written files against the rules

What happened after the match, as a job centre would have recorded it by AS_OF: most people
start a company internship a few weeks to months after the intake; most internships end, a good
share in an ordinary job (usually recorded as a job placement at the same or another employer,
with its hours), some in a wage-subsidy job, IGU or education, many without a job (then often a
second internship); some start directly in a job, IGU or wage subsidy; a few move away. IGU runs
for two years, so most IGU placements are still running. A few proposals are open or withdrawn.

Integration facts: each person's residence permit (2-17 weeks before the intake at the asylum
centre), a personal mentor for most (Copenhagen offers every refugee one), and Danish tests for
some (module tests, a few Prøve i Dansk 1/2).

The placements keep the store's rules (PlacementRules): one placement at a time per person, at
most one open proposal, and an offer's placements that hold a place (proposed or running) never
take its last free place, so no offer the engine could rank becomes full and the gold cases are
untouched; gold offers get no placements at all. Every person is fictitious.
"""
import datetime as dt, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
AS_OF = dt.date(2026, 11, 30)
rnd = random.Random(20261130)

def d(s): return dt.date.fromisoformat(s)
def iso(x): return x.isoformat()

def load():
    profiles = json.load(open(os.path.join(ROOT, "profiles.json"), encoding="utf-8"))
    offers = json.load(open(os.path.join(ROOT, "offers.json"), encoding="utf-8"))
    gold = json.load(open(os.path.join(ROOT, "gold.json"), encoding="utf-8"))
    return profiles, offers, gold

def gold_offers(gold):
    out = set()
    for g in gold:
        out.update(g.get("best", [])); out.update(g.get("excluded", []))
    return out

def pick(weights):
    """A key of `weights` drawn in proportion to its value."""
    total = sum(weights.values())
    x = rnd.random() * total
    for k, w in weights.items():
        x -= w
        if x < 0: return k
    return k

def generate():
    profiles, offers, gold = load()
    banned = gold_offers(gold)
    usable = [o for o in offers if o["id"] not in banned]
    held = {o["id"]: 0 for o in offers}
    by_id = {o["id"]: o for o in offers}

    def spare(o):
        return o["places"] - o.get("placesFilled", 0) - held[o["id"]]

    def choose(kind, municipality, start, open_at_end, employer=None):
        """An offer of `kind` that has begun by `start` (+30 days), near the person if possible;
        one that will hold a place at AS_OF must leave a free place."""
        cands = [o for o in usable if o["kind"] == kind and d(o["startDate"]) <= start + dt.timedelta(days=30)
                 and (not open_at_end or spare(o) >= 2)]
        if employer:
            same = [o for o in cands if o["employer"]["cvr"] == employer]
            if same: cands = same
        near = [o for o in cands if o["workplace"].get("municipality") == municipality]
        pool = near if near and rnd.random() < 0.7 else cands
        return rnd.choice(pool) if pool else None

    placements, integration = [], []
    for p in sorted(profiles, key=lambda x: x["id"]):
        intake = d(p["intakeDate"])
        mun = p.get("municipality")
        permit = intake - dt.timedelta(days=rnd.randint(14, 120))
        facts = {"profile": p["id"], "residencePermit": iso(permit)}
        r = rnd.random()
        if r < 0.62:
            facts["personalMentor"] = True
            since = intake + dt.timedelta(days=rnd.randint(7, 75))
            if since <= AS_OF: facts["personalMentorSince"] = iso(since)
        elif r < 0.80:
            facts["personalMentor"] = False
        tests = []
        danish = next((l["level"] for l in p.get("languages", []) if l["language"] == "da"), None)
        if rnd.random() < 0.45:
            # Module tests (progress within Danish education; no grant), and for a few who came with
            # some Danish the final test of their course, Prøve i Dansk 1 or 2 (a grant each).
            module = {"DU1": "DU1M2", "DU2": "DU2M2", "DU3": "DU3M1"}.get((danish or "DU2")[:3], "DU2M1")
            day = intake + dt.timedelta(days=rnd.randint(100, 380))
            if day <= AS_OF: tests.append({"passed": iso(day), "test": module})
            if rnd.random() < 0.25:
                day2 = day + dt.timedelta(days=rnd.randint(60, 220))
                if day2 <= AS_OF: tests.append({"passed": iso(day2), "test": rnd.choice(["PD1", "PD1", "PD2"])})
        if tests: facts["danishTests"] = tests
        integration.append(facts)

        if rnd.random() < 0.14:
            continue                                  # not placed yet
        t = intake + dt.timedelta(days=rnd.randint(25, 130))
        if p.get("availableFrom"): t = max(t, d(p["availableFrom"]))
        kind = pick({"internship": 82, "wage-subsidy": 7, "igu": 6, "job": 5})
        steps, employer, proposed_open = 0, None, False
        while t < AS_OF - dt.timedelta(days=5) and steps < 4:
            steps += 1
            # How long it runs and how it ends, before choosing the offer (a running one holds a place).
            if kind == "internship":
                length = rnd.randint(4, 13) * 7
                outcome = pick({"job": 16, "wage-subsidy": 6, "education": 6, "igu": 4, "no-job": 52, "other": 11, "moved": 5})
            elif kind == "wage-subsidy":
                length = rnd.randint(13, 30) * 7
                outcome = pick({"job": 35, "no-job": 45, "education": 8, "other": 12})
            elif kind == "igu":
                length = 730 if rnd.random() < 0.8 else rnd.randint(60, 300)
                outcome = "job" if length == 730 else pick({"no-job": 60, "education": 25, "other": 15})
            else:
                length = 100000 if rnd.random() < 0.75 else rnd.randint(60, 260)
                outcome = "no-job" if length < 100000 else None
            end = t + dt.timedelta(days=length - 1)
            running = end >= AS_OF
            o = choose(kind, mun, t, running, employer)
            if o is None: break
            start = max(t, d(o["startDate"]))
            end = start + dt.timedelta(days=length - 1)
            running = end >= AS_OF
            if running and spare(o) < 2:
                break
            if start >= AS_OF: break
            if kind == "job":
                hours = rnd.choice([15, 18, 20, 22, 25, 25, 30, 30, 32, 37, 37, 37])
            elif kind == "internship":
                hours = rnd.choice([12, 15, 20, 25, 30])
            else:
                hours = o.get("hoursPerWeek") or 37
            mentor = rnd.random() < (0.7 if o.get("mentor") else 0.1)
            rec = {"id": f'{p["id"]}@{o["id"]}', "profile": p["id"], "offer": o["id"],
                   "proposed": iso(start - dt.timedelta(days=rnd.randint(5, 30))), "started": iso(start),
                   "hoursPerWeek": hours, "workplaceMentor": mentor}
            if any(x["id"] == rec["id"] for x in placements):
                rec["id"] += "#2"
            if running:
                rec["status"] = "started"
                held[o["id"]] += 1
            else:
                rec["status"] = "ended"; rec["ended"] = iso(end); rec["outcome"] = outcome
            placements.append(rec)
            if running: break
            # What comes next.
            nxt = end + dt.timedelta(days=0 if rnd.random() < 0.15 else 1)
            employer = None
            if outcome == "job" and kind != "job" and rnd.random() < 0.85:
                kind, employer, t = "job", o["employer"]["cvr"], nxt
            elif outcome == "wage-subsidy" and rnd.random() < 0.7:
                kind, t = "wage-subsidy", nxt
            elif outcome == "igu" and rnd.random() < 0.7:
                kind, t = "igu", nxt
            elif outcome in ("no-job", "other") and rnd.random() < 0.5:
                kind, t = pick({"internship": 80, "wage-subsidy": 15, "job": 5}), end + dt.timedelta(days=rnd.randint(14, 60))
            else:
                if outcome in ("no-job", "other") and rnd.random() < 0.4:
                    proposed_open = True
                break
        if proposed_open:
            day = AS_OF - dt.timedelta(days=rnd.randint(1, 20))
            o = choose("internship", mun, day, True)
            if o is not None:
                rec = {"id": f'{p["id"]}@{o["id"]}', "profile": p["id"], "offer": o["id"], "status": "proposed",
                       "proposed": iso(day), "hoursPerWeek": rnd.choice([15, 20, 25])}
                if any(x["id"] == rec["id"] for x in placements): rec["id"] += "#2"
                if rnd.random() < 0.3:
                    rec["status"] = "withdrawn"; rec["ended"] = iso(min(AS_OF, day + dt.timedelta(days=rnd.randint(1, 10))))
                else:
                    held[o["id"]] += 1
                placements.append(rec)
    return placements, integration, offers, banned

def check(placements, integration, offers, banned, profiles):
    """The rules of PlacementRules, and the Corpus's own: gold offers untouched, a free place left."""
    ids = {p["id"] for p in profiles}
    by_offer = {o["id"]: o for o in offers}
    seen, held, problems = set(), {}, []
    by_person = {}
    for r in placements:
        if r["id"] in seen: problems.append(f'{r["id"]}: duplicate id')
        seen.add(r["id"])
        if r["profile"] not in ids: problems.append(f'{r["id"]}: unknown profile')
        if r["offer"] not in by_offer: problems.append(f'{r["id"]}: unknown offer')
        if r["offer"] in banned: problems.append(f'{r["id"]}: a gold offer')
        st = r["status"]
        if st == "ended" and (r["ended"] < r["started"] or "outcome" not in r): problems.append(f'{r["id"]}: bad end')
        if st in ("proposed", "started"): held[r["offer"]] = held.get(r["offer"], 0) + 1
        for k in ("started", "ended", "proposed"):
            if k in r and d(r[k]) > AS_OF: problems.append(f'{r["id"]}: {k} after {AS_OF}')
        by_person.setdefault(r["profile"], []).append(r)
    for pid, rs in by_person.items():
        if sum(1 for r in rs if r["status"] == "proposed") > 1: problems.append(f"{pid}: two open proposals")
        spans = sorted((d(r["started"]), d(r["ended"]) if r["status"] == "ended" else None) for r in rs if r["status"] in ("started", "ended"))
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if e1 is None or s2 < e1 or s1 == s2: problems.append(f"{pid}: placements overlap ({s1} and {s2})")
    for oid, n in held.items():
        o = by_offer[oid]
        if o.get("placesFilled", 0) + n > o["places"] - 1: problems.append(f"{oid}: its last free place is taken")
    facts = {f["profile"] for f in integration}
    if facts != ids: problems.append("integration facts do not cover exactly the profiles")
    return problems

def write(path, records):
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(" " + json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records) + "\n]\n")

def main():
    profiles, offers, gold = load()
    if "--check" in sys.argv:
        placements = json.load(open(os.path.join(ROOT, "placements.json"), encoding="utf-8"))
        integration = json.load(open(os.path.join(ROOT, "integration.json"), encoding="utf-8"))
        problems = check(placements, integration, offers, gold_offers(gold), profiles)
    else:
        placements, integration, offers, banned = generate()
        problems = check(placements, integration, offers, banned, profiles)
        if not problems:
            write(os.path.join(ROOT, "placements.json"), placements)
            write(os.path.join(ROOT, "integration.json"), integration)
    for p in problems: print("problem:", p)
    statuses = {}
    for r in placements: statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    outcomes = {}
    for r in placements:
        if "outcome" in r: outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    print(f"{len(placements)} placements {statuses}, outcomes {outcomes}; {len(integration)} people's integration facts")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
