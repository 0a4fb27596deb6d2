#!/usr/bin/env python3
"""Field and column names spelled in more than one non-test place (issue 14, "Done when").

Lists string literals in src/ (tests and doc comments left out) that name a field of the model
(a `pub` field of src/model/*.rs, alone or at the end of a path such as `funds.total.score` or
`indicators[{i}].target`), with how many places spell each and where. A name defined once in
src/model/field.rs and used through its id (`DeclarationText::ProjectName.path()`,
`IndicatorPart::Target.of(i)`) does not show up. A heuristic to read, not a gate: a word that is
also a field name ("name" of an XML attribute) can show up too.

Usage: python3 scripts/field-names.py [--min N]   (N: least places to list, default 2)
"""
import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
least = int(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 2

fields = set()
for f in (ROOT / "src/model").glob("*.rs"):
    fields |= set(re.findall(r"^\s*pub (\w+):", f.read_text(), re.M))

places = collections.defaultdict(list)
for f in sorted((ROOT / "src").rglob("*.rs")):
    rel = f.relative_to(ROOT)
    if f.name == "tests.rs" or "tests" in rel.parts[:-1]:
        continue
    code = f.read_text().split("#[cfg(test)]\nmod tests")[0]
    for n, line in enumerate(code.splitlines(), 1):
        if line.strip().startswith("//"):
            continue
        for lit in re.findall(r'"((?:[a-z_]+(?:\[\{?\w*\}?\])?\.)*[a-z_]+)"', line):
            if lit.split(".")[-1] in fields:
                places[lit].append(f"{rel}:{n}")

shown = [(lit, ps) for lit, ps in places.items() if len(ps) >= least]
for lit, ps in sorted(shown, key=lambda x: (-len(x[1]), x[0])):
    print(f"{len(ps):3} {lit:28} {' '.join(ps[:5])}{' …' if len(ps) > 5 else ''}")
print(f"{len(shown)} names spelled in {least} or more places", file=sys.stderr)
