#!/usr/bin/env python3
"""Print the count tables of an annotated set's README.md from its built CSVs:
python3 data/annotated_set_stats.py FOLDER (OUTSIDE, the texts outside Zhejiang, is read from FOLDER/src_texts.py)"""
import collections
import csv
import os
import re
import sys

if len(sys.argv) != 2 or not os.path.isfile(os.path.join(sys.argv[1], "src_texts.py")):
    sys.exit("usage: python3 data/annotated_set_stats.py FOLDER (a folder holding src_texts.py, e.g. data/heldout3)")
HERE = os.path.abspath(sys.argv[1])
sys.path.insert(0, HERE)
from src_texts import OUTSIDE  # noqa: E402
rows = list(csv.DictReader(open(os.path.join(HERE, "claims_gold.csv"), encoding="utf-8")))
non = list(csv.DictReader(open(os.path.join(HERE, "non_claims.csv"), encoding="utf-8")))
texts = {f[:-4]: open(os.path.join(HERE, "texts", f), encoding="utf-8").read()
         for f in sorted(os.listdir(os.path.join(HERE, "texts")))}
lens = [len(t.replace("\n", "")) for t in texts.values()]
per = collections.Counter(r["doc"] for r in rows)
C = collections.Counter
print("texts", len(texts), "claims", len(rows), "outside", sum(per[d] for d in OUTSIDE), "non", len(non))
print("chars min/max/mean", min(lens), max(lens), round(sum(lens) / len(lens)))
print("claims/text min/max", min(per.values()), max(per.values()))
g = [r for r in rows if r["is_growth"] == "true"]
print("growth", len(g), C(r["direction"] for r in g), "negative", sum(float(r["value"]) < 0 for r in rows))
print("basis", sum(bool(r["basis"]) for r in rows), C(r["basis"] for r in rows if r["basis"]))
print("ranges", sum(bool(r["low"]) for r in rows))
print("status", C(r["status"] for r in rows))
print("entity_type", C(r["entity_type"] for r in rows))
print("qualifier", C(r["qualifier"] for r in rows))
print("period empty", sum(not r["period"] for r in rows))
print("periods", C(r["period"] for r in rows).most_common())
print("entities", len(set(r["entity"] for r in rows)))
pat = collections.OrderedDict()
m = [r["mention"] for r in rows]
pat["Arabic number with 万/亿 multiplier"] = sum(bool(re.search(r"[0-9][0-9.,]*[万亿]", x)) for x in m)
pat["thousands separator"] = sum("," in x for x in m)
pat["full-width digits"] = sum(bool(re.search(r"[０-９]", x)) for x in m)
pat["Chinese numerals only, no digits"] = sum(not re.search(r"[0-9０-９]", x) for x in m)
pat["internal 余/多/几/来"] = sum(bool(re.search(r"[余多几来]", x)) for x in m)
pat["shares in 成 / 半 / 分之"] = sum(bool(re.search(r"成|半|分之", x)) for x in m)
pat["unit %"] = sum(r["unit"] == "%" for r in rows)
pat["unit 个百分点"] = sum(r["unit"] == "个百分点" for r in rows)
pat["unit 倍"] = sum(r["unit"] == "倍" for r in rows)
pat["ratio 比值"] = sum(r["unit"] == "比值" for r in rows)
pat["rank 名次"] = sum(r["unit"] == "名次" for r in rows)
pat["money written colloquially (块, 毛钱)"] = sum(bool(re.search(r"块|毛", x)) for x in m)
pat["currency 美元"] = sum(r["unit"] == "美元" for r in rows)
pat["units beginning with 千 (千瓦, 千瓦时)"] = sum(r["unit"].startswith("千") for r in rows)
for k, v in pat.items():
    print(f"| {k} | {v} |")
for k, v in C(r["why"] for r in non).most_common():
    print(f"| {k} | {v} |")
