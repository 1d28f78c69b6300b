#!/usr/bin/env python3
"""Solve JobMatch's cohort assignment with OR-Tools' min-cost flow and check the engine's plan.

Usage:
    swift run -c release jobmatch-bench assign --profiles 10000 --offers 5000 --export /tmp/jm-assign
    python3 Benchmarks/peers/ortools_assign_peer.py /tmp/jm-assign [--reps 3] [--venv DIR] [--json]

The export holds the full problem: pairs.tsv (every feasible pair: profile row, offer row, score x
1000 as an integer, exactly the score `match` shows), places.tsv (offer row, free places),
engine.json (objective, minimum weight, the engine's totals and seconds) and plan.tsv (the
engine's plan: profile row, offer row). This script (re-)executes itself inside a virtual
environment with ortools and numpy (created on first use), builds the same problem as a min-cost
flow (person -> offer, cost -(weight + bonus), capacity 1; offer -> sink, capacity its places;
person -> sink at cost 0 for "unassigned"; the bonus per placed person for most-placed is the
engine's, min(people, places) x the heaviest weight + 1), solves it with
ortools.graph.python.min_cost_flow.SimpleMinCostFlow, and checks that the engine's plan is
feasible (each pair feasible and at or above the minimum, each person once, no offer above its
places) and that its total (and, for most-placed, its count) equals OR-Tools' optimum. It also
runs the greedy plan (pairs by descending score, ties by profile then offer row) for reference.
Times are OR-Tools' graph building + solve (median of --reps), without reading the files, against
the engine's `seconds` (candidate generation from the SIMD core, every solve, the proof and the
greedy plan).
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_venv(venv):
    """Re-exec inside a venv that has numpy and ortools."""
    if os.environ.get("JOBMATCH_PEER_VENV") == venv:
        return
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([py, "-m", "pip", "install", "--quiet", "numpy", "ortools"])
    env = dict(os.environ, JOBMATCH_PEER_VENV=venv)
    os.execve(py, [py] + sys.argv, env)


def read_ints(path, columns):
    """A whitespace-separated integer table as an (rows, columns) int64 array."""
    import numpy as np
    with open(path, "rb") as f:
        data = f.read()
    flat = np.array(data.split(), dtype=np.int64)
    return flat.reshape(-1, columns)


def solve(n, m, tails, heads, weights, places, bonus):
    """The min-cost flow; returns (wall seconds, CPU seconds, chosen arc mask)."""
    import numpy as np
    from ortools.graph.python import min_cost_flow

    t0 = time.perf_counter()
    c0 = time.process_time()
    smcf = min_cost_flow.SimpleMinCostFlow()
    sink = n + m
    people = np.arange(n, dtype=np.int64)
    offers = np.arange(m, dtype=np.int64)
    # Pairs first (their arc indices are 0 .. len-1), then offer -> sink, then person -> sink.
    all_tails = np.concatenate([tails, n + offers, people])
    all_heads = np.concatenate([n + heads, np.full(m, sink, dtype=np.int64), np.full(n, sink, dtype=np.int64)])
    caps = np.concatenate([np.ones(len(tails), dtype=np.int64), places.astype(np.int64), np.ones(n, dtype=np.int64)])
    costs = np.concatenate([-(weights + bonus), np.zeros(m, dtype=np.int64), np.zeros(n, dtype=np.int64)])
    smcf.add_arcs_with_capacity_and_unit_cost(all_tails, all_heads, caps, costs)
    supplies = np.zeros(n + m + 1, dtype=np.int64)
    supplies[:n] = 1
    supplies[sink] = -n
    smcf.set_nodes_supplies(np.arange(n + m + 1, dtype=np.int64), supplies)
    status = smcf.solve()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if status != smcf.OPTIMAL:
        raise SystemExit(f"OR-Tools: status {status}, not optimal")
    flows = smcf.flows(np.arange(len(tails), dtype=np.int64))
    return seconds, cpu, flows > 0


def greedy(n, m, tails, heads, weights, places):
    """Pairs by descending weight (ties by profile row, then offer row) while both are free."""
    import numpy as np
    order = np.lexsort((heads, tails, -weights))
    left = places.astype(np.int64).copy()
    taken = np.zeros(n, dtype=bool)
    total = 0
    placed = 0
    for k in order.tolist():
        i = tails[k]
        j = heads[k]
        if taken[i] or left[j] <= 0:
            continue
        taken[i] = True
        left[j] -= 1
        total += int(weights[k])
        placed += 1
    return total, placed


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    export = args[0]
    flags = set(a for a in args[1:] if a == "--json")
    rest = [a for a in args[1:] if a != "--json"]
    opts = dict(zip(rest[0::2], rest[1::2]))
    reps = int(opts.get("--reps", "3"))
    venv = opts.get("--venv", os.path.expanduser("~/.cache/jobmatch/ortools-venv"))
    ensure_venv(venv)
    import numpy as np
    import ortools

    engine = json.load(open(os.path.join(export, "engine.json")))
    n, m = int(engine["profiles"]), int(engine["offers"])
    min_weight = int(engine["min_weight"])
    objective = engine["objective"]
    pairs = read_ints(os.path.join(export, "pairs.tsv"), 3)
    places_table = read_ints(os.path.join(export, "places.tsv"), 2)
    places = np.zeros(m, dtype=np.int64)
    places[places_table[:, 0]] = places_table[:, 1]
    plan = read_ints(os.path.join(export, "plan.tsv"), 2) if os.path.getsize(os.path.join(export, "plan.tsv")) else np.zeros((0, 2), dtype=np.int64)

    keep = (pairs[:, 2] >= min_weight) & (places[pairs[:, 1]] > 0)
    tails, heads, weights = pairs[keep, 0].copy(), pairs[keep, 1].copy(), pairs[keep, 2].copy()
    max_weight = int(weights.max()) if len(weights) else 0
    bonus = 0
    if objective == "most-placed":
        bonus = min(n, int(places.sum())) * max_weight + 1

    times = []
    cpus = []
    chosen = None
    for _ in range(max(1, reps)):
        s, c, chosen = solve(n, m, tails, heads, weights, places, bonus)
        times.append(s)
        cpus.append(c)
    times.sort()
    cpus.sort()
    seconds = times[len(times) // 2]
    cpu_seconds = cpus[len(cpus) // 2]
    opt_total = int(weights[chosen].sum())
    opt_placed = int(chosen.sum())

    # The engine's plan: feasible, and as good.
    problems = []
    key = tails * m + heads
    index = {int(k): int(w) for k, w in zip(key.tolist(), weights.tolist())}
    seen = set()
    fill = np.zeros(m, dtype=np.int64)
    plan_total = 0
    for i, j in plan.tolist():
        w = index.get(i * m + j)
        if w is None:
            problems.append(f"pair ({i}, {j}) is not a feasible pair at or above the minimum")
            continue
        if i in seen:
            problems.append(f"profile row {i} placed twice")
        seen.add(i)
        fill[j] += 1
        plan_total += w
    over = np.nonzero(fill > places)[0]
    for j in over[:5].tolist():
        problems.append(f"offer row {j}: {fill[j]} people for {places[j]} places")
    if objective == "most-placed" and len(seen) != opt_placed:
        problems.append(f"plan places {len(seen)}, OR-Tools' optimum places {opt_placed}")
    if plan_total != opt_total:
        problems.append(f"plan total {plan_total} differs from OR-Tools' optimum {opt_total}")
    if int(engine["total_weight"]) != plan_total:
        problems.append(f"engine.json says total {engine['total_weight']}, plan.tsv sums to {plan_total}")

    g_total, g_placed = greedy(n, m, tails, heads, weights, places)
    if "greedy_total_weight" in engine and (g_total, g_placed) != (int(engine["greedy_total_weight"]), int(engine["greedy_placed"])):
        problems.append(f"greedy: engine {engine['greedy_total_weight']} placing {engine['greedy_placed']}, "
                        f"peer {g_total} placing {g_placed}")
    engine_seconds = float(engine["seconds"])
    report = {
        "profiles": n, "offers": m, "objective": objective, "min_weight": min_weight,
        "feasible_pairs": int(len(pairs)), "eligible_pairs": int(len(tails)), "places": int(places.sum()),
        "ortools_version": ortools.__version__, "ortools_seconds": seconds, "ortools_seconds_all": times, "ortools_cpu_seconds": cpu_seconds,
        "engine_seconds": engine_seconds, "speedup": seconds / engine_seconds if engine_seconds > 0 else None,
        "engine_cpu_seconds": engine.get("cpu_seconds"),
        "optimum_total_weight": opt_total, "optimum_placed": opt_placed,
        "engine_total_weight": plan_total, "engine_placed": len(seen),
        "greedy_total_weight": g_total, "greedy_placed": g_placed,
        "engine_greedy_total_weight": int(engine.get("greedy_total_weight", -1)),
        "engine_greedy_placed": int(engine.get("greedy_placed", -1)),
        "equal": not problems, "problems": problems,
    }
    if "--json" in flags:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        print(f"cohort assignment, {n} profiles x {m} offers, {report['places']} places, {objective}, "
              f"{len(tails)} eligible of {len(pairs)} feasible pairs")
        print(f"  OR-Tools {ortools.__version__} SimpleMinCostFlow: {seconds:.3f} s, {cpu_seconds:.3f} CPU-s (build + solve, "
              f"median of {len(times)}), optimum {opt_total / 1000:.3f} placing {opt_placed}")
        print(f"  engine: {engine_seconds:.3f} s (candidates + solve + proof + greedy), plan {plan_total / 1000:.3f} "
              f"placing {len(seen)}: {'EQUAL to the optimum' if not problems else 'DIFFERENT'}; "
              f"{seconds / engine_seconds:.1f}x faster" if engine_seconds > 0 else "")
        print(f"  greedy (pairs by descending score): {g_total / 1000:.3f} placing {g_placed} "
              f"(engine's greedy: {int(engine.get('greedy_total_weight', 0)) / 1000:.3f} placing {engine.get('greedy_placed')})")
        for p in problems:
            print("  PROBLEM: " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
