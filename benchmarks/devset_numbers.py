"""The number reader alone against every gold mention of the development set (issue 13).

    .venv/bin/python benchmarks/devset_numbers.py                  # ../shared/devset beside the project
    .venv/bin/python benchmarks/devset_numbers.py --devset DIR -v  # -v lists every mention read wrong

For each gold claim (claims_gold.csv: doc, mention, value, unit, qualifier, low, high, char_start, char_end) the
quantity `find_quantities` reads over the mention's span in texts/<doc>.txt is compared with the gold row:
value (|value|: a sign given by words such as 下降 is the claim rules' job; where the mention writes its own sign,
负3.2% or -0.8%, the sign is checked too), range ends, unit (the project's `ratio` is the guide's 比值) and
qualifier. A claim that needs the sentence, not the number, to be read right (ranks 第三 -> 名次, a bare ratio
1.68, a qualifier a few words back as in 约占…的) counts as a miss here like any other: the figure is the reader's
share of the claims table. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import math
from pathlib import Path

from gongfu import paths
from gongfu.extract.numbers import Quantity, find_quantities

DEVSET = paths.ROOT.parent / "shared" / "devset"
_UNIT_NAMES = {"ratio": "比值"}
_OWN_SIGN = ("负", "-", "−", "－")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _best(found: list[Quantity], start: int, end: int) -> Quantity | None:
    """The quantity overlapping [start, end) the most, None when none does."""
    best, best_overlap = None, 0
    for q in found:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best


def check(devset: Path) -> tuple[dict[str, int], list[str]]:
    """Counts of gold mentions read right, field by field, and one line per mention read wrong."""
    gold = list(csv.DictReader((devset / "claims_gold.csv").open(encoding="utf-8-sig")))
    texts: dict[str, list[Quantity]] = {}
    counts = {"mentions": 0, "found": 0, "value": 0, "range": 0, "unit": 0, "qualifier": 0, "all": 0, "signed": 0,
              "sign": 0}
    wrong: list[str] = []
    for g in gold:
        doc = g["doc"]
        if doc not in texts:
            text = (devset / "texts" / f"{doc}.txt").read_text(encoding="utf-8").removesuffix("\n")
            texts[doc] = find_quantities(text)
        counts["mentions"] += 1
        q = _best(texts[doc], int(g["char_start"]), int(g["char_end"]))
        if q is None:
            wrong.append(f"{doc} {g['mention']}: nothing read (gold {g['value']} {g['unit']} {g['qualifier']})")
            continue
        counts["found"] += 1
        gv = float(g["value"])
        ok_value = _close(abs(q.value), abs(gv))
        ok_range = (not g["low"] and q.low is None) or (
            bool(g["low"]) and q.low is not None and q.high is not None
            and _close(abs(q.low), abs(float(g["low"]))) and _close(abs(q.high), abs(float(g["high"]))))
        ok_unit = _UNIT_NAMES.get(q.unit, q.unit) == g["unit"]
        ok_qualifier = q.qualifier == (g["qualifier"] or "none")
        if g["mention"].startswith(_OWN_SIGN):
            counts["signed"] += 1
            counts["sign"] += (q.value < 0) == (gv < 0)
        counts["value"] += ok_value
        counts["range"] += ok_range
        counts["unit"] += ok_unit
        counts["qualifier"] += ok_qualifier
        counts["all"] += ok_value and ok_range and ok_unit and ok_qualifier
        if not (ok_value and ok_range and ok_unit and ok_qualifier):
            wrong.append(f"{doc} {g['mention']}: read {q.text!r} {q.value:g} {q.low}..{q.high} {q.unit!r} "
                         f"{q.qualifier} | gold {g['value']} {g['low']}..{g['high']} {g['unit']!r} {g['qualifier']}")
    return counts, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="folder with claims_gold.csv and texts/")
    parser.add_argument("-v", action="store_true", help="list every mention read wrong")
    args = parser.parse_args()
    if not (args.devset / "claims_gold.csv").is_file():
        raise SystemExit(f"{args.devset}: no claims_gold.csv here; pass --devset with the development set folder")
    counts, wrong = check(args.devset)
    if args.v:
        print("\n".join(wrong))
    n = counts["mentions"]
    print(f"number reader on {n} gold mentions: found {counts['found'] / n:.1%}, value {counts['value'] / n:.1%}, "
          f"range ends {counts['range'] / n:.1%}, unit {counts['unit'] / n:.1%}, "
          f"qualifier {counts['qualifier'] / n:.1%}; all four right {counts['all']} ({counts['all'] / n:.1%}); "
          f"own sign {counts['sign']}/{counts['signed']}")


if __name__ == "__main__":
    main()
