#!/usr/bin/env python3
"""Scores sre-review's offline findings against the blind answer keys in
src/test/resources/fixtures/blind/<set>/<repo>.expected.tsv (kept with the test fixtures: their fake secrets are data).

Each key line is: path, line, category, yes|no, reason. "yes" must be found: a finding of that category in that
file within 2 lines (any line for repo-wide absences keyed at line 0, and for categories whose place is a matter
of convention: unbounded-memory at the collection or at its growth, health/rate/shutdown at the app or the
route; within 8 lines of a container's name for its resources and probes, or anywhere inside the container's block,
where they are reported at their keys); unpinned-dependency must hit the exact line. "no" is a near miss: no finding of that category may stand
on its line.
Findings the key does not mention are counted as "unkeyed" (listed with -v), not judged.
Usage: bench/blind_score.py [-v] [SET_DIR ...]   (default: every set under src/test/resources/fixtures/blind)
"""
import glob
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "..", "bin", "sre-review")
ANYWHERE = {"unbounded-memory", "missing-healthcheck", "no-rate-limit", "no-graceful-shutdown"}
# a container's problems are reported at its resources/probe keys or at its name: a few lines apart
CONTAINER = {"k8s-no-resource-limits", "k8s-no-probes"}


def tolerance(category, yes):
    if category == "unpinned-dependency" or not yes:
        # a near miss is judged on its own line: the bounded deque next to the unbounded list is not the list
        return 0
    return 10 ** 6 if category in ANYWHERE else 8 if category in CONTAINER else 2


def review(repo):
    out = subprocess.run([LAUNCHER, "review", repo, "--offline", "--format", "json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"sre-review failed on {repo}: {out.stderr.strip()}")
    return json.loads(out.stdout)["findings"]


def keys(path):
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            parts = raw.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[0].startswith("#") or parts[0] == "path":
                continue
            try:
                line = int(parts[1])
            except ValueError:
                line = 0
            yield parts[0], line, parts[2], parts[3].strip().lower() == "yes", parts[4] if len(parts) > 4 else ""


def block_end(repo, path, line):
    """The last line of the YAML block that starts at `line` (a container's `- name:`): its resources and probes
    sit anywhere inside it, however many env lines come first."""
    try:
        with open(os.path.join(repo, path), encoding="utf-8") as fh:
            text = fh.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return line
    if not 0 < line <= len(text):
        return line
    indent = len(text[line - 1]) - len(text[line - 1].lstrip(" -"))
    end = line
    for n in range(line, len(text)):
        body = text[n].lstrip(" ")
        if not body or body.startswith("#"):
            continue
        if len(text[n]) - len(text[n].lstrip(" -")) < indent or (body.startswith("- ") and
                                                                 len(text[n]) - len(body) + 2 <= indent):
            break
        end = n + 1
    return end


def matches(findings, path, line, category, yes, repo=""):
    t = tolerance(category, yes)
    end = block_end(repo, path, line) if yes and category in CONTAINER else line
    return [i for i, f in enumerate(findings) if f["category"] == category and f["path"] == path
            and (line == 0 or line - t <= (f.get("line") or 0) <= max(line + t, end))]


def main(argv):
    verbose = "-v" in argv
    sets = [a for a in argv if a != "-v"] or sorted(glob.glob(os.path.join(HERE, "..", "src", "test", "resources", "fixtures", "blind", "*", "")))
    per_cat = defaultdict(lambda: [0, 0, 0, 0])  # found, missed, near misses flagged, near misses clean
    totals = [0, 0, 0, 0, 0]
    for s in sets:
        st = [0, 0, 0, 0, 0]
        for key in sorted(glob.glob(os.path.join(s, "*.expected.tsv"))):
            repo = key[: -len(".expected.tsv")]
            findings = review(repo)
            used = set()
            lines = []
            for path, line, cat, yes, reason in keys(key):
                hit = matches(findings, path, line, cat, yes, repo)
                used.update(hit)
                c = per_cat[cat]
                if yes:
                    c[0 if hit else 1] += 1
                    st[0 if hit else 1] += 1
                    if not hit:
                        lines.append(f"  missed   {path}:{line} {cat} -- {reason}")
                else:
                    c[2 if hit else 3] += 1
                    st[2 if hit else 3] += 1
                    if hit:
                        lines.append(f"  flagged  {path}:{line} {cat} (a near miss) -- {reason}")
            unkeyed = [f for i, f in enumerate(findings) if i not in used]
            st[4] += len(unkeyed)
            if verbose:
                print(f"{os.path.relpath(repo, os.path.join(HERE, '..'))}: {len(findings)} findings")
                print("\n".join(lines + [f"  unkeyed  {f['path']}:{f.get('line')} {f['category']} {f['severity']}"
                                         for f in unkeyed]))
        totals = [a + b for a, b in zip(totals, st)]
        print(f"set {os.path.basename(os.path.normpath(s))}: true cases found {st[0]}/{st[0] + st[1]}, "
              f"near misses left alone {st[3]}/{st[2] + st[3]}, unkeyed findings {st[4]}")
    print(f"all: true cases found {totals[0]}/{totals[0] + totals[1]} "
          f"({totals[0] / max(1, totals[0] + totals[1]):.2f}), near misses left alone "
          f"{totals[3]}/{totals[2] + totals[3]} ({totals[3] / max(1, totals[2] + totals[3]):.2f})")
    print("\ncategory                      found  missed  near-miss flagged/clean")
    for cat in sorted(per_cat):
        c = per_cat[cat]
        print(f"{cat:28s} {c[0]:6d} {c[1]:7d} {c[2]:9d}/{c[3]}")


if __name__ == "__main__":
    main(sys.argv[1:])
