"""``cli.kept_reports.KeptReports``: the check command's dated reports, kept on disk, pair
exactly as :func:`consecutive_pairs` pairs the same reports in memory."""

from __future__ import annotations

import pickle

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import AnnualReport, parse
from opengov_report.checks import consecutive_pairs
from opengov_report.cli.kept_reports import KeptReports
from opengov_report.strategies import reports
from tests.conftest import SEED_PATHS

_AGENCIES = st.sampled_from([None, "", "某市教育局", "某市 教育局", "某县财政局"])
_YEARS = st.one_of(st.none(), st.integers(2019, 2023))


@st.composite
def _corpora(draw: st.DrawFn) -> list[AnnualReport]:
    base = draw(reports())
    out = []
    for i in range(draw(st.integers(0, 12))):
        metadata = attrs.evolve(base.metadata, agency=draw(_AGENCIES), year=draw(_YEARS))
        out.append(attrs.evolve(base, metadata=metadata, source=f"r{i}.txt"))
    return out


@settings(max_examples=40)
@given(_corpora())
def test_pairs_as_in_memory(corpus: list[AnnualReport]) -> None:
    expected = consecutive_pairs(corpus)
    with KeptReports() as kept:
        for i, report in enumerate(corpus):
            if i % 2:  # packed as a batch worker packs it, sent to the parent by pickle
                packed = KeptReports.pack(report.without_document())
                dated = bool(report.metadata.agency) and report.metadata.year is not None
                assert (packed is not None) == dated
                if packed is not None:
                    kept.add_packed(pickle.loads(pickle.dumps(packed)))
            else:
                kept.add(report.without_document())
        assert len(kept) == sum(
            1 for r in corpus if r.metadata.agency and r.metadata.year is not None
        )
        got = list(kept.pairs())
    assert [(a.source, b.source) for a, b in got] == [(a.source, b.source) for a, b in expected]
    assert got == [(a.without_document(), b.without_document()) for a, b in expected]


def test_the_file_is_gone_after_use() -> None:
    with KeptReports() as kept:
        handle = kept._file
        assert not handle.closed
    assert handle.closed


def test_a_run_of_years_pairs_each_with_the_next() -> None:
    """2021, 2022, 2023 of one agency (spaced differently), another agency's 2022, an undated
    report: two pairs, read back whole."""
    report = _one_report()
    dated = [("某市教育局", 2022), ("某市 教育局", 2021), (None, 2022), ("某县财政局", 2022)]
    dated.append(("某市教育局", 2023))
    corpus = [
        attrs.evolve(
            report,
            metadata=attrs.evolve(report.metadata, agency=agency, year=year),
            source=f"{agency}{year}",
        )
        for agency, year in dated
    ]
    with KeptReports() as kept:
        for r in corpus:
            kept.add(r)
        got = [(a.source, b.source) for a, b in kept.pairs()]
    assert got == [("某市 教育局2021", "某市教育局2022"), ("某市教育局2022", "某市教育局2023")]


def _one_report() -> AnnualReport:
    return parse(SEED_PATHS[1].read_bytes()).without_document()
