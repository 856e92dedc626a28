"""A synthetic corpus for the benchmarks (run by hand; never committed).

    .venv/bin/python benchmarks/synth_corpus.py OUT_DIR [--mb 100] [--from seeds|strategies]
        [--seeds DIR] [--seed 0]

Writes about ``--mb`` megabytes of reports to OUT_DIR, in folders of 1,000 files.

- ``--from seeds`` (the default): copy i is seed ``i mod n`` with its small numbers (one to
  three digits, not a date's) replaced by random numbers of the same length, and some of its
  table labels (tab-led cells of Chinese text) spaced out (``信息内容`` → ``信 息 内 容``,
  ASCII or full-width spaces).
- ``--from strategies``: report texts drawn from :func:`opengov_report.strategies.report_texts`
  (every era, the cells, tsv and markdown layouts, consistent or not, with the noise real
  reports carry), one file each.

Deterministic: the same arguments give the same bytes.  Prints the number of files and
megabytes written.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as seeded

from opengov_report.strategies import report_texts

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"

#: a run of one to three digits that is not part of a longer number nor a date's year/month/day
_SMALL_NUMBER = re.compile(r"(?<![0-9.])[0-9]{1,3}(?![0-9.年月日号])")
#: a tab-led cell of Chinese text only, short enough to be a label
_LABEL = re.compile(r"(?<=\t)[\u4e00-\u9fff]{2,16}(?=[\t\r\n]|$)", re.M)
_SPACES = (" ", "\u3000")


def _number(rng: random.Random, width: int) -> str:
    if width == 1:
        return str(rng.randrange(10))
    return str(rng.randrange(10 ** (width - 1), 10**width))


def vary(text: str, rng: random.Random) -> str:
    """One synthetic copy of a report's text: new small numbers, some labels spaced out."""
    text = _SMALL_NUMBER.sub(lambda m: _number(rng, len(m.group())), text)

    def spaced(m: re.Match[str]) -> str:
        if rng.random() >= 0.3:
            return m.group()
        return rng.choice(_SPACES).join(m.group())

    return _LABEL.sub(spaced, text)


def generate(seeds: Path, out: Path, target_bytes: int, seed: int = 0) -> tuple[int, int]:
    """Write copies of the seeds to ``out`` until ``target_bytes``; returns (files, bytes)."""
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no seeds in {seeds}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    files = written = 0
    while written < target_bytes:
        i = files
        rng = random.Random(f"{seed}-{i}")
        data = vary(texts[i % len(texts)], rng).encode("utf-8")
        folder = out / f"d{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}_{paths[i % len(paths)].name}").write_bytes(data)
        files += 1
        written += len(data)
    return files, written


def drawn_texts(target_bytes: int, seed: int = 0) -> list[str]:
    """Report texts drawn from the strategies, about ``target_bytes`` of UTF-8 in all.

    Hypothesis draws them (seeded, no example database, generation only); the run is stopped
    by an exception once enough text is drawn, and the final replay of that example is
    ignored."""
    texts: list[str] = []
    total = 0

    class _EnoughError(Exception):
        """Raised to stop drawing."""

    @seeded(seed)
    @settings(
        max_examples=10**9,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(report_texts())
    def collect(drawn: tuple[str, object]) -> None:
        nonlocal total
        if total < target_bytes:
            texts.append(drawn[0])
            total += len(drawn[0].encode("utf-8"))
        if total >= target_bytes:
            raise _EnoughError

    with contextlib.suppress(_EnoughError):
        collect()
    return texts


def generate_drawn(out: Path, target_bytes: int, seed: int = 0) -> tuple[int, int]:
    """Write report texts drawn from the strategies to ``out``; returns (files, bytes)."""
    written = 0
    texts = drawn_texts(target_bytes, seed)
    for i, text in enumerate(texts):
        data = text.encode("utf-8")
        folder = out / f"d{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}_drawn.txt").write_bytes(data)
        written += len(data)
    return len(texts), written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument(
        "--from",
        dest="origin",
        choices=("seeds", "strategies"),
        default="seeds",
        help="vary the seeds, or draw report texts from the strategies",
    )
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    target = int(args.mb * 1e6)
    if args.origin == "strategies":
        files, written = generate_drawn(args.out, target, args.seed)
    else:
        files, written = generate(args.seeds, args.out, target, args.seed)
    print(f"{files} files, {written / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
