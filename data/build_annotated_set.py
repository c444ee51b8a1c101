#!/usr/bin/env python3
"""Build an annotated set (data/heldout3/ to data/heldout6/) from its src_texts.py: python3 data/build_annotated_set.py FOLDER

src_texts.DOCS holds, per report, the text with every claim mention wrapped in {braces}, one annotation
string per mark (in text order) and the non-claim strings. This script strips the marks, writes
texts/<doc>.txt, computes char_start/char_end from the mark positions and a sentence window (<= 40 chars)
from the clause structure, and writes claims_gold.csv and non_claims.csv in the dev-set columns.

Annotation string: "VALUE UNIT INDICATOR [key=val ...] [g]"
  VALUE  number with an optional 万/亿/万亿 multiplier (3.5亿, -0.8, 33.333333); a range is LOW~HIGH
         (value = LOW, low/high filled); UNIT '-' means empty.
  q=  qualifier (default none)       e=/t=  entity / entity_type for this claim (t defaults to place,
  p=  period for this claim                 or the type given in the doc's ents map)
  b=  basis                          s=  status (default actual)
  g   growth row (direction follows the sign of VALUE)
  E=/P=  sticky entity / period: apply to this claim and all later ones in the doc until reset (E= / P=).
"""
import csv
import os
import re
import sys

if len(sys.argv) != 2 or not os.path.isfile(os.path.join(sys.argv[1], "src_texts.py")):
    sys.exit("usage: python3 data/build_annotated_set.py FOLDER (a folder holding src_texts.py, e.g. data/heldout3)")
HERE = os.path.abspath(sys.argv[1])
sys.path.insert(0, HERE)
from src_texts import DOCS  # noqa: E402

MULT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1}
COLS = ["doc", "mention", "value", "unit", "qualifier", "indicator", "entity", "entity_type", "period",
        "is_growth", "direction", "basis", "status", "sentence", "low", "high", "char_start", "char_end"]


def num(spec):
    m = re.fullmatch(r"(-?[0-9.]+)(万亿|亿|万|)", spec)
    if not m:
        raise ValueError(spec)
    return float(m.group(1)) * MULT[m.group(2)]


def fmt(v):
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return ("%.6f" % v).rstrip("0").rstrip(".")


def window(text, s, e, seps="，；："):
    """Whole sentence if <= 40 chars, else the mention's clause grown by neighbouring clauses."""
    ends = "。！？\n"
    a = s
    while a > 0 and text[a - 1] not in ends:
        a -= 1
    b = e
    while b < len(text) and text[b] not in ends:
        b += 1
    # clause boundaries inside [a, b)
    cuts = [a] + [k + 1 for k in range(a, b) if text[k] in seps and not (s <= k < e)] + [b + 1]
    spans = [(cuts[i], cuts[i + 1] - 1) for i in range(len(cuts) - 1)]  # [start, end) without the mark

    def clean(x, y):
        while True:
            w = text[x:y]
            if w[:1] in "“‘（" and w.count(w[0]) > w.count({"“": "”", "‘": "’", "（": "）"}[w[0]]):
                x += 1
            elif w[-1:] in "”’）" and w.count(w[-1]) > w.count({"”": "“", "’": "‘", "）": "（"}[w[-1]]):
                y -= 1
            elif w[:1] in "”’ ，" or w[-1:] in "“‘ ，":
                x, y = (x + 1, y) if w[:1] in "”’ ，" else (x, y - 1)
            else:
                return x, y

    i = next(k for k, (x, y) in enumerate(spans) if x <= s < y + 1)
    j = next(k for k, (x, y) in enumerate(spans) if x < e <= y)
    lo, hi = i, j
    x, y = clean(spans[lo][0], spans[hi][1])
    if y - x > 40:
        if seps == "，；：":
            return window(text, s, e, "，；：、")
        x, y = max(s - (40 - (e - s)) // 2, a), 0
        y = min(x + 40, b)
        return text[x:y]
    grew = True
    while grew:
        grew = False
        for cand in ((lo - 1, hi), (lo, hi + 1)):
            if 0 <= cand[0] and cand[1] < len(spans):
                cx, cy = clean(spans[cand[0]][0], spans[cand[1]][1])
                if cy - cx <= 40:
                    lo, hi = cand
                    grew = True
                    break
    x, y = clean(spans[lo][0], spans[hi][1])
    return text[x:y]


def build():
    os.makedirs(os.path.join(HERE, "texts"), exist_ok=True)
    claims, nons = [], []
    for d in DOCS:
        doc, src = d["doc"], d["text"].strip("\n")
        ents = d.get("ents", {})
        text, marks, k = [], [], 0
        for piece in re.split(r"(\{[^{}]*\})", src):
            if piece.startswith("{"):
                m = piece[1:-1]
                marks.append((k, k + len(m), m))
                text.append(m)
                k += len(m)
            else:
                text.append(piece)
                k += len(piece)
        text = "".join(text)
        anns = d["claims"]
        if len(anns) != len(marks):
            raise SystemExit(f"{doc}: {len(marks)} marks but {len(anns)} annotations")
        with open(os.path.join(HERE, "texts", doc + ".txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        sticky = {"E": d["ent"], "P": ""}
        for (s, e, m), ann in zip(marks, anns):
            toks = ann.split()
            vspec, unit, ind = toks[0], toks[1], toks[2]
            kv, growth = {}, False
            for t in toks[3:]:
                if t == "g":
                    growth = True
                    continue
                key, _, val = t.partition("=")
                if key in ("E", "P"):
                    sticky[key] = val if val or key == "P" else d["ent"]
                    if key == "E" and not val:
                        sticky["E"] = d["ent"]
                else:
                    kv[key] = val
            if "~" in vspec:
                lo_s, hi_s = vspec.split("~")
                lo, hi = num(lo_s), num(hi_s)
                v, low, high = lo, fmt(lo), fmt(hi)
            else:
                v, low, high = num(vspec), "", ""
            ent = kv.get("e", sticky["E"])
            etype = kv.get("t") or ents.get(ent) or d.get("etypes", {}).get(ent) or (
                d.get("et", "place") if ent == d["ent"] else "place")
            direction = ("up" if v > 0 else "down") if growth else "none"
            claims.append({
                "doc": doc, "mention": m, "value": fmt(v), "unit": "" if unit == "-" else unit,
                "qualifier": kv.get("q", "none"), "indicator": ind, "entity": ent, "entity_type": etype,
                "period": kv.get("p", sticky["P"]), "is_growth": "true" if growth else "false",
                "direction": direction, "basis": kv.get("b", ""), "status": kv.get("s", "actual"),
                "sentence": window(text, s, e), "low": low, "high": high, "char_start": s, "char_end": e,
            })
        for item in d.get("non", "").split():
            ms, _, why = item.rpartition(":")
            if ms not in text:
                raise SystemExit(f"{doc}: non-claim {ms!r} not in text")
            nons.append({"doc": doc, "mention": ms, "why": why})
    with open(os.path.join(HERE, "claims_gold.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLS, lineterminator="\n")
        w.writeheader()
        w.writerows(claims)
    with open(os.path.join(HERE, "non_claims.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["doc", "mention", "why"], lineterminator="\n")
        w.writeheader()
        w.writerows(nons)
    print(f"built {len(DOCS)} texts, {len(claims)} claims, {len(nons)} non-claims")


if __name__ == "__main__":
    build()
