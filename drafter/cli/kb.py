"""`drafter kb`: ingest the knowledge base into the index, search it, show its statistics.

`ingest` is the only command that writes the index; `search` and `stats` only read it and
say "run `drafter kb ingest`" when it is missing. Heavy imports happen inside the commands.
Messages are in the interface language (drafter.i18n); `--json` keeps English keys.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.main import settings_of
from drafter.cli.output import json_option, progress_bar
from drafter.error_text import german_message
from drafter.i18n import language, t

if TYPE_CHECKING:
    from rich.console import RenderableType

    from drafter.models import Passage


@click.group()
def kb() -> None:
    """Build and query the knowledge-base index (hybrid BM25 + embeddings)."""


@kb.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it again from PATHS.")
@click.pass_context
def ingest_cmd(ctx: click.Context, paths: tuple[Path, ...], rebuild: bool) -> None:
    """Add, update and delete articles from PATHS (default: DRAFTER_KB_DIR, the repo's kb/).

    Reads Markdown with front matter, HTML, plain text and kb_*.jsonl files; folders are
    walked recursively. Unchanged articles are not embedded again. Articles are deleted only
    when their file lies in the PATHS given and no longer provides them. A damaged index
    (unreadable vector files or lexical records) is detected and rebuilt from PATHS.
    """
    from drafter.knowledge.ingest import ingest

    settings = settings_of(ctx)
    targets = list(paths) or [settings.kb_dir]
    if not any(target.exists() for target in targets):  # before the models load
        from drafter.errors import KnowledgeBaseError

        missing = ", ".join(str(target) for target in targets)
        raise KnowledgeBaseError(
            t("kb.no_such_path", paths=missing),
            hint=t("kb.no_such_path.hint" if paths else "kb.no_such_path.hint_dir"),
            localized=True,
        )
    with progress_bar() as update:
        report = ingest(settings, targets, progress=update, rebuild=rebuild)
    for problem in report.repaired:
        click.echo(t("kb.repaired", problem=problem), err=True)
    click.echo(
        t("kb.articles", added=report.added, updated=report.updated, deleted=report.deleted,
          unchanged=report.unchanged)
    )  # fmt: skip
    body = report.embedded_chunks - report.embedded_titles
    seconds = f"{report.seconds:.1f}".replace(".", t("number.decimal"))
    click.echo(
        t("kb.embedded", vectors=report.embedded_chunks, chunks=body,
          titles=report.embedded_titles, seconds=seconds)
    )  # fmt: skip
    click.echo(
        t("kb.index_holds", articles=report.articles, chunks=report.chunks,
          vectors=report.vectors, where=report.index_dir)
    )  # fmt: skip
    if report.skipped:
        shown = ", ".join(_shown_path(p) for p in report.skipped[:10])
        extra = len(report.skipped) - 10
        more = t("kb.skipped.more", n=extra) if extra > 0 else ""
        key = "kb.skipped.one" if len(report.skipped) == 1 else "kb.skipped.many"
        click.echo(t(key, n=len(report.skipped), shown=shown, more=more), err=True)
    for failure in report.failed:
        reason = german_message(failure.reason) if language() == "de" else failure.reason
        click.echo(t("kb.failed", path=failure.path, reason=reason), err=True)
    found = report.added + report.updated + report.unchanged + report.deleted
    if not found and not report.skipped and not report.failed:  # a mistyped or empty folder
        where = ", ".join(str(target) for target in targets)
        click.echo(t("kb.none_found", where=where), err=True)
    for source, kb_id, values in report.untrusted:
        click.echo(
            t("kb.untrusted", path=_shown_path(source), kb_id=kb_id, values=", ".join(values)),
            err=True,
        )
    if not report.succeeded:
        click.echo(f"{t('error')}: {t('kb.nothing_read')}", err=True)
        click.echo(f"{t('hint')}: {t('kb.nothing_read.hint')}", err=True)
        sys.exit(2)


def _shown_path(path: str) -> str:
    """A path relative to the working directory when it lies below it, else as it is."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


@kb.command("search")
@click.argument("query")
@click.option("--k", "k", default=None, type=click.IntRange(1, 100), help="Articles to return.")
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help="Query language.")
@json_option
@click.pass_context
def search_cmd(
    ctx: click.Context, query: str, k: int | None, lang: str | None, as_json: bool
) -> None:
    """Search the index as the drafting engine would (one passage per article)."""
    from drafter.knowledge.retrieve import open_retriever
    from drafter.language import detect_language

    if not query.strip():
        raise click.BadParameter(t("kb.empty_query"), param_hint="QUERY")
    settings = settings_of(ctx)
    retriever = open_retriever(settings)
    language = lang or detect_language(query)
    passages = retriever.search(query, k=k or settings.retrieval_k, language=language)
    gap = retriever.is_gap(passages)
    if as_json:
        payload = {
            "query": query,
            "language": language,
            "gap": gap,
            "support": passages[0].support if passages else None,
            "results": [
                {
                    "kb_id": p.kb_id,
                    "title": p.title,
                    "url": p.url,
                    "score": p.score,
                    "chunk": p.text,
                    "untrusted": p.untrusted,
                }
                for p in passages
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console()
    console.print(t("kb.language", language=language))
    console.print(search_view(passages))
    if gap:
        best = passages[0].support if passages and passages[0].support is not None else 0
        decimal = t("number.decimal")
        console.print(
            t("kb.gap", support=f"{best:.2f}".replace(".", decimal),
              threshold=f"{retriever.gap_threshold:.2f}".replace(".", decimal)),
            style="yellow",
        )  # fmt: skip


def search_view(passages: list[Passage]) -> RenderableType:
    """The hits of `kb search` for a terminal of any width: the score beside the article (id,
    title, url) with its chunk below at the full width (a four-column table gave the chunk a
    fifth of an 80-column terminal: one or two words a line, 15 lines a hit)."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for n, p in enumerate(passages):
        about = Text(p.kb_id, style="bold")
        about.append(f"  {p.title}")
        if p.url:
            about.append(f"\n{p.url}", style="dim")
        text = " ".join(p.text.split())
        about.append("\n" + (text if len(text) <= 240 else text[:237] + "..."))
        grid.add_row(f"{p.score:.3f}", about)
        if n < len(passages) - 1:
            grid.add_row("", "")
    return grid


@kb.command("stats")
@json_option
@click.pass_context
def stats_cmd(ctx: click.Context, as_json: bool) -> None:
    """Articles, chunks, languages, index size on disk and the embedding model."""
    from drafter.knowledge.retrieve import open_retriever

    stats = open_retriever(settings_of(ctx)).stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    languages = ", ".join(f"{lang or '?'} {n}" for lang, n in sorted(stats["languages"].items()))
    click.echo(t("kb.stats.index", value=stats["index_dir"]))
    click.echo(t("kb.stats.articles", n=stats["articles"], languages=languages))
    click.echo(t("kb.stats.chunks", n=stats["chunks"], vectors=stats["vectors"]))
    if stats["size_bytes"] is not None:
        mib = f"{stats['size_bytes'] / 1_048_576:.1f}".replace(".", t("number.decimal"))
        click.echo(t("kb.stats.size", mib=mib))
    click.echo(t("kb.stats.version", version=stats["version"], written=stats["written"]))
    click.echo(t("kb.stats.embeddings", model=stats["embedding"], dim=stats["dim"]))
