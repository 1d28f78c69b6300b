#!/usr/bin/env python3
"""Race JobMatch's all-pairs top-10 against FAISS IndexFlatIP and NumPy on the same problem.

Usage:
    swift run -c release jobmatch-bench allpairs --profiles 20000 --offers 10000 --no-constraints --export /tmp/jm-export
    python3 Benchmarks/peers/faiss_peer.py /tmp/jm-export [--threads 2] [--reps 3] [--venv DIR]

The export holds dense little-endian float32 matrices profiles.f32 (N x D) and offers.f32 (M x D)
whose inner products are the engine's scores with constraints off, dims.txt (N M D), the engine's
answer top10.tsv and its timing engine.json. This script (re-)executes itself inside a virtual
environment with numpy and faiss-cpu (created on first use), answers the same question with
FAISS IndexFlatIP (exact maximum inner product) and with NumPy (matmul + argpartition in blocks
of 2,048 profiles), checks that every profile's top 10 equals the engine's (offers whose scores tie
within 1e-4 may swap places or be exchanged at the 10th place), and prints the time ratios.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_venv(venv):
    """Re-exec inside a venv that has numpy and faiss-cpu."""
    if os.environ.get("JOBMATCH_PEER_VENV") == venv:
        return
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([py, "-m", "pip", "install", "--quiet", "numpy", "faiss-cpu"])
    env = dict(os.environ, JOBMATCH_PEER_VENV=venv)
    os.execve(py, [py] + sys.argv, env)


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    export = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    threads = int(opts.get("--threads", "2"))
    reps = int(opts.get("--reps", "3"))
    venv = opts.get("--venv", os.path.expanduser("~/.cache/jobmatch/peers-venv"))
    ensure_venv(venv)

    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(threads))
    import numpy as np
    import faiss

    faiss.omp_set_num_threads(threads)
    n, m, d = (int(x) for x in open(os.path.join(export, "dims.txt")).read().split())
    P = np.fromfile(os.path.join(export, "profiles.f32"), dtype="<f4").reshape(n, d)
    O = np.fromfile(os.path.join(export, "offers.f32"), dtype="<f4").reshape(m, d)
    engine = json.load(open(os.path.join(export, "engine.json")))
    k = int(engine.get("top", 10))
    want = np.full((n, k), -1, dtype=np.int64)
    for line in open(os.path.join(export, "top10.tsv")):
        parts = line.split("\t")
        row = int(parts[0])
        hits = [int(x) for x in parts[1:]]
        want[row, : len(hits)] = hits

    # FAISS IndexFlatIP: exact maximum inner product.
    faiss_times = []
    for _ in range(reps):
        t = time.perf_counter()
        index = faiss.IndexFlatIP(d)
        index.add(O)
        _, fI = index.search(P, k)
        faiss_times.append(time.perf_counter() - t)

    # NumPy: matmul + argpartition, blocks of 2,048 profiles.
    numpy_times = []
    for _ in range(max(1, reps - 1)):
        t = time.perf_counter()
        nI = np.empty((n, k), dtype=np.int64)
        for s in range(0, n, 2048):
            S = P[s : s + 2048] @ O.T
            part = np.argpartition(-S, k - 1, axis=1)[:, :k]
            ps = np.take_along_axis(S, part, axis=1)
            order = np.argsort(-ps, axis=1, kind="stable")
            nI[s : s + 2048] = np.take_along_axis(part, order, axis=1)
        numpy_times.append(time.perf_counter() - t)

    def check(got, name):
        """Top-k sets equal up to ties within 1e-4 (scores recomputed in float64)."""
        bad = 0
        P64 = P.astype(np.float64)
        for i in range(n):
            a, b = want[i], got[i]
            if np.array_equal(a, b):
                continue
            sa = O[a].astype(np.float64) @ P64[i]
            sb = O[b].astype(np.float64) @ P64[i]
            # Same score sequence (best first) and any differing offers tie at the boundary.
            if not np.allclose(np.sort(sa)[::-1], np.sort(sb)[::-1], atol=1e-4):
                bad += 1
                continue
            kth = min(sa.min(), sb.min())
            diff = set(a.tolist()) ^ set(b.tolist())
            if any(abs(float(O[j].astype(np.float64) @ P64[i]) - kth) > 1e-4 for j in diff):
                bad += 1
        print(f"  {name}: top-{k} equal to the engine's for {n - bad} of {n} profiles"
              + ("" if bad == 0 else f"  ({bad} DIFFER)"))
        return bad

    bad = check(fI, "FAISS IndexFlatIP") + check(nI, "NumPy")
    e = float(engine["seconds"])
    f = sorted(faiss_times)[len(faiss_times) // 2]
    npy = sorted(numpy_times)[len(numpy_times) // 2]
    pairs = n * m
    print(f"{n} profiles x {m} offers, D = {d}, top {k}, {threads} threads (median of reps)")
    print(f"  JobMatch kernel   {e:9.4f} s  {pairs / e:10.3g} pairs/s")
    print(f"  FAISS IndexFlatIP {f:9.4f} s  {pairs / f:10.3g} pairs/s  -> JobMatch is {f / e:6.1f}x faster")
    print(f"  NumPy blocks      {npy:9.4f} s  {pairs / npy:10.3g} pairs/s  -> JobMatch is {npy / e:6.1f}x faster")
    print(json.dumps({"profiles": n, "offers": m, "dims": d, "engine_seconds": e, "faiss_seconds": f,
                      "numpy_seconds": npy, "faiss_ratio": f / e, "numpy_ratio": npy / e, "mismatches": bad}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
