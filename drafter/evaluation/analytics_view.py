"""Showing desk analytics: rich tables for the terminal and one self-contained HTML page.

The HTML page has no scripts, fonts or CDN links: inline CSS and inline SVG bar charts
(volume, share sent unchanged and median edit ratio per contact reason; per prompt version;
knowledge-gap topics), so it can be mailed around or opened offline. All text is escaped.
Titles, column names and contact reasons are in the interface language (drafter.i18n: "Anliegen",
"Zählerstand" in German); the figures are the same in both.
"""

from __future__ import annotations

from html import escape

from rich.table import Table
from rich.text import Text

from drafter.evaluation.analytics import AGENT_ACTIONS, Analytics, Group
from drafter.i18n import code_or_name, language, t

#: the HTML table's figure columns (catalogue keys)
COLUMNS = (
    "report.col.volume",
    "report.col.drafted",
    "report.col.sent",
    "report.col.rejected",
    "report.html.sent_unchanged",
    "report.html.median_edit",
    "report.html.to_first_draft",
    "report.col.in_review",
    "report.html.within_goal",
)
# the terminal view splits the figures in two tables of short columns, so each fits 80
# columns: how many and how fast, then how much the agents changed the drafts (catalogue keys)
VOLUME = ("volume", "drafted", "sent", "rejected", "in_goal")
QUALITY = ("unchanged", "edit", "first_draft", "in_review")
#: the keys analytics gives the total row and a group without a reason or prompt
TOTAL, NONE = "all", "(none)"


def group_label(key: str, reasons: bool = True) -> str:
    """A group's name as the reader reads it: the total row and "(none)" in the interface
    language and, for `reasons`, a default contact reason by its German name ("Zählerstand";
    in English the code, as the report always printed it)."""
    if key == TOTAL:
        return t("stats.total")
    if key == NONE:
        return t("stats.none")
    return code_or_name("contact", key) if reasons else key


def duration(seconds: float | None, decimal: str = ".") -> str:
    """Seconds for people: 42 s, 7.5 min, 3.2 h, 2.1 d (`decimal`: the UI language's decimal
    sign, "," gives 7,5 min)."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        value, unit = seconds / 60, "min"
    elif seconds < 86400:
        value, unit = seconds / 3600, "h"
    else:
        value, unit = seconds / 86400, "d"
    return f"{value:.1f}".replace(".", decimal) + f" {unit}"


def share(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def group_cells(group: Group, decimal: str = ".") -> list[str]:
    """A group's figures, formatted: volume, drafted, sent, rejected, unchanged, edit ratio,
    time to first draft, time in review (shared by the report and the TUI stats screen;
    `decimal` is the decimal sign of the desk's language)."""
    return [
        str(group.volume),
        str(group.drafted),
        str(group.sent),
        str(group.rejected),
        share(group.sent_unchanged),
        share(group.median_edit_ratio),
        duration(group.median_time_to_first_draft_s, decimal),
        duration(group.median_time_in_review_s, decimal),
        share(group.within_goal),
    ]


def groups_table(title: str, label: str, groups: list[Group], columns: tuple[str, ...]) -> Table:
    """One table of `groups` with the `columns` (VOLUME or QUALITY) of their figures; `label`
    is the first column's catalogue key (report.col.reason names the groups as reasons)."""
    table = Table(title=title, title_justify="left")
    table.add_column(t(label), overflow="fold")
    for name in columns:
        table.add_column(t(f"report.col.{name}"), justify="right", no_wrap=True)
    for group in groups:
        cells = group_cells(group, t("number.decimal"))
        shown = [*cells[:4], cells[8]] if columns == VOLUME else cells[4:8]
        table.add_row(group_label(group.key, label == "report.col.reason"), *shown)
    return table


def reasons_table(groups: list[Group]) -> Table | Text:
    """Rejection reasons per contact reason; one line saying there are none instead of an
    empty table (headers only)."""
    table = Table(title=t("report.rejections"), title_justify="left")
    table.add_column(t("report.col.reason"), overflow="fold")
    table.add_column(t("report.col.reasons"), overflow="fold")
    for group in groups:
        if group.rejection_reasons:
            reasons = "\n".join(f"{r} ({n})" for r, n in group.rejection_reasons.items())
            table.add_row(group_label(group.key), reasons)
    return table if table.row_count else Text(t("report.rejections.none") + "\n")


def tables(analytics: Analytics, goal_hours: float = 24.0) -> list[Table | Text]:
    """The terminal view (readable from 80 columns): per contact reason and per prompt
    version, how many and how fast, then how much was changed; rejection reasons; gaps."""
    reasons = [*analytics.by_reason, analytics.overall]
    goal = f"{goal_hours:g}".replace(".", t("number.decimal"))
    by_prompt = analytics.by_prompt
    volume_title = "report.title.volume" + (".one" if analytics.emails == 1 else "")
    out: list[Table | Text] = [
        groups_table(
            t(volume_title, emails=analytics.emails, goal=goal),
            "report.col.reason",
            reasons,
            VOLUME,
        ),
        groups_table(t("report.title.quality"), "report.col.reason", reasons, QUALITY),
        groups_table(t("report.title.prompt_volume"), "report.col.prompt", by_prompt, VOLUME),
        groups_table(t("report.title.prompt_quality"), "report.col.prompt", by_prompt, QUALITY),
        reasons_table(reasons),
    ]
    if analytics.by_agent:
        agents = Table(title=t("report.agents"), title_justify="left")
        agents.add_column(t("report.col.agent"))
        for action in AGENT_ACTIONS:
            agents.add_column(t(f"stats.col.{action}"), justify="right")
        for agent, counts in analytics.by_agent.items():
            agents.add_row(agent, *(str(counts[a]) for a in AGENT_ACTIONS))
        out.append(agents)
    # raised by and languages share a column (as on the desk's stats screen): with six columns
    # the topic got 16 of 80 and long German words broke ("photovoltaikanla/ge")
    gaps = Table(title=t("report.gaps"), title_justify="left")
    raised = f"{t('report.col.raised_by')}\n{t('report.col.languages')}"
    for key, name in (("emails", t("report.col.emails")), ("topic", t("report.col.topic")),
                      ("questions", t("report.col.questions")), ("raised", raised),
                      ("ids", t("report.col.ids"))):  # fmt: skip
        gaps.add_column(name, justify="right" if key == "emails" else "left", overflow="fold")
    for topic in analytics.knowledge_gaps:
        languages = ", ".join(f"{k} {v}" for k, v in topic.languages.items())
        gaps.add_row(
            str(topic.count),
            Text(topic.label) + Text("\n" + ", ".join(topic.terms), style="dim"),
            Text("\n".join(f"• {q}" for q in topic.questions) or "-"),
            "\n".join(part for part in (signals_text(topic.signals), languages) if part),
            ", ".join(map(str, topic.email_ids[:10])),
        )
    out.append(gaps if gaps.row_count else Text(t("report.gaps.none") + "\n"))
    return out


def signals_text(signals: dict[str, int]) -> str:
    """'retrieval 2, model 1': how many emails of a gap topic each signal flagged."""
    return (
        ", ".join(f"{t('stats.signal.' + name)} {count}" for name, count in sorted(signals.items()))
        or "-"
    )


# --- HTML ---------------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:right}
td:first-child,th:first-child,td.text{text-align:left}
svg text{font-size:12px;font-family:system-ui,sans-serif}
.note{color:#666;font-size:.9rem}
"""


def bar_chart(title: str, rows: list[tuple[str, float]], *, percent: bool = False) -> str:
    """A horizontal bar chart as inline SVG (values scaled to the largest)."""
    if not rows:
        return f"<p class='note'>{escape(t('report.html.no_data', title=title))}</p>"
    label_w, bar_w, row_h = 180, 360, 22
    top = max((v for _, v in rows), default=0.0) or 1.0
    if percent:
        top = max(top, 1.0)
    height = row_h * len(rows) + 24
    parts = [
        f"<svg role='img' aria-label='{escape(title)}' width='{label_w + bar_w + 80}' "
        f"height='{height}' xmlns='http://www.w3.org/2000/svg'>",
        f"<text x='0' y='14' font-weight='bold'>{escape(title)}</text>",
    ]
    for i, (label, value) in enumerate(rows):
        y = 24 + i * row_h
        width = max(0.0, value / top * bar_w)
        shown = f"{value * 100:.0f}%" if percent else f"{value:g}"
        parts += [
            f"<text x='0' y='{y + 14}'>{escape(label[:28])}</text>",
            f"<rect x='{label_w}' y='{y + 3}' width='{width:.1f}' height='{row_h - 8}' "
            "fill='#3b7dd8'/>",
            f"<text x='{label_w + width + 6:.1f}' y='{y + 14}'>{escape(shown)}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


def _html_table(label: str, groups: list[Group]) -> str:
    names = (label, *COLUMNS, "report.html.rejections")
    head = "".join(f"<th>{escape(t(c))}</th>" for c in names)
    rows = []
    for group in groups:
        reasons = ", ".join(f"{r} ({n})" for r, n in group.rejection_reasons.items())
        cells = "".join(f"<td>{escape(c)}</td>" for c in group_cells(group, t("number.decimal")))
        name = group_label(group.key, label == "report.col.reason")
        rows.append(
            f"<tr><td>{escape(name)}</td>{cells}<td class='text'>{escape(reasons)}</td></tr>"
        )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _html_agents(by_agent: dict[str, dict[str, int]]) -> list[str]:
    """The per-agent section (audit log actors), as the terminal report has it; none without."""
    if not by_agent:
        return []
    names = (t("report.col.agent"), *(t(f"stats.col.{a}") for a in AGENT_ACTIONS))
    head = "".join(f"<th>{escape(c)}</th>" for c in names)
    rows = "".join(
        f"<tr><td>{escape(agent)}</td>"
        + "".join(f"<td>{counts.get(a, 0)}</td>" for a in AGENT_ACTIONS)
        + "</tr>"
        for agent, counts in by_agent.items()
    )
    note = f"<p>{escape(t('report.html.agents_note'))}</p>"
    by_agent_title = f"<h2>{escape(t('report.html.by_agent'))}</h2>"
    return [by_agent_title, note, f"<table><tr>{head}</tr>{rows}</table>"]


def html_page(analytics: Analytics, *, title: str = "") -> str:
    """The whole report as one self-contained HTML document (in the interface language)."""
    title = title or t("report.html.title")
    reasons = analytics.by_reason
    sent_reasons = [g for g in reasons if g.sent_unchanged is not None]
    edited = [g for g in reasons if g.median_edit_ratio is not None]
    gaps = analytics.knowledge_gaps
    gap_rows = "".join(
        f"<tr><td>{gap.count}</td><td class='text'>{escape(gap.label)}</td>"
        f"<td class='text'>{escape(', '.join(gap.terms))}</td>"
        f"<td class='text'>{'<br>'.join(escape(q) for q in gap.questions)}</td>"
        f"<td class='text'>{escape(signals_text(gap.signals))}</td>"
        f"<td class='text'>{escape(', '.join(map(str, gap.email_ids[:20])))}</td></tr>"
        for gap in gaps
    )
    gap_head = "".join(
        f"<th>{escape(t(key))}</th>"
        for key in ("report.col.emails", "report.col.topic", "report.html.words",
                    "report.col.questions", "report.col.raised_by", "report.html.email_ids")
    )  # fmt: skip
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<p class='note'>{escape(t('report.html.intro', emails=analytics.emails))}</p>",
        f"<h2>{escape(t('report.html.by_reason'))}</h2>",
        bar_chart(
            t("report.html.per_reason"),
            [(group_label(g.key), float(g.volume)) for g in reasons],
        ),
        bar_chart(
            t("report.html.unchanged"),
            [(group_label(g.key), g.sent_unchanged or 0.0) for g in sent_reasons],
            percent=True,
        ),
        bar_chart(
            t("report.html.edit"),
            [(group_label(g.key), g.median_edit_ratio or 0.0) for g in edited],
            percent=True,
        ),
        _html_table("report.col.reason", [*reasons, analytics.overall]),
        f"<h2>{escape(t('report.html.by_prompt'))}</h2>",
        bar_chart(
            t("report.html.unchanged_prompt"),
            [(group_label(g.key, False), g.sent_unchanged or 0.0) for g in analytics.by_prompt],
            percent=True,
        ),
        _html_table("report.col.prompt", analytics.by_prompt),
        *_html_agents(analytics.by_agent),
        f"<h2>{escape(t('report.html.gaps'))}</h2>",
        f"<p class='note'>{escape(t('report.html.gaps_note'))}</p>",
        bar_chart(t("report.html.per_gap"), [(gap.label, float(gap.count)) for gap in gaps]),
        f"<table><tr>{gap_head}</tr>{gap_rows}</table>",
    ]
    return (
        f"<!DOCTYPE html><html lang='{language()}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
