"""A rough reference scorer for checking the Corpus's gold cases (stdlib only).

It follows the scoring the engine documents (60 coverage + 20 language + 10 wishes + 10 travel,
hard constraints exclude) with a simple text matcher: lower-case, light suffix stripping,
phrase match of taxonomy labels, compound split by suffix/prefix, one-letter slips at 0.75.
It is an approximation of the Swift engine, used to design gold cases with a safe margin.

Offers with no must-have and no nice-to-have phrases (an ad as a title and free text) are read
by `read_ad`, a deliberately simple reader written apart from the engine's AdReader: sentences
split at stops, line breaks and bullets; a sentence is nice with "fordel"/"gerne"/"a plus", a
waiver with a negation next to "krav"/"skal"/"behøver"/"required", a must with "skal"/"krav"/
"du har"/"must"/"required", else context; licences and the Danish level count as hard only in a
must sentence; demands, night and shift words unless negated or hedged.
"""
import math, re

LEVELS = ["none", "a1", "a2", "b1", "b2", "c1", "c2", "native"]
DU = [[1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3], [1, 2, 2, 3, 3, 4]]

def level(t):
    t = str(t).strip().lower()
    if t in LEVELS: return LEVELS.index(t)
    m = re.match(r"^du\s*(\d)\s*m(?:odul)?\s*(\d)$", t)
    if m: return DU[int(m.group(1)) - 1][int(m.group(2)) - 1]
    return 0

SUFFIXES = ["erne", "ene", "ers", "er", "en", "et", "es", "e", "s", "r"]
def stem(w):
    for s in SUFFIXES:
        if len(w) - len(s) >= 4 and w.endswith(s):
            return w[: -len(s)]
    return w

def tokens(text):
    t = text.lower().replace("- og ", " og ")
    return [stem(w) for w in re.findall(r"[a-zæøåäöüé0-9#]+", t)]

def d1(a, b):
    if a == b or abs(len(a) - len(b)) > 1: return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b): a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))

class Matcher:
    def __init__(self, concepts):
        self.c = concepts
        self.phrases = []  # (tokens, cid)
        self.single = {}
        for cid, x in concepts.items():
            if x["kind"] in ("sector",): continue
            for lab in [x["label_da"], x["label_en"]] + x["syn_da"] + x["syn_en"]:
                tk = tokens(lab)
                if not tk: continue
                self.phrases.append((tk, cid))
                if len(tk) == 1: self.single.setdefault(tk[0], set()).add(cid)
        self.phrases.sort(key=lambda p: -len(p[0]))
        self.bycode = {}
        for cid, x in concepts.items():
            if x["code"]: self.bycode.setdefault((x["kind"], x["code"]), cid)

    def match(self, text):
        tk = tokens(text)
        found = {}
        used = [False] * len(tk)
        for ph, cid in self.phrases:
            n = len(ph)
            for i in range(len(tk) - n + 1):
                if tk[i:i + n] == ph and not all(used[i:i + n]):
                    found[cid] = 1.0
                    for j in range(i, i + n): used[j] = True
        for i, w in enumerate(tk):
            if used[i] or len(w) < 6: continue
            hit = False
            for lab, cids in self.single.items():
                if len(lab) >= 4 and len(w) - len(lab) >= 3 and (w.endswith(lab) or w.startswith(lab)):
                    for c in cids: found[c] = max(found.get(c, 0), 1.0)
                    hit = True
            if not hit:
                for lab, cids in self.single.items():
                    if len(lab) >= 6 and d1(w, lab):
                        for c in cids: found[c] = max(found.get(c, 0), 0.75)
        return found

def ancestors(concepts, cid):
    out = []
    while cid:
        out.append(cid)
        cid = concepts[cid]["parent"]
    return out

def group_of(concepts, cid):
    for a in ancestors(concepts, cid):
        if concepts[a]["kind"] == "group": return a
def sector_of(concepts, cid):
    for a in ancestors(concepts, cid):
        if concepts[a]["kind"] == "sector": return a

LIC = {"truck": "forklift", "truckcertifikat": "forklift", "hygiejnebevis": "hygiene", "førstehjælp": "first-aid"}

def profile_concepts(m, p):
    found = {}
    def add(d):
        for k, v in d.items(): found[k] = max(found.get(k, 0), v)
    texts = []
    for e in p.get("experience", []):
        texts += [e["title"], e.get("tasks") or ""]
        oc = e.get("occupationCode")
        if oc and ("occupation", oc[:4]) in m.bycode: found[m.bycode[("occupation", oc[:4])]] = 1.0
    texts += [e["field"] for e in p.get("education", [])] + p.get("skills", []) + [p.get("summary") or ""]
    for t in texts: add(m.match(t))
    for l in p.get("licences", []):
        c = m.bycode.get(("licence", LIC.get(l, l)))
        if c: found[c] = 1.0
    for l in p.get("languages", []):
        c = m.bycode.get(("language", l["language"]))
        if c: found[c] = 1.0
    return found

def requirement(m, concepts, item):
    if item in concepts: return [item]
    f = m.match(item)
    return [k for k in f]

def dist(a, b):
    R = 6371.0
    la1, lo1, la2, lo2 = map(math.radians, [a[0], a[1], b[0], b[1]])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * R * math.asin(math.sqrt(h))

def where(loc, pcs):
    if not loc: return None
    if loc.get("coordinates"): return (loc["coordinates"]["lat"], loc["coordinates"]["lon"])
    pc = loc.get("postcode")
    if pc and str(pc) in pcs: return pcs[str(pc)][2:4]
    return None

NEG = r"\b(ikke|ingen|intet|uden|hverken|not|no|don't|never)\b"
MUST = r"\bskal\b|\bkrav|påkrævet|forudsætning|\bdu har\b|\bbehøver\b|\bmust\b|\brequired\b|\bneed\b|\byou have\b|\byou hold\b|\bvi forventer\b"
NICE = r"fordel|\bgerne\b|ønskelig|\bplus\b|preferred|advantage|nice to have"
HEDGE = r"kan forekomme|\bevt\b|\benkelte\b|occasionally|\bmay\b"
DEMANDS = [(r"tunge løft|løfte tungt|heavy lifting", "heavy-lifting"), (r"nattevagt|natarbejde|om natten|night shift", "night-work"),
           (r"udendørs|al slags vejr|outdoors", "outdoor"), (r"kemikalier|rengøringsmidler|chemicals", "chemicals"),
           (r"stående arbejde|\bstå op\b|standing", "standing")]
SHIFT = r"aftenvagt|weekend|skiftehold|holdsskift|nattevagt|om natten|night shift|shift work|evenings"
LEVEL = {"a1": "A1", "a2": "A2", "b1": "B1", "b2": "B2", "c1": "C1", "c2": "C2"}

def read_ad(m, concepts, o):
    """(requirements [(weight, concept)], licences, minimum Danish, English workplace, demands, shift) of an ad."""
    reqs, lic, danish, english, demands, shift = [], set(), None, False, set(), False
    title = o.get("title", "")
    for cid in m.match(title):
        k = concepts[cid]["kind"]
        if k == "language": continue
        reqs.append((2, cid))
        if k == "licence": lic.add(concepts[cid]["code"])
    head = ""
    for line in re.split(r"[\n;•]|(?<=[.!?])\s+(?=[A-ZÆØÅ])|\s[-–]\s", o.get("description", "")):
        s = line.strip().lower()
        if not s: continue
        if s.endswith(":"):
            head = s; continue
        text = (head + " " + s) if head and not re.search(MUST + "|" + NICE, s) else s
        nice, must, neg = re.search(NICE, text), re.search(MUST, text), re.search(NEG, s)
        hedge = re.search(HEDGE, s)
        waived = bool(neg and must and not nice)
        w = 1 if nice else 2 if must else 0.5
        if not waived:
            for cid in m.match(s):
                k = concepts[cid]["kind"]
                if k == "language": continue
                reqs.append((w, cid))
                if k == "licence" and w == 2 and not hedge: lic.add(concepts[cid]["code"])
            if w == 2 and not hedge and re.search(r"dansk|danish", s):
                lv = re.search(r"\b([abc][12])\b", s)
                level = LEVEL[lv.group(1)] if lv else "B2" if "flydende" in s or "fluent" in s else "B1" if re.search(r"gode dansk|good danish", s) else None
                if level and (danish is None or LEVELS.index(level.lower()) < LEVELS.index(danish.lower())): danish = level
        if re.search(r"(engelsk|english).*(arbejdsplads|arbejdssprog|køkkenet|hverdagen|working language)|vi taler engelsk|we speak english", s) \
                and not re.search(r"\bikke\b[^,]*engelsk", s):
            english = True
        for pat, d in DEMANDS:
            hit = re.search(pat, s)
            if hit and not hedge and not nice and not waived and not re.search(NEG + r"[^,]*(" + pat + ")", s): demands.add(d)
        if re.search(SHIFT, s) and not hedge and not waived and not re.search(NEG + r"[^,]*(" + SHIFT + ")", s): shift = True
        if "night-work" in demands: shift = True
    return reqs, lic, danish, english, demands, shift

class Scorer:
    def __init__(self, concepts, pcs):
        self.c, self.pcs, self.m = concepts, pcs, Matcher(concepts)
        self.req_cache = {}
        self.ad_cache = {}
    def ad(self, o):
        """An ad-only offer as the structured fields it states (None for an offer with phrases)."""
        if o.get("mustHave") or o.get("niceToHave"): return None
        if o["id"] not in self.ad_cache:
            reqs, lic, danish, english, demands, shift = read_ad(self.m, self.c, o)
            x = dict(o)
            x["licencesRequired"] = sorted(set(o.get("licencesRequired", [])) | lic)
            if danish and not o.get("minimumDanish"): x["minimumDanish"] = danish
            x["englishWorkplace"] = o.get("englishWorkplace") or english
            x["demands"] = sorted(set(o.get("demands", [])) | demands)
            x["shiftWork"] = o.get("shiftWork") or shift
            self.ad_cache[o["id"]] = (x, reqs)
        return self.ad_cache[o["id"]]
    def reqs(self, o):
        if o["id"] not in self.req_cache:
            r = []
            for w, items in ((2, o.get("mustHave", [])), (1, o.get("niceToHave", []))):
                for it in items:
                    for cid in requirement(self.m, self.c, it): r.append((w, cid))
            ad = self.ad(o)
            if ad: r = ad[1]
            self.req_cache[o["id"]] = r
        return self.req_cache[o["id"]]
    def score(self, p, pc, o):
        """Returns (score, None) or (None, reason)."""
        ad = self.ad(o)
        if ad: o = ad[0]
        lic = {LIC.get(l, l) for l in p.get("licences", [])}
        for l in o.get("licencesRequired", []):
            if l not in lic: return None, f"licence {l}"
        da = max([level(l["level"]) for l in p.get("languages", []) if l["language"] == "da"] or [0])
        en = max([level(l["level"]) for l in p.get("languages", []) if l["language"] == "en"] or [0])
        md = level(o["minimumDanish"]) if o.get("minimumDanish") else 0
        if da >= md: lf = 1.0
        elif o.get("englishWorkplace") and en >= 3: lf = 0.75
        else: return None, "danish"
        w = p.get("wishes", {})
        mx = w.get("maxTravelKm", 25)
        a, b = where(p.get("home"), self.pcs), where(o["workplace"], self.pcs)
        d = dist(a, b) if a and b else 0
        if d > mx: return None, f"distance {d:.1f}"
        if p.get("availableFrom") and p["availableFrom"] > o["startDate"]: return None, "availability"
        if o.get("places", 1) - o.get("placesFilled", 0) <= 0: return None, "full"
        if set(o.get("demands", [])) & set(p.get("limitations", [])): return None, "demand"
        tot = got = 0.0
        for wt, cid in self.reqs(o):
            tot += wt
            best = 0.0
            g, s = group_of(self.c, cid), sector_of(self.c, cid)
            for q, conf in pc.items():
                if cid in ancestors(self.c, q): v = 1.0
                elif g and group_of(self.c, q) == g: v = 0.5
                elif s and sector_of(self.c, q) == s: v = 0.25
                else: v = 0
                best = max(best, v * conf)
            got += wt * best
        cov = got / tot if tot else 0
        secs = w.get("sectors", [])
        ws = 0.5 if not secs else (1.0 if o.get("sector") in secs else 0.0)
        sch = 0.0 if (o.get("shiftWork") and not w.get("acceptsShiftWork", True)) else 1.0
        tf = 1 - d / mx if mx else 0
        return 60 * cov + 20 * lf + 10 * (ws + sch) / 2 + 10 * tf, None
    def rank(self, p, offers):
        pc = profile_concepts(self.m, p)
        out = []
        for o in offers:
            s, why = self.score(p, pc, o)
            if s is not None: out.append((s, o["id"]))
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

def check_gold(concepts, pcs, profiles, offers, gold, verbose=True):
    sc = Scorer(concepts, pcs)
    P = {p["id"]: p for p in profiles}
    fails = []
    for g in gold:
        r = sc.rank(P[g["profile"]], offers)
        ids = [i for _, i in r]
        top = ", ".join(f"{i} {s:.1f}" for s, i in r[:4])
        if g.get("pending"):
            if verbose: print(f"  {g['id']}: {top} (pending: {g['pending']})")
            continue
        if verbose: print(f"  {g['id']}: {top}")
        if not ids or ids[0] not in g["best"]: fails.append(f"{g['id']}: first is {ids[:1]}, expected {g['best']} ({top})")
        for b in g["best"]:
            if b not in ids[: g["within"]]: fails.append(f"{g['id']}: {b} not within {g['within']}")
        for x in g.get("excluded", []):
            if x in ids: fails.append(f"{g['id']}: {x} should be excluded")
    return fails
