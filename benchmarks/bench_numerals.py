"""Numeral conversion: gongfu's `parse_chinese` beside `cn2an.cn2an` (issue 13: library or oracle?).

    .venv/bin/python benchmarks/bench_numerals.py              # 20,000 written numbers, best of 3
    .venv/bin/python benchmarks/bench_numerals.py --count 100000

Two measures. Correctness: integers (below 2**53) and decimals written out by `cn2an.an2cn` in lower-case and
formal (大写) characters, then the forms of issue 13 that news text uses and no writer produces (一万二, 三千五,
1万600, 2千零30万, 十二点五亿, 两万亿, 万万, 十几万, 1.5万亿 ...), each read back by both; a reading counts when it
is the value exactly. Speed: microseconds per numeral on the written numbers (one core, CPU time). cn2an is the
oracle of the property tests (tests/extract/test_numerals.py) and is installed with the [test] extra.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from gongfu.extract.numerals import fold, parse_chinese

try:
    import cn2an
except ImportError as exc:  # pragma: no cover - the [test] extra installs it
    raise SystemExit("cn2an is not installed: pip install -e '.[test]' (it is the test oracle)") from exc

# Forms found in reports that a writer never produces, with the value a careful reader gives them.
NEWS_FORMS = {
    "一万二": 12000, "三千五": 3500, "一百二": 120, "两万五": 25000, "1万600": 10600, "3万4千": 34000,
    "2千零30万": 20300000, "10亿零500万": 1005000000, "1.5万亿": 1.5e12, "十二点五亿": 1.25e9, "三点一四亿": 3.14e8,
    "两万亿": 2e12, "万万": 1e8, "十几万": 100000, "几十万": 100000, "3千万": 3e7, "1.4万": 14000, "二〇二一": 2021,
    "零点五": 0.5, "两千": 2000, "十四": 14, "壹佰贰拾万": 1200000, "貳拾參": 23, "肆萬": 40000, "一點二": 1.2,
}


def _ours(numeral: str) -> float | None:
    return parse_chinese(fold(numeral))


def _cn2an(numeral: str) -> float | None:
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


READERS: dict[str, Callable[[str], float | None]] = {"gongfu parse_chinese": _ours, "cn2an.cn2an smart": _cn2an}


def written(count: int, seed: int = 13) -> list[tuple[str, float]]:
    """(numeral, value): integers and two-place decimals written by cn2an.an2cn in its low and up modes."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        if i % 4 == 3:
            text = f"{rng.randrange(0, 10 ** rng.randint(1, 9))}.{rng.randrange(1, 100):02d}".rstrip("0")
        else:
            text = str(rng.randrange(0, min(2 ** 53, 10 ** rng.randint(1, 16))))
        out.append((cn2an.an2cn(text, "low" if i % 2 else "up"), float(text)))
    return out


def best_of(repeats: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000, help="written numbers to read")
    parser.add_argument("--repeats", type=int, default=3, help="timing passes; the best is reported")
    args = parser.parse_args()
    cases = written(args.count)
    print(f"{len(cases):,} numbers written by cn2an.an2cn (low and up modes), {len(NEWS_FORMS)} news forms")
    for name, read in READERS.items():
        right = sum(read(text) == value for text, value in cases)
        news = [text for text, value in NEWS_FORMS.items() if read(text) == value]
        seconds = best_of(args.repeats, lambda read=read: [read(text) for text, _ in cases])
        print(f"  {name}: written {right:,}/{len(cases):,} right, news forms {len(news)}/{len(NEWS_FORMS)}, "
              f"{seconds / len(cases) * 1e6:.1f} µs per numeral")
        missed = [text for text in NEWS_FORMS if text not in news]
        if missed:
            print(f"    news forms read wrong or not at all: {' '.join(missed)}")


if __name__ == "__main__":
    main()
