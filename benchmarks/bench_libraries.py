"""gongfu beside the libraries around it (issue 17): cleaning and extraction speed measured side by side.

One run times, on the same documents, in CPU seconds of one process (so other work on a shared machine does
not count against a stage), best of --rounds interleaved rounds:

- OpenCC t2s and tw2sp alone (the floor of any Traditional -> Simplified cleaner),
- gongfu cleaning (`clean_text`, the whole chain with its audit) on the raw texts (the damaged mix) and on
  the cleaned outputs fed back in (text that needs nothing),
- gongfu's number reader (`find_quantities`) and the whole extraction (`extract_claims`) on the cleaned texts,
- and, when `--other-python` names the interpreter of a throwaway environment with jionlp and cn2an installed
  (never project dependencies), jionlp's money extraction and a regex-candidates + cn2an reader, run there on
  the same texts.

By default the documents are the five raw texts repeated (one document per copy) to --mb. With --distinct they
are every text once instead: the development set (/work/shared/devset/texts, next to the checkout), data/heldout,
data/heldout2 and data/raw (about 120 documents, 0.1 MB cleaned), so no cost per document is hidden by Python's
regex cache or by a memo that the same text hits again (the rounds repeat the set; each document is distinct
within a round). The two corpora differ in kind too: the development texts are short and dense with numbers.

Prints MB/s per core (UTF-8 bytes of input per CPU second) and each stage's ratio to OpenCC t2s. Asserts
nothing. Example:

    python3 -m venv /tmp/libs && /tmp/libs/bin/pip install jionlp cn2an
    .venv/bin/python benchmarks/bench_libraries.py --other-python /tmp/libs/bin/python
    .venv/bin/python benchmarks/bench_libraries.py --distinct --rounds 5 --other-python /tmp/libs/bin/python
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gongfu import paths
from gongfu.clean.chain import clean_text
from gongfu.clean.document import clean_document
from gongfu.clean.script import converter
from gongfu.extract.claims import extract_claims
from gongfu.extract.numbers import find_quantities
from gongfu.sources import decode_bytes, read_manifest
from gongfu.tables import CLEAN_DIR, DOCUMENTS_FILE, read_csv

# Run in the throwaway interpreter: reads the texts from argv[1], prints {stage: cpu seconds} as JSON.
OTHER = r"""
import json, re, sys, time
texts = json.load(open(sys.argv[1], encoding="utf-8"))
out = {}
try:
    import jionlp
    extract_money = jionlp.ner.extract_money
    extract_money(texts[0])  # load its dictionaries before timing
    t = time.process_time()
    for text in texts:
        extract_money(text, with_parsing=True)
    out["jionlp money extraction (money only, with parsing)"] = time.process_time() - t
except ImportError:
    pass
try:
    import cn2an
    candidate = re.compile(r"[0-9０-９.,，]+[万亿]?|[零〇一二两三四五六七八九十百千万亿点]+")
    cn2an.cn2an("一百", "smart")
    t = time.process_time()
    for text in texts:
        for m in candidate.finditer(text):
            try:
                cn2an.cn2an(m.group(), "smart")
            except Exception:  # cn2an refuses what is not a numeral
                pass
    out["regex candidates + cn2an (numbers only)"] = time.process_time() - t
except ImportError:
    pass
print(json.dumps(out))  # the last line of stdout (jionlp prints a banner first)
"""


def raw_texts(min_mb: float) -> list[str]:
    """The five decoded raw texts, repeated (one document per copy) to at least `min_mb` MB of UTF-8."""
    texts = [decode_bytes(p.read_bytes(), p.name).text for p in sorted(paths.RAW_DIR.glob("*.txt"))]
    return texts * math.ceil(min_mb * 1e6 / sum(len(t.encode()) for t in texts))


def cleaned(min_mb: float) -> list[tuple[str, dict]]:
    """The committed cleaned texts with their documents.csv rows, repeated the same way."""
    docs = read_csv(paths.PROCESSED_DIR / DOCUMENTS_FILE).astype(object).fillna("").to_dict("records")
    pairs = [((paths.PROCESSED_DIR / CLEAN_DIR / f"{d['doc_id']}.txt").read_text(encoding="utf-8"), d) for d in docs]
    return pairs * math.ceil(min_mb * 1e6 / sum(len(t.encode()) for t, _ in pairs))


DEVSET_TEXTS = paths.ROOT.parent / "shared" / "devset" / "texts"


def distinct(devset: Path = DEVSET_TEXTS) -> tuple[list[str], list[tuple[str, dict]]]:
    """Every text of the development, held-out and raw folders once: the decoded raw texts and, cleaned by
    `clean_document` as `gongfu process` cleans them (data/raw with its manifest rows), the cleaned texts with
    their document rows."""
    manifest = {row["file"]: row for row in read_manifest(paths.RAW_DIR)}
    folders = [devset, paths.HELDOUT_DIR / "texts", paths.HELDOUT2_DIR / "texts", paths.RAW_DIR]
    raw, pairs = [], []
    for path in (p for folder in folders for p in sorted(folder.glob("*.txt"))):
        data = path.read_bytes()
        raw.append(decode_bytes(data, path.name).text)
        done = clean_document(data, f"{path.parent.name}-{path.stem}", manifest.get(path.name), name=path.name)
        if done.text:
            pairs.append((done.text, done.document))
    return raw, pairs


def cpu_seconds(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of raw text (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds, best kept (default 3)")
    parser.add_argument("--other-python", help="interpreter of a throwaway environment with jionlp and cn2an")
    parser.add_argument("--distinct", action="store_true",
                        help="every development, held-out and raw text once instead of the five repeated (--mb unused)")
    args = parser.parse_args()

    if args.distinct:
        raw, pairs = distinct()
    else:
        raw, pairs = raw_texts(args.mb), cleaned(args.mb)
    again = [t for t, _ in pairs]
    t2s, tw2sp = converter("t2s"), converter("tw2sp")
    stages: dict[str, tuple[list[str], Callable[[], object]]] = {
        "OpenCC t2s alone": (raw, lambda: [t2s.convert(t) for t in raw]),
        "OpenCC tw2sp alone": (raw, lambda: [tw2sp.convert(t) for t in raw]),
        "gongfu cleaning, damaged mix (clean_text, whole chain with audit)":
            (raw, lambda: [clean_text(t) for t in raw]),
        "gongfu cleaning, already-clean text fed back in": (again, lambda: [clean_text(t) for t in again]),
        "gongfu number reader (find_quantities)": (again, lambda: [find_quantities(t) for t in again]),
        "gongfu extraction (extract_claims, every claim with its context)":
            (again, lambda: [extract_claims(t, d) for t, d in pairs]),
    }
    clean_text(raw[0])  # imports, OpenCC dictionaries, lexicons: not part of any figure
    extract_claims(*pairs[0])
    best = {name: math.inf for name in stages}
    other: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(again, ensure_ascii=False), encoding="utf-8")
        for _ in range(args.rounds):
            for name, (_, run) in stages.items():
                best[name] = min(best[name], cpu_seconds(run))
            if args.other_python:
                found = subprocess.run([args.other_python, "-c", OTHER, str(corpus)], capture_output=True, text=True)
                if found.returncode:
                    last = (found.stderr.strip().splitlines() or ["no message"])[-1]
                    print(f"--other-python {args.other_python}: the library timings failed: {last}")
                    return 1
                for name, seconds in json.loads(found.stdout.strip().splitlines()[-1]).items():
                    other[name] = min(other.get(name, math.inf), seconds)
    sizes = {name: sum(len(t.encode()) for t in texts) / 1e6 for name, (texts, _) in stages.items()}
    sizes.update(dict.fromkeys(other, sum(len(t.encode()) for t in again) / 1e6))
    speed = {name: sizes[name] / seconds for name, seconds in {**best, **other}.items()}
    floor = speed["OpenCC t2s alone"]
    clean_mb = sizes["gongfu cleaning, already-clean text fed back in"]
    kind = "distinct texts" if args.distinct else "the five raw texts repeated"
    print(f"{len(raw)} documents ({kind}), {sizes['OpenCC t2s alone']:.2f} MB raw / {clean_mb:.2f} MB "
          f"cleaned; CPU time of one process, best of {args.rounds} interleaved rounds")
    print(f"{'stage':<72} {'MB/s per core':>14} {'x t2s':>8}")
    for name, value in speed.items():
        print(f"{name:<72} {value:>14.2f} {value / floor:>8.3f}")
    if not args.other_python:
        print("(jionlp and cn2an not timed: give --other-python, the interpreter of a throwaway venv with them)")
    for theirs, ours in (("jionlp money extraction (money only, with parsing)",
                          "gongfu extraction (extract_claims, every claim with its context)"),
                         ("regex candidates + cn2an (numbers only)", "gongfu number reader (find_quantities)")):
        if theirs in speed:
            print(f"{ours.split(' (')[0]} / {theirs.split(' (')[0]}: {speed[ours] / speed[theirs]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
