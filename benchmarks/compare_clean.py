"""Every field of `clean_text`'s result over a wide corpus, for comparing two versions of the cleaner byte for byte.

    # once, with the version to compare against first on PYTHONPATH: the corpus (its cleaned outputs are part of it)
    PYTHONPATH=/tmp/base/src python benchmarks/compare_clean.py corpus /tmp/corpus.json
    PYTHONPATH=/tmp/base/src python benchmarks/compare_clean.py dump /tmp/corpus.json /tmp/base.jsonl
    python benchmarks/compare_clean.py dump /tmp/corpus.json /tmp/new.jsonl
    cmp /tmp/base.jsonl /tmp/new.jsonl   # or: compare_clean.py diff /tmp/base.jsonl /tmp/new.jsonl

The corpus: the raw texts, the development and held-out sets, the test pages, the string literals of the
cleaning tests, each one's cleaned output fed back in, and seeded slices, shuffles, mixes and oddities
(empty, blank lines, only boilerplate, padded lines) of their lines. Asserts nothing; prints counts.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

from gongfu import paths
from gongfu.clean.chain import clean_text
from gongfu.clean.script import converter
from gongfu.sources import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
DEVSET = Path("/work/shared/devset/texts")
SEED = 17


def _read(path: Path) -> str | None:
    try:
        return decode_bytes(path.read_bytes(), path.name).text
    except Exception:  # a test page meant to be refused
        return None


def _literals() -> list[str]:
    """String literals of the cleaning tests that hold a Chinese character (the tables' odd cases)."""
    found = []
    for path in sorted((ROOT / "tests" / "clean").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and any("\u4e00" <= ch <= "\u9fff" for ch in node.value):
                found.append(node.value)
    return list(dict.fromkeys(found))


def build_corpus(n_mixed: int) -> list[str]:
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted(DEVSET.glob("*"))
    for name in ("heldout", "heldout2"):
        files += sorted((ROOT / "data" / name / "texts").glob("*"))
    files += sorted(p for p in (ROOT / "tests" / "clean" / "pages").glob("*") if p.suffix != ".csv")
    base = [t for t in map(_read, files) if t]
    base += _literals()
    cleaned = [r["text"] for r in map(result_fields, base) if "text" in r]
    texts = base + cleaned
    rng = random.Random(SEED)
    for config in ("s2t", "s2tw"):  # Traditional spellings of Simplified texts
        texts += [converter(config).convert(t) for t in rng.sample(cleaned, 12)]
    lines = [ln for t in texts for ln in t.split("\n")]
    odd = ["", "\n", "\n\n\n", "   \n\u3000\n", "中", "中文\n", " 中文 ", "\ufeff中文。\n", "版权所有",
           "分享到：微信 微博", "責任編輯：王明\n", "<p>中文。</p>", "a\nb\n", "一\n二\n三\n", "图：中文\n"]
    texts += odd
    for _ in range(n_mixed):
        kind = rng.randrange(6)
        src = rng.choice(texts)
        ls = src.split("\n")
        if kind == 0:  # a slice of characters
            a = rng.randrange(len(src) + 1)
            texts.append(src[a:a + rng.randrange(1, 3000)])
        elif kind == 1:  # a slice of lines
            a = rng.randrange(len(ls))
            texts.append("\n".join(ls[a:a + rng.randrange(1, 40)]))
        elif kind == 2:  # shuffled lines
            rng.shuffle(ls)
            texts.append("\n".join(ls))
        elif kind == 3:  # lines of many texts
            texts.append("\n".join(rng.choice(lines) for _ in range(rng.randrange(1, 60))))
        elif kind == 4:  # two texts run together
            texts.append(src + rng.choice(["", "\n", "\n\n"]) + rng.choice(texts))
        else:  # padded, doubled and blank lines
            out = []
            for ln in ls:
                r = rng.random()
                out.append(ln if r < 0.6 else f"  {ln}\u3000" if r < 0.75 else f"{ln}\n{ln}" if r < 0.85 else
                           f"\n{ln}\n" if r < 0.95 else ln.replace("，", " "))
            texts.append("\n".join(out))
    return texts


def result_fields(text: str) -> dict:
    """Every field of clean_text's result, as JSON-able values."""
    try:
        r = clean_text(text)
    except Exception as exc:  # an error is an output too
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"text": r.text, "edits": [asdict(e) for e in r.edits], "meta": r.meta, "source_script": r.source_script,
            "conversion": r.conversion, "conversion_evidence": r.conversion_evidence, "status": r.status,
            "reason": r.reason, "audit": r.audit, "sample": list(r.sample)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("out")
    c.add_argument("--mixed", type=int, default=1500)
    d = sub.add_parser("dump")
    d.add_argument("corpus")
    d.add_argument("out")
    f = sub.add_parser("diff")
    f.add_argument("a")
    f.add_argument("b")
    args = parser.parse_args()
    if args.cmd == "corpus":
        texts = build_corpus(args.mixed)
        Path(args.out).write_text(json.dumps(texts), encoding="utf-8")
        print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    elif args.cmd == "dump":
        texts = json.loads(Path(args.corpus).read_text(encoding="utf-8"))
        with Path(args.out).open("w", encoding="utf-8") as fh:
            for text in texts:
                fh.write(json.dumps(result_fields(text), sort_keys=True) + "\n")
        print(f"{len(texts)} results written to {args.out}")
    else:
        a = Path(args.a).read_text(encoding="utf-8").splitlines()
        b = Path(args.b).read_text(encoding="utf-8").splitlines()
        bad = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        print(f"{len(a)} results, {len(bad)} differ: {bad[:20]}")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
