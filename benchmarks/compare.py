#!/usr/bin/python3
"""LayerCanvas against PyTorch on the speed workloads W1-W5, side by side on this machine.

Usage (from the repository root, after the README's set-up):
    /usr/bin/python3 benchmarks/compare.py [--repeat 3] [--workloads w1-digits-mlp,...] [--json out.json]
        [--with-dl4j]

For each repetition and workload it runs, one after the other (interleaved, so that a slow moment of the
machine hits both): PyTorch (benchmarks/pytorch_reference.py, its default threads, OPENBLAS_NUM_THREADS=1 as a
PyTorch user on this machine should) and `./layercanvas train benchmarks/<workload>.lcnet --json` at its
defaults. It prints the medians as a Markdown table: samples/s over all epochs, over the epochs after the first,
the ratio LayerCanvas / PyTorch, the engine LayerCanvas chose, and LayerCanvas's seconds from start to its first
minibatch.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKLOADS = ["w1-digits-mlp", "w2-mlp-784", "w3-cnn-cifar-shape", "w4-lstm-text", "w5-xor-2d"]


def run_pytorch(workload):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "benchmarks", "pytorch_reference.py"), workload],
                         capture_output=True, text=True, env=env, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {"all": r["samples_per_s"], "after1": r["samples_per_s_after_epoch1"], "threads": r["threads"]}


def run_layercanvas(workload, extra):
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, "events.jsonl")
        cmd = [os.path.join(ROOT, "layercanvas"), "train", os.path.join(ROOT, "benchmarks", workload + ".lcnet"),
               "--json", "--quiet", "--events-out", events] + extra
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            raise SystemExit("layercanvas failed on %s:\n%s" % (workload, out.stderr))
        summary = json.loads(out.stdout.strip().splitlines()[-1])
        epochs = []
        started = {}
        with open(events) as f:
            for line in f:
                e = json.loads(line)
                if e["type"] == "epoch":
                    epochs.append(e)
                elif e["type"] == "started":
                    started = e
        later = epochs[1:]
        after1 = (sum(1.0 for _ in later) / sum(1.0 / e["samplesPerSecond"] for e in later)) if later else None
        return {"all": summary["samplesPerSecond"], "after1": after1, "engine": started.get("engine"),
                "threads": started.get("threads"), "first": summary.get("secondsToFirstIteration")}


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--json", help="also write the raw numbers to this file")
    parser.add_argument("--layercanvas-args", default="", help="extra arguments for layercanvas train")
    parser.add_argument("--with-dl4j", action="store_true",
                        help="also run LayerCanvas with --engine dl4j (the DL4J fallback) and add its column")
    args = parser.parse_args()
    names = [w for w in args.workloads.split(",") if w]
    extra = args.layercanvas_args.split()
    raw = {w: {"pytorch": [], "layercanvas": [], "dl4j": []} for w in names}
    for r in range(args.repeat):
        for w in names:
            raw[w]["pytorch"].append(run_pytorch(w))
            raw[w]["layercanvas"].append(run_layercanvas(w, extra))
            if args.with_dl4j:
                raw[w]["dl4j"].append(run_layercanvas(w, extra + ["--engine", "dl4j"]))
            print("repeat %d/%d %s: pytorch %.0f, layercanvas %.0f samples/s" % (
                r + 1, args.repeat, w, raw[w]["pytorch"][-1]["all"], raw[w]["layercanvas"][-1]["all"]),
                file=sys.stderr, flush=True)
    print("| workload | PyTorch samples/s (threads) | LayerCanvas samples/s (engine, threads) | ratio |"
          " after epoch 1: PyTorch | LayerCanvas | ratio | LayerCanvas s to first minibatch |"
          + (" DL4J fallback samples/s | ratio |" if args.with_dl4j else ""))
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if args.with_dl4j else ""))
    for w in names:
        p, l = raw[w]["pytorch"], raw[w]["layercanvas"]
        pa, la = median([x["all"] for x in p]), median([x["all"] for x in l])
        p1, l1 = median([x["after1"] for x in p]), median([x["after1"] for x in l])
        first = median([x["first"] for x in l])
        row = "| %s | %s (%s) | %s (%s, %s) | %.2f | %s | %s | %s | %s |" % (
            w, fmt(pa), p[0]["threads"], fmt(la), l[0]["engine"], l[0]["threads"], la / pa, fmt(p1), fmt(l1),
            "%.2f" % (l1 / p1) if p1 and l1 else "-", "%.1f" % first if first is not None else "-")
        if args.with_dl4j:
            da = median([x["all"] for x in raw[w]["dl4j"]])
            row += " %s | %.2f |" % (fmt(da), da / pa)
        print(row)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(raw, f, indent=1)


def fmt(v):
    return "-" if v is None else "{:,.0f}".format(v)


if __name__ == "__main__":
    main()
