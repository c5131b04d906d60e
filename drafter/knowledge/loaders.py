"""Knowledge-base loaders: files and folders -> `Article`s, with unreadable files reported.

Formats: Markdown with YAML front matter (id, title, language, contact_reason, url, updated),
HTML (title from <title> or the first <h1>), plain text (title = first line) and `.jsonl` in
the kb_*.jsonl format ({"kb_id","lang","title","text","source","url"}, optional "html").
Folders are walked recursively; hidden files, `_*` and README files are skipped there (a
file named explicitly is always read); other files of an unsupported type found there are
listed in `LoadResult.skipped` so the user learns they were not ingested. A file that
cannot be read or parsed becomes a `LoadFailure` and the others are still loaded.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.language import detect_language

MARKDOWN = {".md", ".markdown"}
HTML = {".html", ".htm"}
TEXT = {".txt"}
JSONL = {".jsonl"}
SUPPORTED = MARKDOWN | HTML | TEXT | JSONL

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class Article:
    """One knowledge-base article as loaded (before chunking)."""

    kb_id: str
    title: str
    text: str
    url: str = ""
    language: str = ""
    contact_reason: str = ""
    source: str = ""  # absolute path of the file it came from

    @property
    def content_hash(self) -> str:
        payload = json.dumps(
            [self.kb_id, self.title, self.text, self.url, self.language, self.contact_reason],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class LoadFailure:
    path: str  # what to show: the file, or `file:line` for one bad line of a .jsonl
    reason: str
    file: str = ""  # the absolute path of the file concerned


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)  # files that parsed (wholly or partly)
    skipped: list[str] = field(default_factory=list)  # unsupported file types found in folders


def _skipped_in_walk(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "_")) or name.lower().startswith("readme")


def iter_files(root: Path, skipped: list[str] | None = None) -> Iterator[Path]:
    """Supported files below a folder, in a stable order; other (non-hidden, non-README)
    files are appended to `skipped` when given."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not path.is_file() or _skipped_in_walk(path):
            continue
        if path.suffix.lower() in SUPPORTED:
            yield path
        elif skipped is not None:
            skipped.append(str(path))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError("not a text file (binary content); not ingested")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise ValueError("not a text file (unknown encoding); not ingested") from None
        text = str(best)
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise ValueError("not a text file (control characters); not ingested")
    return text


def outside_link(path: Path, folder: Path) -> str:
    """The target when `path` is a symlink leading out of `folder`, else ""."""
    if not path.is_symlink() and all(
        not p.is_symlink() for p in path.parents if folder in p.parents
    ):
        return ""
    target = path.resolve()
    base = folder.resolve()
    return "" if target == base or base in target.parents else str(target)


def _lang(value: object, title: str, text: str) -> str:
    if isinstance(value, str) and value.strip().lower()[:2] in ("de", "en"):
        return value.strip().lower()[:2]
    return detect_language(f"{title}\n{text[:2000]}")


def load_markdown(path: Path) -> Article:
    content = _read_text(path)
    meta: dict[str, object] = {}
    match = _FRONT.match(content)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            raise ValueError(f"invalid YAML front matter{where}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a mapping of keys to values")
        meta = loaded or {}
        content = content[match.end() :]
    body = content.strip()
    title = str(meta.get("title") or "").strip()
    if not title:
        heading = re.search(r"^#\s+(.+)$", body, re.M)
        title = heading.group(1).strip() if heading else path.stem.replace("-", " ")
    if not body:
        raise ValueError("the article has no text")
    return Article(
        kb_id=str(meta.get("id") or meta.get("kb_id") or path.stem),
        title=title,
        text=body,
        url=str(meta.get("url") or ""),
        language=_lang(meta.get("language") or meta.get("lang"), title, body),
        contact_reason=str(meta.get("contact_reason") or ""),
        source=str(path.resolve()),
    )


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (block structure kept as paragraphs)."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_links = True
    converter.ignore_emphasis = True
    return str(converter.handle(html)).strip()


def load_html(path: Path) -> Article:
    from selectolax.lexbor import LexborHTMLParser

    source = _read_text(path)
    tree = LexborHTMLParser(source)
    title = ""
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None and node.text(strip=True):
            title = node.text(strip=True)
            break
    for node in tree.css("script, style, noscript"):
        node.decompose()
    body_node = tree.body
    text = html_to_text(body_node.html or "") if body_node is not None else ""
    if not text:
        raise ValueError("no text found in the HTML")
    title = title or path.stem.replace("-", " ")
    canonical = tree.css_first('link[rel="canonical"]')
    url = str(canonical.attributes.get("href") or "") if canonical is not None else ""
    html_node = tree.css_first("html")
    declared = html_node.attributes.get("lang") if html_node is not None else None
    return Article(
        kb_id=path.stem,
        title=title,
        text=text,
        url=url,
        language=_lang(declared, title, text),
        source=str(path.resolve()),
    )


def load_text(path: Path) -> Article:
    content = _read_text(path).strip()
    if not content:
        raise ValueError("the file is empty")
    first, _, rest = content.partition("\n")
    title = first.strip()
    text = rest.strip() or title
    return Article(
        kb_id=path.stem,
        title=title,
        text=text,
        language=_lang(None, title, text),
        source=str(path.resolve()),
    )


def load_jsonl(path: Path, failures: list[LoadFailure]) -> list[Article]:
    """Articles of a kb_*.jsonl file; a bad line is reported as `file:line` and skipped."""
    articles: list[Article] = []
    lines = _read_text(path).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("line is not a JSON object")
            kb_id = str(row.get("kb_id") or row.get("id") or "").strip()
            title = str(row.get("title") or "").strip()
            text = str(row.get("text") or "").strip()
            if not text and row.get("html"):
                text = html_to_text(str(row["html"]))
            if not kb_id:
                raise ValueError('missing "kb_id"')
            if not text:
                raise ValueError(f'article {kb_id} has no "text"')
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            failures.append(LoadFailure(f"{path}:{number}", str(exc), str(path.resolve())))
            continue
        articles.append(
            Article(
                kb_id=kb_id,
                title=title or kb_id,
                text=text,
                url=str(row.get("url") or ""),
                language=_lang(row.get("lang") or row.get("language"), title, text),
                contact_reason=str(row.get("contact_reason") or ""),
                source=str(path.resolve()),
            )
        )
    if lines and not articles:
        raise ValueError("no valid article lines")
    return articles


def load_file(path: Path, failures: list[LoadFailure]) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL:
        return load_jsonl(path, failures)
    if suffix in MARKDOWN:
        return [load_markdown(path)]
    if suffix in HTML:
        return [load_html(path)]
    if suffix in TEXT:
        return [load_text(path)]
    raise ValueError(f"unsupported file type {suffix or '(none)'} (use .md, .html, .txt, .jsonl)")


def load_paths(paths: Iterable[Path]) -> LoadResult:
    """Load every article below the given files/folders; duplicates of a kb_id are reported."""
    result = LoadResult()
    seen: dict[str, str] = {}
    for root in paths:
        root = Path(root)
        if not root.exists():
            result.failures.append(LoadFailure(str(root), "no such file or folder", str(root)))
            continue
        files = list(iter_files(root, result.skipped)) if root.is_dir() else [root]
        folder = root if root.is_dir() else root.parent
        for path in files:
            target = outside_link(path, folder)
            if target:
                reason = (
                    f"symlink pointing outside the knowledge-base folder ({target}); not ingested"
                )
                result.failures.append(LoadFailure(str(path), reason, str(path)))
                continue
            try:
                articles = load_file(path, result.failures)
            except (OSError, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                result.failures.append(LoadFailure(str(path), reason, str(path.resolve())))
                continue
            result.files_read.append(str(path.resolve()))
            for article in articles:
                if article.kb_id in seen:
                    result.failures.append(
                        LoadFailure(
                            str(path),
                            f"duplicate id {article.kb_id!r} (already in {seen[article.kb_id]})",
                            str(path.resolve()),
                        )
                    )
                    continue
                seen[article.kb_id] = str(path)
                result.articles.append(article)
    return result
