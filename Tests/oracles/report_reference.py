#!/usr/bin/env python3
"""An independent, plain computation of every figure of `jobmatch report`, for the tests.

    python3 Tests/oracles/report_reference.py --profiles P.json --offers O.json \
        (--store STORE.sqlite | --placements PL.json --integration I.json) \
        --from 2026-01-01 --to 2026-12-31 [--municipality 101] [--rates R.tsv] [--target 0.5] [--goal 15]

Written apart from the Swift code, from the definitions in the README, the slow and obvious
way: a person's state is worked out day by day from the placements, shares by looking at every
day of the month, spells of work by walking the days. Placements and integration facts are read
from the store with plain SQL (its `placements`, `integration_facts` and `danish_tests`
tables) or from the Corpus's JSON files; profiles and offers always come from JSON files (the
store keeps them in a binary form). Prints the figures as JSON, in the report's shape. Standard
library only.
"""
import argparse, datetime as dt, json, sqlite3, sys

ONE = dt.timedelta(days=1)

def day(s): return dt.date.fromisoformat(s) if s else None

def add_months(d, n):
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    m += 1
    last = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return dt.date(y, m, min(d.day, last))

def month_end(d): return add_months(dt.date(d.year, d.month, 1), 1) - ONE

KIND_STATE = {"internship": "internship", "wage-subsidy": "wage", "igu": "igu", "job": "job"}
OUTCOME_STATE = {"job": "job", "education": "education", "igu": "igu", "wage-subsidy": "wage", "no-job": "none",
                 "other": "none", "moved": "moved"}
UNSUBSIDISED = {"job", "igu"}
JOB_OR_EDUCATION = {"job", "igu", "wage", "education"}
JOBISH_OUTCOMES = {"job", "education", "igu", "wage-subsidy"}
OUTCOMES = ["job", "education", "igu", "wage-subsidy", "no-job", "moved", "other"]
KINDS = ["internship", "wage-subsidy", "igu", "job"]
GRANTED_TESTS = {"PD1", "PD2", "PD3", "SP"}

def gender(text):
    t = (text or "").strip().lower()
    if t in ("female", "f", "woman", "kvinde", "k"): return "female"
    if t in ("male", "m", "man", "mand"): return "male"
    return "other"

def load_rates(path):
    rates = []
    if path:
        header = False
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"): continue
            cols = [c.strip() for c in line.split("\t")]
            if not header: header = True; continue
            rates.append((day(cols[0]), cols[1], int(cols[2])))
    else:
        rates = [(dt.date(2024, 1, 1), "job-or-education-1-3", 88817), (dt.date(2024, 1, 1), "job-or-education-4-5", 59210),
                 (dt.date(2024, 1, 1), "danish-test", 37895)]
    def amount(kind, on):
        rows = sorted((r for r in rates if r[1] == kind), key=lambda r: r[0])
        fit = [r for r in rows if r[0] <= on]
        return (fit[-1] if fit else rows[0])[2] if rows else 0
    return amount

class Data:
    def __init__(self, profiles, offers, placements, facts):
        self.offers = {}
        for o in offers: self.offers.setdefault(o["id"], o)
        self.people = {}
        for p in profiles:
            if p["id"] in self.people: continue
            f = facts.get(p["id"], {})
            arrival = day(f.get("residencePermit")) or day(p["intakeDate"])
            mentor_since = None
            if f.get("personalMentor") is True:
                mentor_since = day(f.get("personalMentorSince")) or dt.date(1, 1, 1)
            self.people[p["id"]] = dict(
                id=p["id"], municipality=p.get("municipality"), intake=day(p["intakeDate"]), arrival=arrival,
                y1=add_months(arrival, 12), y3=add_months(arrival, 36), y5=add_months(arrival, 60),
                gender=gender((p.get("personal") or {}).get("gender")), mentor_since=mentor_since,
                tests=[(day(t["passed"]), t["test"]) for t in f.get("danishTests", [])], placements=[])
        self.left_out = 0
        for r in placements:
            if r["profile"] not in self.people or r["offer"] not in self.offers:
                self.left_out += 1; continue
            o = self.offers[r["offer"]]
            started = day(r.get("started")) if r["status"] in ("started", "ended") else None
            ended = day(r.get("ended")) if r["status"] == "ended" else None
            hours = r.get("hoursPerWeek")
            if hours is None: hours = o.get("hoursPerWeek")
            self.people[r["profile"]]["placements"].append(dict(
                id=r["id"], kind=o["kind"], status=r["status"], start=started, end=ended,
                outcome=r.get("outcome") if r["status"] == "ended" else None, hours=hours,
                mentor=r.get("workplaceMentor") is True, sector=o.get("sector") or "unknown",
                cvr=o["employer"]["cvr"], employer=o["employer"]["name"]))

    # A person's state and hours on a day, straight from the definition.
    def state(self, p, d):
        running = [x for x in p["placements"] if x["start"] is not None and x["start"] <= d and (x["end"] is None or d <= x["end"])]
        if running:
            x = max(running, key=lambda x: (x["start"], x["id"]))
            return KIND_STATE[x["kind"]], x["hours"]
        ended = [x for x in p["placements"] if x["status"] == "ended" and x["end"] < d]
        if ended:
            x = max(ended, key=lambda x: (x["end"], x["start"], x["id"]))
            return OUTCOME_STATE[x["outcome"]], None
        return "none", None

    def any_day(self, p, a, b, states):
        d = a
        while d <= b:
            if self.state(p, d)[0] in states: return True
            d += ONE
        return False

    def in_population(self, p, r, m):
        return (m is None or p["municipality"] == m) and p["arrival"] <= r < p["y5"] and self.state(p, r)[0] != "moved"

def windows(a, b):
    months = (b.year * 12 + b.month) - (a.year * 12 + a.month) + 1
    quarterly = months > 24
    start = dt.date(a.year, a.month, 1)
    if quarterly: start = dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    out = []
    while start <= b:
        nxt = add_months(start, 3 if quarterly else 1)
        out.append((max(start, a), min(nxt - ONE, b)))
        start = nxt
    return ("quarter" if quarterly else "month"), out

def previous_period(a, b):
    if a.day == 1 and b == month_end(b):
        months = (b.year * 12 + b.month) - (a.year * 12 + a.month) + 1
        return add_months(a, -months), a - ONE
    n = (b - a).days + 1
    return a - dt.timedelta(days=n), a - ONE

def share(n, d): return n / d if d > 0 else None

def point(data, a, b, m):
    persons = je = uj = 0
    for p in data.people.values():
        if not data.in_population(p, b, m): continue
        persons += 1
        if data.any_day(p, a, b, JOB_OR_EDUCATION): je += 1
        if data.any_day(p, a, b, UNSUBSIDISED): uj += 1
    return dict(from_=a, to=b, persons=persons, je=je, uj=uj)

def entries(p, a, b):
    got = set()
    ok = lambda d: d is not None and a <= d <= b and p["arrival"] <= d < p["y5"]
    for x in p["placements"]:
        if x["start"] is not None and ok(x["start"]) and x["kind"] in ("job", "igu", "wage-subsidy"):
            got.add({"job": "job", "igu": "igu", "wage-subsidy": "wageSubsidy"}[x["kind"]])
        if x["status"] == "ended" and ok(x["end"]) and x["outcome"] in JOBISH_OUTCOMES:
            got.add({"job": "job", "education": "education", "igu": "igu", "wage-subsidy": "wageSubsidy"}[x["outcome"]])
    return got

def counts(data, a, b, m):
    c = dict(job=0, education=0, igu=0, wageSubsidy=0, total=0)
    for p in data.people.values():
        if m is not None and p["municipality"] != m: continue
        got = entries(p, a, b)
        for k in got: c[k] += 1
        if got: c["total"] += 1
    return c

def spells(data, p, horizon):
    """Maximal runs of days in an ordinary job, or in education: [kind, first day, last day or None]."""
    starts = [x["start"] for x in p["placements"] if x["start"] is not None]
    if not starts: return []
    out, cur = [], None
    d = min(starts)
    while d <= horizon:
        s = data.state(p, d)[0]
        k = "job" if s == "job" else "education" if s == "education" else None
        if cur and cur[0] == k: cur[2] = d
        else:
            if cur: out.append(cur)
            cur = [k, d, d] if k else None
        d += ONE
    if cur:
        cur[2] = None                      # still going at the horizon: open
        out.append(cur)
    return out

def grants_of(data, p, a, b, amount, horizon, tally, as_of=None):
    known_until = min(b, as_of) if as_of else b
    out = []
    for kind, start, end in spells(data, p, horizon):
        if not (start < p["y5"] and start <= b): break
        met = add_months(start, 6) - ONE
        started_in = start >= a
        if end is not None and end < met:
            if started_in: tally["early"] += 1
            continue
        hours = None
        if kind == "job":
            total, known = 0.0, True
            d = start
            while d <= met:
                h = data.state(p, d)[1]
                if h is None: known = False; break
                total += h
                d += ONE
            hours = total / ((met - start).days + 1) if known else None
            if hours is not None and hours < 20:
                if started_in: tally["hours"] += 1
                continue
        if met < a: break
        status = "pending" if met > known_until else ("earned" if kind == "education" or hours is not None else "to-confirm")
        tier = "job-or-education-1-3" if start < p["y3"] else "job-or-education-4-5"
        out.append(dict(profile=p["id"], kind=kind, status=status, started=start.isoformat(), conditionMetOn=met.isoformat(),
                        yearsSinceArrival="1-3" if tier.endswith("1-3") else "4-5", averageHours=hours, test=None,
                        amountDKK=amount(tier, met)))
        break
    seen = set()
    for passed, code in sorted(p["tests"]):
        if code not in GRANTED_TESTS or code in seen: continue
        seen.add(code)
        if a <= passed <= known_until and p["arrival"] <= passed < p["y5"]:
            out.append(dict(profile=p["id"], kind="danish-test", status="earned", started=passed.isoformat(),
                            conditionMetOn=passed.isoformat(), yearsSinceArrival=None, averageHours=None, test=code,
                            amountDKK=amount("danish-test", passed)))
    return out

def suppress(rows):
    """Counts under 5 hidden; then, per column, while the hidden counts add up to under 5, the
    smallest shown count (the first of equal ones) is hidden too."""
    cells = [[None if v < 5 else v for v in r] for r in rows]
    if len(rows) >= 2:
        for c in range(len(rows[0])):
            while True:
                hidden = [i for i in range(len(rows)) if cells[i][c] is None]
                if not hidden or sum(rows[i][c] for i in hidden) >= 5: break
                shown = [i for i in range(len(rows)) if cells[i][c] is not None]
                if not shown: break
                best = shown[0]
                for i in shown:
                    if rows[i][c] < rows[best][c]: best = i
                cells[best][c] = None
    return cells

def cell(v): return "< 5" if v is None else v

def cshare(n, d): return n / d if n is not None and d is not None and d > 0 else None

def report(data, a, b, m, amount, target, goal, as_of=None):
    horizon = b + dt.timedelta(days=400)
    for p in data.people.values():
        for x in p["placements"]:
            for d in (x["start"], x["end"]):
                if d is not None and d + dt.timedelta(days=200) > horizon: horizon = d + dt.timedelta(days=200)
    step, wins = windows(a, b)
    trend = [point(data, w[0], w[1], m) for w in wins]
    last = trend[-1]
    pa, pb = previous_period(a, b)
    pw = windows(pa, pb)[1][-1]
    prev = point(data, pw[0], pw[1], m)
    c = counts(data, a, b, m)
    tally = dict(early=0, hours=0)
    glist = []
    for p in data.people.values():
        if m is not None and p["municipality"] != m: continue
        glist += grants_of(data, p, a, b, amount, horizon, tally, as_of)
    glist.sort(key=lambda g: (g["conditionMetOn"], g["profile"], g["kind"]))
    def gsum(status):
        items = [g for g in glist if g["status"] == status]
        return dict(persons=len({g["profile"] for g in items}), totalDKK=sum(g["amountDKK"] for g in items))
    earned = gsum("earned")

    members = [p for p in data.people.values() if m is None or p["municipality"] == m]
    kinds = {k: dict(kind=k, started=0, ended=0, endedToJob=0, endedToJobOrEducation=0, withWorkplaceMentor=0,
                     outcomes={o: 0 for o in OUTCOMES}) for k in KINDS}
    sectors, employers = {}, {}
    started_total = mentor_total = 0
    first_days = []
    for p in members:
        starts = [x["start"] for x in p["placements"] if x["start"] is not None]
        if starts and a <= min(starts) <= b: first_days.append((min(starts) - p["intake"]).days)
        for x in p["placements"]:
            if x["start"] is None: continue
            s_in = a <= x["start"] <= b
            e_in = x["status"] == "ended" and a <= x["end"] <= b
            if not (s_in or e_in): continue
            k = kinds[x["kind"]]
            s = sectors.setdefault(x["sector"], dict(sector=x["sector"], started=0, ended=0, endedToJob=0, endedToJobOrEducation=0))
            if s_in:
                k["started"] += 1; s["started"] += 1; started_total += 1
                if x["mentor"]: k["withWorkplaceMentor"] += 1; mentor_total += 1
            if e_in:
                k["ended"] += 1; s["ended"] += 1; k["outcomes"][x["outcome"]] += 1
                if x["outcome"] == "job": k["endedToJob"] += 1; s["endedToJob"] += 1
                if x["outcome"] in JOBISH_OUTCOMES: k["endedToJobOrEducation"] += 1; s["endedToJobOrEducation"] += 1
                if x["kind"] == "internship":
                    e = employers.setdefault(x["cvr"], dict(cvr=x["cvr"], employer=x["employer"], ended=0, toJob=0, toJobOrEducation=0))
                    e["ended"] += 1
                    if x["outcome"] == "job": e["toJob"] += 1
                    if x["outcome"] in JOBISH_OUTCOMES: e["toJobOrEducation"] += 1
    for k in kinds.values(): k["shareToJobOrEducation"] = share(k["endedToJobOrEducation"], k["ended"])
    for s in sectors.values(): s["shareToJobOrEducation"] = share(s["endedToJobOrEducation"], s["ended"])
    for e in employers.values(): e["shareToJob"] = share(e["toJob"], e["ended"])
    first_days.sort()
    n = len(first_days)
    median = None if n == 0 else (float(first_days[n // 2]) if n % 2 else (first_days[n // 2 - 1] + first_days[n // 2]) / 2)
    bins = [("0-30", None, 30), ("31-91", 31, 91), ("92-182", 92, 182), ("183-365", 183, 365), ("366+", 366, None)]
    bin_rows = [dict(label=l, fromDays=lo, toDays=hi, persons=sum(1 for x in first_days if (lo is None or x >= lo) and (hi is None or x <= hi)))
                for l, lo, hi in bins]

    ws, we = wins[-1]
    pop = [p for p in data.people.values() if data.in_population(p, we, m)]
    with_mentor = sum(1 for p in pop if p["mentor_since"] is not None and p["mentor_since"] <= we)
    not_placed = sum(1 for p in pop if not any(x["start"] is not None and x["start"] <= we for x in p["placements"]))
    def group_rows(key, names):
        counts_ = {g: [0, 0, 0] for g in names}
        for p in pop:
            g = key(p)
            counts_[g][0] += 1
            counts_[g][1] += data.any_day(p, ws, we, UNSUBSIDISED)
            counts_[g][2] += data.any_day(p, ws, we, JOB_OR_EDUCATION)
        return names, [counts_[g] for g in names]
    gnames = ["female", "male"] + (["other"] if any(p["gender"] == "other" for p in pop) else [])
    def band(p): return "0-1" if we < p["y1"] else "1-3" if we < p["y3"] else "3-5"
    def rows_out(names, counts_):
        cells = suppress(counts_)
        return [dict(group=g, persons=cell(c[0]), inUnsubsidisedJob=cell(c[1]), inJobOrEducation=cell(c[2]),
                     shareUnsubsidisedJob=cshare(c[1], c[0]), shareJobOrEducation=cshare(c[2], c[0])) for g, c in zip(names, cells)]

    out = dict(
        municipality=m, **{"from": a.isoformat()}, to=b.isoformat(), persons=last["persons"],
        shareJobOrEducation=share(last["je"], last["persons"]), shareUnsubsidisedJob=share(last["uj"], last["persons"]),
        inJobOrEducation=last["je"], inUnsubsidisedJob=last["uj"], target=target,
        targetMet=None if target is None or share(last["je"], last["persons"]) is None else share(last["je"], last["persons"]) >= target,
        counts=c, goalCount=goal, goalMet=None if goal is None else c["total"] >= goal,
        grants=dict(persons=earned["persons"], totalDKK=earned["totalDKK"], pending=gsum("pending"), toConfirm=gsum("to-confirm"),
                    endedBeforeSixMonths=tally["early"], underTwentyHours=tally["hours"], list=glist),
        previous={"from": pa.isoformat(), "to": pb.isoformat(), "persons": prev["persons"],
                  "shareJobOrEducation": share(prev["je"], prev["persons"]), "shareUnsubsidisedJob": share(prev["uj"], prev["persons"]),
                  "counts": counts(data, pa, pb, m)},
        trend=dict(step=step, points=[{"from": t["from_"].isoformat(), "to": t["to"].isoformat(), "persons": t["persons"],
                                       "inJobOrEducation": t["je"], "inUnsubsidisedJob": t["uj"],
                                       "shareJobOrEducation": share(t["je"], t["persons"]),
                                       "shareUnsubsidisedJob": share(t["uj"], t["persons"])} for t in trend]),
        byKind=[kinds[k] for k in KINDS],
        bySector=sorted(sectors.values(), key=lambda s: (-s["started"], -s["ended"], s["sector"])),
        internshipsToJob=dict(byKind=[dict(kind=k, ended=kinds[k]["ended"], toJob=kinds[k]["endedToJob"],
                                           shareToJob=share(kinds[k]["endedToJob"], kinds[k]["ended"])) for k in KINDS],
                              byEmployer=sorted(employers.values(), key=lambda e: (-e["ended"], e["employer"], e["cvr"]))),
        intakeToFirstPlacement=dict(persons=n, medianDays=median, notYetPlaced=not_placed, bins=bin_rows),
        mentor=dict(persons=len(pop), withPersonalMentor=with_mentor, sharePersonalMentor=share(with_mentor, len(pop)),
                    placementsStarted=started_total, withWorkplaceMentor=mentor_total,
                    shareWorkplaceMentor=share(mentor_total, started_total)),
        byGender=rows_out(*group_rows(lambda p: p["gender"], gnames)),
        byYearsSinceArrival=rows_out(*group_rows(band, ["0-1", "1-3", "3-5"])),
        municipalities=None)
    if m is None:
        codes = sorted({p["municipality"] for p in data.people.values() if p["municipality"] is not None})
        tallies = {}
        for code in codes:
            now = point(data, ws, we, code)
            before = point(data, pw[0], pw[1], code)
            t2 = dict(early=0, hours=0)
            grants_dkk = sum(g["amountDKK"] for p in data.people.values() if p["municipality"] == code
                             for g in grants_of(data, p, a, b, amount, horizon, t2, as_of) if g["status"] == "earned")
            tallies[code] = (now, before, counts(data, a, b, code)["total"], grants_dkk)
        cells = suppress([[tallies[c][0]["persons"], tallies[c][1]["persons"]] for c in codes])
        rows = []
        for code, cl in zip(codes, cells):
            now, before, into, grants_dkk = tallies[code]
            shown, prev_shown = cl[0] is not None, cl[1] is not None
            uj = share(now["uj"], now["persons"]) if shown else None
            je = share(now["je"], now["persons"]) if shown else None
            puj = share(before["uj"], before["persons"]) if prev_shown else None
            pje = share(before["je"], before["persons"]) if prev_shown else None
            rows.append(dict(municipality=code, persons=cell(cl[0]), shareUnsubsidisedJob=uj, shareJobOrEducation=je,
                             changeUnsubsidisedJob=None if uj is None or puj is None else uj - puj,
                             changeJobOrEducation=None if je is None or pje is None else je - pje,
                             intoJobOrEducation=into if shown else "< 5", grantsDKK=grants_dkk if shown else None))
        ranked = sorted([r for r in rows if r["shareUnsubsidisedJob"] is not None],
                        key=lambda r: (-r["shareUnsubsidisedJob"], -(r["shareJobOrEducation"] or 0), r["municipality"]))
        rest = sorted([r for r in rows if r["shareUnsubsidisedJob"] is None], key=lambda r: r["municipality"])
        for i, r in enumerate(ranked): r["rank"] = i + 1
        for r in rest: r["rank"] = None
        out["municipalities"] = ranked + rest
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", required=True); ap.add_argument("--offers", required=True)
    ap.add_argument("--store"); ap.add_argument("--placements"); ap.add_argument("--integration")
    ap.add_argument("--from", dest="from_", required=True); ap.add_argument("--to", required=True)
    ap.add_argument("--municipality", type=int); ap.add_argument("--rates"); ap.add_argument("--target", type=float)
    ap.add_argument("--goal", type=int); ap.add_argument("--as-of", dest="as_of")
    a = ap.parse_args()
    profiles = json.load(open(a.profiles, encoding="utf-8"))
    offers = json.load(open(a.offers, encoding="utf-8"))
    if a.store:
        db = sqlite3.connect(f"file:{a.store}?mode=ro", uri=True)
        placements = []
        for row in db.execute("SELECT id, profile_id, offer_id, status, started, ended, outcome, hours_per_week, workplace_mentor FROM placements"):
            r = dict(id=row[0], profile=row[1], offer=row[2], status=row[3], started=row[4], ended=row[5], outcome=row[6])
            if row[7] is not None: r["hoursPerWeek"] = row[7]
            if row[8] is not None: r["workplaceMentor"] = bool(row[8])
            placements.append(r)
        facts = {}
        for pid, permit, mentor, since in db.execute("SELECT profile_id, residence_permit, personal_mentor, personal_mentor_since FROM integration_facts"):
            f = dict(profile=pid, danishTests=[])
            if permit: f["residencePermit"] = permit
            if mentor is not None: f["personalMentor"] = bool(mentor)
            if since: f["personalMentorSince"] = since
            facts[pid] = f
        for pid, test, passed in db.execute("SELECT profile_id, test, passed FROM danish_tests"):
            facts[pid]["danishTests"].append(dict(passed=passed, test=test))
    else:
        placements = json.load(open(a.placements, encoding="utf-8")) if a.placements else []
        for r in placements: r.setdefault("id", f'{r["profile"]}@{r["offer"]}')
        facts = {f["profile"]: f for f in (json.load(open(a.integration, encoding="utf-8")) if a.integration else [])}
    data = Data(profiles, offers, placements, facts)
    print(json.dumps(report(data, day(a.from_), day(a.to), a.municipality, load_rates(a.rates), a.target, a.goal, day(a.as_of)), indent=1))

if __name__ == "__main__":
    main()
