#!/usr/bin/env python3
"""Times pymatgen on the stability windows bench/thermo.ts times (called by it; not a test).

Reads JSON {"csv": path, "targets": [{"formula", "openElement"}]} on stdin and prints JSON
[{"formula", "seconds", "reductionLimitV", "oxidationLimitV"}] on stdout. The formation-energy table is
read and grouped once (not timed); each window is timed from the entries of its chemical system to the
limits: PhaseDiagram of the other phases (hull energy, for stabilization), PhaseDiagram with the target
and PhaseDiagram.get_element_profile, the procedure of test/fixtures/pymatgen/generate_thermo_fixtures.py.

pymatgen: Ong et al., Comput. Mater. Sci. 68, 314 (2013), doi:10.1016/j.commatsci.2012.10.028.
"""
import csv
import itertools
import json
import sys
import time
import warnings

from pymatgen.analysis.phase_diagram import PDEntry, PhaseDiagram
from pymatgen.core import Composition, Element

warnings.simplefilter("ignore")
STABILIZATION = 1e-6


def main():
    job = json.load(sys.stdin)
    lowest = {}
    by_system = {}
    with open(job["csv"]) as f:
        for row in csv.DictReader(f):
            c = Composition(row["formula"]).reduced_composition
            e = float(row["target"])
            if c not in lowest or e < lowest[c]:
                lowest[c] = e
    for c, e in lowest.items():
        by_system.setdefault("-".join(sorted(el.symbol for el in c.elements)), []).append(PDEntry(c, e * c.num_atoms))

    out = []
    for t in job["targets"]:
        target = Composition(t["formula"]).reduced_composition
        started = time.perf_counter()
        els = sorted(el.symbol for el in target.elements)
        entries = []
        for n in range(1, len(els) + 1):
            for sub in itertools.combinations(els, n):
                entries += by_system.get("-".join(sub), [])
        present = {e.composition.reduced_composition for e in entries}
        entries += [PDEntry(Composition(el), 0.0) for el in els if Composition(el) not in present]
        others = [e for e in entries if e.composition.reduced_composition != target]
        hull = PhaseDiagram(others).get_hull_energy_per_atom(target)
        own = lowest.get(target)
        energy = hull - STABILIZATION if own is None or own >= hull else own
        mine = PDEntry(target, energy * target.num_atoms)
        profile = PhaseDiagram(others + [mine]).get_element_profile(Element(t["openElement"]), target)
        k = next(i for i, s in enumerate(profile) if [e.composition.reduced_composition for e in s["entries"]] == [target])
        seconds = time.perf_counter() - started
        out.append({"formula": t["formula"], "seconds": seconds, "reductionLimitV": -profile[k]["chempot"], "oxidationLimitV": -profile[k + 1]["chempot"]})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
