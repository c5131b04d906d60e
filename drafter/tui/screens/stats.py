"""The stats screen: the figures of `drafter report` for the agent's own desk.

Two tables per contact reason (with the overall row) and per prompt version, each fitting 80
columns in English and German: volume, drafted, sent, rejected and the rejection reasons
(wrapped); then share sent unchanged, median edit ratio, median time to first draft, in
review and the share within the response-time goal (durations with the desk language's
decimal sign). Then the top rejection reasons, what each agent did (from the audit log, as
`drafter report` has it; shown when anyone did anything) and the knowledge-gap topics: four columns
(emails; topic over its words; raising signals over languages; email ids), the topic column
as wide as the terminal leaves, every cell wrapped, so nothing runs off the right edge.
The figures come from `DeskService.stats()` (drafter.evaluation.analytics) in a thread;
this module only lays them out. `r` reloads, escape goes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static
from textual.widgets.data_table import ColumnKey

from drafter.errors import DrafterError
from drafter.evaluation.analytics import AGENT_ACTIONS
from drafter.evaluation.analytics_view import duration, group_cells, share
from drafter.tui.i18n import reason_label, t
from drafter.tui.keys import translate_bindings
from drafter.tui.widgets.footer import HelpFirstFooter

if TYPE_CHECKING:
    from drafter.evaluation.analytics import Analytics, GapTopic, Group
    from drafter.tui.host import DeskHost

# the columns of analytics_view.COLUMNS in two tables per grouping, so each fits an
# 80-column terminal in both languages, with the page's scroll bar (one table of all of them
# was 120 wide; with "in goal" among the counts the German table was 80 wide and cut the
# rejection-reasons header): how many (with the rejection reasons, wrapped), then how the
# drafts fared and how fast
COUNTS = ("volume", "drafted", "sent", "rejected")
REVIEW = ("unchanged", "edit_ratio", "first_draft", "in_review", "within_goal")
KEY_WIDTH = 14  # the contact reason / prompt column; a longer key wraps
MIN_TOPIC_WIDTH = 24  # the gap topic column in a terminal narrower than 80 columns
MIN_AGENT_WIDTH = 8  # the agent column in a terminal too narrow for the whole name
# the knowledge-gap table: the signals/languages and the ids columns wrap at these widths
SIGNALS_WIDTH = 14
IDS_WIDTH = 12
NUMBER_WIDTH = 5  # a figure column is at least this wide (its header may be shorter)
# the columns that take the rest of the terminal (the rejection reasons, a gap's topic) leave
# room for the table's margins and two scroll bars (the page's and the table's)
CHROME = 2 + 2 + 2


def reasons_text(group: Group) -> str:
    return ", ".join(f"{reason} ({n})" for reason, n in group.rejection_reasons.items())


def summary(analytics: Analytics) -> str:
    """One line over everything: the overall group in words."""
    overall = analytics.overall
    return t(
        "stats.summary",
        emails=analytics.emails,
        sent=overall.sent,
        rejected=overall.rejected,
        unchanged=share(overall.sent_unchanged),
        ratio=share(overall.median_edit_ratio),
        first=duration(overall.median_time_to_first_draft_s, t("number.decimal")),
        review=duration(overall.median_time_in_review_s, t("number.decimal")),
    )


def gap_cells(topic: GapTopic) -> list[str]:
    return [
        str(topic.count),
        topic.label,
        ", ".join(topic.terms),
        ", ".join(f"{t('stats.signal.' + k)} {n}" for k, n in sorted(topic.signals.items())),
        ", ".join(f"{lang} {n}" for lang, n in topic.languages.items()),
        ", ".join(map(str, topic.email_ids[:10])) + (" …" if len(topic.email_ids) > 10 else ""),
    ]


def _room(label: str, least: int = 0) -> int:
    """The columns a column headed `label` takes, its padding included."""
    return max(cell_len(label), least) + 2


def reasons_width(terminal_width: int) -> int:
    """The rejection-reasons column's width (wrapped inside) in a terminal this wide."""
    used = _room("", KEY_WIDTH) + sum(_room(t("stats.col." + c), NUMBER_WIDTH) for c in COUNTS)
    label = cell_len(t("stats.col.reasons"))
    return max(label, terminal_width - CHROME - used - 2)


def agent_width(terminal_width: int) -> int:
    """The agent column's width (a longer name is cut) in a terminal this wide: what the
    figures leave, at least MIN_AGENT_WIDTH."""
    used = sum(_room(t("stats.col." + action), NUMBER_WIDTH) for action in AGENT_ACTIONS)
    return max(MIN_AGENT_WIDTH, terminal_width - CHROME - used - 2)


def topic_width(terminal_width: int) -> int:
    """The knowledge-gap topic column's width (wrapped inside) in a terminal this wide."""
    used = _room(t("stats.col.emails")) + _room("", SIGNALS_WIDTH) + _room("", IDS_WIDTH)
    return max(MIN_TOPIC_WIDTH, terminal_width - CHROME - used - 2)


def _right(value: str) -> Text:
    return Text(value, justify="right")


NONE = "(none)"  # drafter.evaluation.analytics' key for no contact reason / no prompt


class StatsScreen(Screen[None]):
    """Desk analytics per contact reason and prompt version, rejections and knowledge gaps."""

    SCOPE = "stats"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="stats_back"),
        Binding("r", "reload", "Reload", id="stats_reload"),
    ]
    DEFAULT_CSS = """
    StatsScreen #stats-summary { padding: 0 1; width: 100%; text-style: bold; }
    StatsScreen #stats-empty { padding: 1 1; width: 100%; color: $text-muted; }
    StatsScreen #stats-legend { padding: 1 1; width: 100%; color: $text-muted; }
    StatsScreen .stats-title { padding: 1 1 0 1; text-style: bold; color: $accent; }
    StatsScreen DataTable { height: auto; max-height: 16; margin: 0 1; }
    StatsScreen #stats-gaps { max-height: 24; }
    StatsScreen #stats-reasons-review, StatsScreen #stats-prompts-review { margin: 1 1 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.analytics: Analytics | None = None
        self.columns_for = 0  # the terminal width the columns were made for
        self.loads = 0  # finished loads (tests wait on it)

    @property
    def desk(self) -> DeskHost:
        return self.app  # type: ignore[return-value]  # the DeskApp (a DeskHost)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("stats.loading"), id="stats-summary")
        yield Static(t("stats.empty"), id="stats-empty")
        with VerticalScroll(id="stats-body"):
            yield Label(t("stats.by_reason"), classes="stats-title")
            yield DataTable(id="stats-reasons", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="stats-reasons-review", cursor_type="row", zebra_stripes=True)
            yield Label(t("stats.by_prompt"), classes="stats-title")
            yield DataTable(id="stats-prompts", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="stats-prompts-review", cursor_type="row", zebra_stripes=True)
            yield Label(t("stats.rejections"), classes="stats-title")
            yield DataTable(id="stats-rejections", cursor_type="row")
            yield Label(t("stats.by_agent"), classes="stats-title", id="stats-agents-title")
            yield DataTable(id="stats-agents", cursor_type="row", zebra_stripes=True)
            yield Label(t("stats.gaps"), classes="stats-title")
            yield DataTable(id="stats-gaps", cursor_type="row", header_height=2)
            yield Static(t("stats.legend"), id="stats-legend")
        yield HelpFirstFooter()  # f1 Help first, as on the queue and the email screen

    def table(self, name: str) -> DataTable[Text | str]:
        return self.query_one(f"#stats-{name}", DataTable)

    def on_mount(self) -> None:
        self.query_one("#stats-empty").display = False
        self.query_one("#stats-body").display = False
        self._columns(self.size.width)
        self.reload()

    def _columns(self, width: int) -> None:
        """Every table's columns, for a terminal `width` columns wide."""
        self.columns_for = width
        reasons = reasons_width(width)
        for name, label in (("reasons", "stats.col.reason"), ("prompts", "stats.col.prompt")):
            counts, review = self.table(name), self.table(name + "-review")
            counts.add_column(t(label), key="key", width=KEY_WIDTH)
            for column in COUNTS:
                counts.add_column(_right(t("stats.col." + column)), key=column)
            counts.add_column(t("stats.col.reasons"), key="reasons", width=reasons)
            review.add_column(t(label), key="key", width=KEY_WIDTH)
            for column in REVIEW:
                review.add_column(_right(t("stats.col." + column)), key=column)
        agents = self.table("agents")
        agents.add_column(t("stats.col.agent"), key="agent", width=agent_width(width))
        for action in AGENT_ACTIONS:
            agents.add_column(_right(t("stats.col." + action)), key=action)
        rejections = self.table("rejections")
        rejections.add_column(t("stats.col.rejection"), key="reason")
        rejections.add_column(_right(t("stats.col.emails")), key="count")
        rejections.add_column(_right(t("stats.col.share")), key="share")
        # emails; topic over its words; raised by over languages; email ids
        gaps = self.table("gaps")
        gaps.add_column(_right(t("stats.col.emails")), key="count")
        gaps.add_column(f"{t('stats.col.topic')}\n{t('stats.col.terms')}", key="topic",
                        width=topic_width(width))  # fmt: skip
        gaps.add_column(f"{t('stats.col.signals')}\n{t('stats.col.languages')}", key="signals",
                        width=SIGNALS_WIDTH)  # fmt: skip
        gaps.add_column(t("stats.col.ids"), key="ids", width=IDS_WIDTH)

    def on_resize(self, event: events.Resize) -> None:
        """Give the wrapped columns the new width (and wrap the rows again)."""
        width = event.size.width
        if not self.columns_for or width == self.columns_for:
            return
        self.columns_for = width
        for name in ("reasons", "prompts"):
            self.table(name).columns[ColumnKey("reasons")].width = reasons_width(width)
        self.table("gaps").columns[ColumnKey("topic")].width = topic_width(width)
        if self.analytics is not None:
            self.show(self.analytics)

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.run_worker(self._load(), group="stats-load", exclusive=True)

    async def _load(self) -> None:
        try:
            analytics = await self.desk.call(self.desk.service.stats)
        except DrafterError as error:
            self.desk.notify_error(error)
            analytics = None
        if not self.query("#stats-summary"):
            return  # the desk quit while the figures were counted: nothing to show them in
        if analytics is None:
            self.query_one("#stats-summary", Label).update(t("stats.failed"))
            return
        self.show(analytics)
        self.loads += 1

    def show(self, analytics: Analytics) -> None:
        """Fill every table from `analytics` (replacing what was shown)."""
        self.analytics = analytics
        overall = analytics.overall
        decided = overall.sent + overall.rejected
        self.query_one("#stats-summary", Label).update(summary(analytics))
        empty = self.query_one("#stats-empty", Static)
        empty.update(t("stats.empty") if analytics.emails else t("stats.no_emails"))
        empty.display = decided == 0
        self.query_one("#stats-body").display = analytics.emails > 0
        self._fill_groups("reasons", [*analytics.by_reason, overall], total=overall)
        self._fill_groups("prompts", analytics.by_prompt)
        self._fill_rejections(overall)
        self._fill_agents(analytics.by_agent)
        self._fill_gaps(analytics.knowledge_gaps)

    def _fill_groups(self, name: str, groups: list[Group], total: Group | None = None) -> None:
        counts, review = self.table(name), self.table(name + "-review")
        counts.clear()
        review.clear()
        decimal = t("number.decimal")
        if not groups:
            counts.add_row(Text(t("stats.no_drafts"), style="dim"), *[""] * (len(COUNTS) + 1))
            review.add_row(Text(t("stats.no_drafts"), style="dim"), *[""] * len(REVIEW))
        for group in groups:
            style = "bold" if group is total else ""
            shown = t("stats.none") if group.key == NONE else group.key  # German too
            if name == "reasons" and group.key != NONE:
                shown = reason_label(group.key)
            label = Text(t("stats.total") if group is total else shown, style=style)
            figures = [
                Text(value, style=style, justify="right") for value in group_cells(group, decimal)
            ]
            key = f"{name}:{group.key}" if group is not total else "total"
            # the overall reasons are the "top rejection reasons" table below
            reasons = Text("" if group is total else reasons_text(group))
            counts.add_row(label, *figures[:4], reasons, key=key, height=None)
            review.add_row(label.copy(), *figures[4:9], key=key, height=None)

    def _fill_rejections(self, overall: Group) -> None:
        table = self.table("rejections")
        table.clear()
        if not overall.rejection_reasons:
            table.add_row(Text(t("stats.no_rejections"), style="dim"), "", "", key="none")
            return
        for reason, count in overall.rejection_reasons.items():
            part = count / overall.rejected if overall.rejected else None
            table.add_row(reason, _right(str(count)), _right(share(part)), key=f"reason:{reason}")

    def _fill_agents(self, by_agent: dict[str, dict[str, int]]) -> None:
        table = self.table("agents")
        table.clear()
        for node in (table, self.query_one("#stats-agents-title")):
            node.display = bool(by_agent)
        for agent, counts in by_agent.items():
            figures = [_right(str(counts.get(action, 0))) for action in AGENT_ACTIONS]
            table.add_row(Text(agent), *figures, key=f"agent:{agent}")

    def _fill_gaps(self, topics: list[GapTopic]) -> None:
        table = self.table("gaps")
        table.clear()
        if not topics:
            note = Text(t("stats.no_gaps"), style="dim")
            table.add_row("", note, "", "", key="none", height=None)
            return
        for index, topic in enumerate(topics):
            count, label, terms, signals, languages, ids = gap_cells(topic)
            about = Text(label)
            if terms:
                about.append("\n" + terms, style="dim")
            raised = Text("\n".join(part for part in (signals, languages) if part))
            table.add_row(_right(count), about, raised, Text(ids), key=f"gap:{index}",
                          height=None)  # fmt: skip

    # --- actions -----------------------------------------------------------------------------
    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
