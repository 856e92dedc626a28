"""Golden check: prove that a refactor changed nothing the library outputs (run by hand).

    .venv/bin/python benchmarks/golden.py            # compare with the manifest; exit 1 on change
    .venv/bin/python benchmarks/golden.py --update   # rewrite the manifest from this tree
    .venv/bin/python benchmarks/golden.py --dump DIR # also write every output in full, to diff

For every input, the SHA-256 of three outputs, byte for byte: the document tree's JSON (what
``opengov-report parse --json`` prints), the report's JSON (:func:`opengov_report.to_json`) and
the findings' JSON (:func:`opengov_report.findings_to_json` of :func:`opengov_report.check`).
The inputs: the seeds (examples/seeds), the real corpus (every file examples/corpus/
expected.jsonl names, the PDF included) and a generated corpus: report texts drawn from
:mod:`opengov_report.strategies` with a fixed seed and copies of the seeds with other numbers
and spaced labels (benchmarks/synth_corpus.py), about 40 files.  The input's own hash is kept
too, so that a generator that draws other texts (another hypothesis version) shows as a changed
input, not as a changed output.

Not part of the test suite: recognition is changing, and a manifest is a snapshot of one tree's
outputs, not a statement of what is right (that is the oracles' job, tests/data/oracles).  Run
it before and after a change that should change nothing; ``--update`` once a change is meant.
Exit status: 0 same, 1 changed (the list printed), 2 no manifest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import warnings
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from hypothesis.errors import HypothesisWarning

import opengov_report
from opengov_report.cli.parse_cmd import document_to_json

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))  # the scripts beside this one
from real_corpus import entries  # noqa: E402
from synth_corpus import drawn_texts, vary  # noqa: E402

ROOT = _HERE.parent
MANIFEST = _HERE / "golden_manifest.json"
SEEDS = ROOT / "examples" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
#: the generated corpus: bytes of drawn report texts, copies of the seeds, the seed
DRAWN_BYTES = 300_000
VARIED_COPIES = 10
SEED = 0


def inputs() -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every input, in a fixed order."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {SEEDS}")
    for path in seeds:
        yield f"seeds/{path.name}", path.read_bytes()
    for entry in entries(CORPUS):
        yield f"corpus/{entry['file']}", (CORPUS / entry["file"]).read_bytes()
    with warnings.catch_warnings():  # hypothesis's note on the size of a drawn example's repr
        warnings.simplefilter("ignore", HypothesisWarning)
        drawn = drawn_texts(DRAWN_BYTES, SEED)
    for i, text in enumerate(drawn):
        yield f"drawn/{i:03d}", text.encode("utf-8")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for i in range(VARIED_COPIES):
        rng = random.Random(f"{SEED}-{i}")
        yield (
            f"varied/{i:03d}_{seeds[i % len(seeds)].name}",
            vary(texts[i % len(texts)], rng).encode("utf-8"),
        )


def outputs(data: bytes) -> dict[str, str]:
    """The three outputs of one input, as text."""
    report = opengov_report.parse(data)
    tree = json.dumps(document_to_json(report.document), ensure_ascii=False, sort_keys=True)
    return {
        "tree": tree,
        "report": opengov_report.to_json(report),
        "findings": opengov_report.findings_to_json(opengov_report.check(report)),
    }


def _sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def compute(dump: Path | None = None) -> dict[str, dict[str, str]]:
    """Every input's hashes: ``input``, ``tree``, ``report``, ``findings``."""
    out: dict[str, dict[str, str]] = {}
    for name, data in inputs():
        texts = outputs(data)
        out[name] = {"input": _sha(data), **{k: _sha(v) for k, v in texts.items()}}
        if dump is not None:
            for kind, text in texts.items():
                target = dump / kind / (name.replace("/", "__") + ".json")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return out


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What changed between two manifests' entries, one line each."""
    lines: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            lines.append(f"gone    {name}")
        elif name not in old:
            lines.append(f"new     {name}")
        elif old[name]["input"] != new[name]["input"]:
            lines.append(f"input   {name} (the input itself differs: not comparable)")
        else:
            changed = [k for k in ("tree", "report", "findings") if old[name][k] != new[name][k]]
            if changed:
                lines.append(f"changed {name}: {', '.join(changed)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the manifest")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--dump", type=Path, help="write every output in full under DIR")
    args = parser.parse_args(argv)
    current = compute(args.dump)
    meta = {"hypothesis": version("hypothesis"), "files": len(current)}
    if args.update:
        payload = {"_about": meta, "entries": current}
        args.manifest.write_text(
            json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.manifest} ({len(current)} inputs)")
        return 0
    if not args.manifest.is_file():
        print(f"no manifest at {args.manifest}: run with --update first", file=sys.stderr)
        return 2
    saved = json.loads(args.manifest.read_text(encoding="utf-8"))
    if saved["_about"]["hypothesis"] != meta["hypothesis"]:
        print(
            f"note: the manifest was made with hypothesis {saved['_about']['hypothesis']}, "
            f"this is {meta['hypothesis']}: the drawn inputs may differ"
        )
    diff = differences(saved["entries"], current)
    for line in diff:
        print(line)
    print(f"{len(current)} inputs, {len(diff)} differences")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
