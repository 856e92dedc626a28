"""docs/rules.md, generated from the catalogue itself (a test keeps the page in sync)."""

from __future__ import annotations

from .catalogue import RULES
from .examples import Example
from .registry import Rule, RuleScope

__all__ = ["rule_text", "rules_markdown"]

_FAMILIES = (
    ("A", "Applications table (三、收到和处理政府信息公开申请情况)"),
    ("R", "Reviews and lawsuits table (四、政府信息公开行政复议、行政诉讼情况)"),
    ("D", "Proactive-disclosure table (二、主动公开政府信息情况)"),
    ("L", "Legacy 统计表 (reports on 2008–2018)"),
    ("V", "Values"),
    ("P", "Prose against tables"),
    ("O", "Outline and table completeness"),
    ("I", "Input text"),
    ("X", "Cross-year (consecutive reports of one agency)"),
)


def _example_parts(example: Example) -> list[tuple[str, str]]:
    """The texts of an example with what each is: the report, or the report on the year
    before and the report, for a rule over two reports."""
    if example.previous is None:
        return [("", example.text)]
    return [("the report on the year before", example.previous), ("the report", example.text)]


def rule_text(rule: Rule) -> str:
    """One rule as text, with its examples, for ``opengov-report rules CODE``."""
    scope = " (over two consecutive reports)" if rule.scope is RuleScope.PAIR else ""
    out = [
        f"{rule.code} {rule.name}\n"
        f"severity: {rule.severity.value}; tag: {rule.tag.value}{scope}\n\n"
        f"{rule.summary}\n\n{rule.explanation}\n"
    ]
    for what, example in (("fires on", rule.failing), ("passes", rule.passing)):
        for part, text in _example_parts(example):
            out.append(f"\nIt {what}{f' ({part})' if part else ''}:\n\n")
            out.append("".join(f"    {line}\n" for line in text.splitlines()))
    return "".join(out)


def _example_markdown(heading: str, example: Example) -> list[str]:
    """An example as Markdown: a line that says what it is, and each text in a code block."""
    lines: list[str] = []
    for part, text in _example_parts(example):
        lines += ["", f"{heading}{f' ({part})' if part else ''}:", "", "```text"]
        lines += text.splitlines()
        lines.append("```")
    return lines


def rules_markdown() -> str:
    """The catalogue as a Markdown page."""
    lines = [
        "# Rules",
        "",
        "Generated from the rule catalogue (`opengov_report.RULES`) by",
        "`opengov-report rules --markdown > docs/rules.md`; a test keeps this page in sync.",
        "",
        "Each rule has a stable code and name, the severity of a plain violation and a tag:",
        "`official` (printed on the form), `structural` (implied by the table's labels),",
        "`heuristic` (expected in practice, can fail legitimately), `value`, `layout`, `prose`.",
        "Blank arithmetic: an identity over blank, 无 or dash cells is reported at `info` when it",
        "holds only if they are read as 0, at `warning` when one whole side is blank, and at the",
        "rule's severity when it fails even with them as 0.",
        "",
        "Every rule shows a text it fires on and a like one it passes: fragments of a report",
        "(a title, a heading, the rows of the table the rule reads; table cells between `|`, as",
        "the parser reads them), which a test runs, so that they stay true.  Other rules may",
        "fire on a fragment (a table the format wants is absent): an example speaks for its own",
        "rule only.",
        "",
        "| code | name | severity | tag | summary |",
        "|---|---|---|---|---|",
    ]
    for r in RULES:
        lines.append(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} | "
            f"{r.tag.value} | {r.summary} |"
        )
    for prefix, title in _FAMILIES:
        family = [r for r in RULES if r.code.startswith(prefix)]
        if not family:
            continue
        lines += ["", f"## {title}"]
        for r in family:
            scope = " Runs over two consecutive reports." if r.scope is RuleScope.PAIR else ""
            lines += [
                "",
                f"### {r.code}",
                "",
                f"`{r.name}` · {r.severity.value} · {r.tag.value}",
                "",
                r.summary,
                "",
                r.explanation + scope,
            ]
            lines += _example_markdown("Fires on", r.failing)
            lines += _example_markdown("Passes", r.passing)
    return "\n".join(lines) + "\n"
