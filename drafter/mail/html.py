"""HTML email bodies to plain text a person (and a model) can read.

Owns the HTML rules: paragraphs and line breaks kept, lists as "- " / "1. " items,
blockquotes as "> " lines, hidden content dropped (<head>, <script>, <style>, <template>,
display:none, visibility:hidden, zero font size, the `hidden` attribute), and the start of
a client's quote container (Gmail, Outlook, Thunderbird, Yahoo, Apple Mail) reported so the
quoted thread can be split off exactly. Iterative walk: deep nesting cannot blow the stack,
and drafter.mail.html_bound caps the nesting depth first, so the whole conversion is linear
in the input size; an optional Deadline bounds its wall time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from drafter.errors import MailError
from drafter.mail.html_bound import MAX_DEPTH, Deadline, bound_depth

# Elements walked at most: a real email has a few thousand; past this the body is refused
# (the tree builder re-opens formatting elements, so a few MB can yield millions of nodes).
MAX_NODES = 300_000

_SKIP = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "template",
        "noscript",
        "meta",
        "link",
        "object",
        "embed",
        "iframe",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "area",
        "select",
        "option",
        "datalist",
        "button",
        "input",
        "textarea",
    ]
)
_PARAGRAPH = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "table",
        "blockquote",
        "pre",
        "hr",
        "figure",
    ]
)
_LINE = frozenset(
    [
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "address",
        "center",
        "form",
        "fieldset",
        "dt",
        "dd",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "figcaption",
        "details",
        "summary",
        "body",
        "html",
        "li",
    ]
)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|"
    r"(?<![\w-])font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|"
    r"(?<![\w-])max-height\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|"
    r"(?<![\w-])opacity\s*:\s*0(?:\.0+)?\s*(?:!important)?\s*(?:;|$)|"
    r"(?<![\w-])color\s*:\s*(?:#fff\b|#ffffff\b|white\b|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))",
    re.IGNORECASE,
)
_QUOTE_CLASSES = (
    "gmail_quote",
    "yahoo_quoted",
    "moz-cite-prefix",
    "protonmail_quote",
    "zmail_extra",
)
_QUOTE_IDS = (
    "divrplyfwdmsg",
    "olk_src_body_section",
    "appendonsend",
    "mail-editor-reference-message-container",
)
_QUOTE_SELECTOR = ", ".join(
    [f'[class~="{name}" i]' for name in _QUOTE_CLASSES]
    + [f'[id="{name}" i]' for name in _QUOTE_IDS]
    + ['blockquote[type="cite" i]']
)
_ACTS_ON_ENTER = frozenset(
    ["br", "hr", "ul", "ol", "li", "blockquote", "pre", "td", "th", "img", *_PARAGRAPH, *_LINE]
)
_ACTS_ON_LEAVE = frozenset(["ul", "ol", "blockquote", "pre", "li", "tr", *_PARAGRAPH, *_LINE])
_CSS_RULE = re.compile(r"([^{}]{1,500})\{([^{}]{0,2000})\}")
_CSS_CLASS = re.compile(r"^[a-z0-9]*\.([\w-]+)$", re.IGNORECASE)
_CSS_ID = re.compile(r"^[a-z0-9]*#([\w-]+)$", re.IGNORECASE)
_WS = re.compile(r"[ \t\n\r\f\v]+")


@dataclass
class HtmlText:
    """The text of an HTML body: before the first quote container, and from it on."""

    text: str
    quoted: str = ""


@dataclass
class _Writer:
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    quote_depth: int = 0
    indent: int = 0
    pending_blank: bool = False
    pre: int = 0

    def _prefix(self) -> str:
        return "> " * self.quote_depth + "  " * self.indent

    def text(self, value: str) -> None:
        if self.pre:
            parts = value.replace("\r\n", "\n").split("\n")
            for k, part in enumerate(parts):
                if k:
                    self.br()
                if part:
                    self._put(part)
            return
        if not self.current:  # leading white space is dropped: most text nodes end here
            value = value.lstrip()
            if not value:
                return
        value = _WS.sub(" ", value)
        if value:
            self._put(value)

    def _put(self, value: str) -> None:
        if self.pending_blank and self.lines and self.lines[-1].strip(" >"):
            self.lines.append("")
        self.pending_blank = False
        if not self.current:
            self.current.append(self._prefix())
        self.current.append(value)

    def br(self) -> None:
        if self.current:
            self.lines.append("".join(self.current).rstrip())
            self.current = []
        else:
            self.pending_blank = False
            self.lines.append(self._prefix().rstrip())

    def block(self) -> None:
        self.line()
        self.pending_blank = True

    def line(self) -> None:
        if self.current:
            self.lines.append("".join(self.current).rstrip())
            self.current = []

    def finish(self) -> list[str]:
        if self.current:
            self.lines.append("".join(self.current).rstrip())
            self.current = []
        return self.lines


def html_to_text(html: str, *, deadline: Deadline | None = None) -> HtmlText:
    """Render `html` as plain text; never raises on malformed markup.

    Elements nested deeper than MAX_DEPTH are unwrapped (their text stays). A document of
    more than MAX_NODES elements, or (with a `deadline`) one that runs out of time, raises
    MailError: its text is not worth minutes of work.
    """
    tree = LexborHTMLParser(bound_depth(html, MAX_DEPTH, deadline))
    root = tree.body or tree.root
    if root is None:
        return HtmlText(text="")
    hidden_classes, hidden_ids = _hidden_selectors(tree)
    if _hidden(root, hidden_classes, hidden_ids):
        return HtmlText(text="")
    _remove_hidden(root, hidden_classes, hidden_ids)
    # quote containers found by the C selector engine; the walk takes the first one it
    # enters outside a blockquote (so no element's attributes are read in the walk)
    containers = {node.mem_id for node in root.css(_QUOTE_SELECTOR)}
    if _is_quote_container(root, root.tag or ""):
        containers.add(root.mem_id)
    writer = _Writer()
    quote_line: int | None = None
    list_counters: list[int] = []
    stack: list[LexborNode | str] = [root]  # a node to enter, or the tag of one to leave
    steps = 0
    next_check = 4096
    while stack:
        item = stack.pop()
        if item.__class__ is str:
            _leave(writer, item, list_counters)  # type: ignore[arg-type]
            continue
        node: LexborNode = item  # type: ignore[assignment]
        tag = node.tag or ""
        if tag == "-text":
            steps += 1
            writer.text(node.text_content or "")
            continue
        if tag.startswith("-") or tag in _SKIP:
            continue
        steps += 2  # entering and leaving
        if steps >= next_check:
            next_check = steps + 4096
            if steps > 2 * MAX_NODES:
                raise MailError(
                    f"the HTML body has more than {MAX_NODES:,} elements",
                    hint="the message is quarantined; open the raw file to read it",
                )
            if deadline is not None:
                deadline.check()
        if (
            containers
            and quote_line is None
            and writer.quote_depth == 0
            and node.mem_id in containers
        ):
            writer.block()
            writer.finish()
            quote_line = len(writer.lines)
        if tag in _ACTS_ON_ENTER:
            _enter(writer, node, tag, list_counters)
        if tag in _ACTS_ON_LEAVE:
            stack.append(tag)
        child = node.child
        if child is not None:
            children: list[LexborNode] = []
            while child is not None:
                children.append(child)
                child = child.next
            children.reverse()
            stack.extend(children)
    lines = writer.finish()
    if quote_line is None:
        return HtmlText(text=_join(lines))
    return HtmlText(text=_join(lines[:quote_line]), quoted=_join(lines[quote_line:]))


def _remove_hidden(root: LexborNode, hidden_classes: set[str], hidden_ids: set[str]) -> None:
    """Unlink every hidden element below `root` (the C selector engine finds candidates)."""
    doomed = root.css("[hidden]")
    doomed += [
        n for n in root.css("[style]") if _HIDDEN_STYLE.search(n.attributes.get("style") or "")
    ]
    if hidden_classes or hidden_ids:
        doomed += [n for n in root.css("[class], [id]") if _hidden(n, hidden_classes, hidden_ids)]
    for node in doomed:
        node.remove(recursive=False)  # unlink only: a nested one may already be detached


def _enter(writer: _Writer, node: LexborNode, tag: str, counters: list[int]) -> None:
    if tag == "br":
        writer.br()
    elif tag == "hr":
        writer.block()
    elif tag in ("ul", "ol"):
        writer.block()
        counters.append(0 if tag == "ol" else -1)
        writer.indent += 1 if len(counters) > 1 else 0
    elif tag == "li":
        writer.line()
        if counters and counters[-1] >= 0:
            counters[-1] += 1
            writer.text(f"{counters[-1]}. ")
        else:
            writer.text("- ")
    elif tag == "blockquote":
        writer.block()
        writer.quote_depth += 1
    elif tag == "pre":
        writer.block()
        writer.pre += 1
    elif tag in ("td", "th"):
        if writer.current:
            writer.text(" ")
    elif tag == "img":
        alt = (node.attributes.get("alt") or "").strip()
        if alt and len(alt) < 60:
            writer.text(f" {alt} ")
    elif tag in _PARAGRAPH:
        writer.block()
    elif tag in _LINE:
        writer.line()


def _leave(writer: _Writer, tag: str, counters: list[int]) -> None:
    if tag in ("ul", "ol"):
        if counters:
            counters.pop()
        if counters:
            writer.indent = max(0, writer.indent - 1)
        writer.block()
    elif tag == "blockquote":
        writer.block()
        writer.quote_depth = max(0, writer.quote_depth - 1)
    elif tag == "pre":
        writer.block()
        writer.pre = max(0, writer.pre - 1)
    elif tag in ("li", "tr"):
        writer.line()
    elif tag in _PARAGRAPH:
        writer.block()
    elif tag in _LINE:
        writer.line()


def _hidden_selectors(tree: LexborHTMLParser) -> tuple[set[str], set[str]]:
    """Classes and ids that a <style> block hides (display:none and friends)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in tree.css("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text(deep=True) or "", flags=re.S)
        for selectors, body in _CSS_RULE.findall(css[:200_000]):
            if not _HIDDEN_STYLE.search(body):
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if match := _CSS_CLASS.match(selector):
                    classes.add(match.group(1).lower())
                elif match := _CSS_ID.match(selector):
                    ids.add(match.group(1).lower())
    return classes, ids


def _hidden(node: LexborNode, hidden_classes: set[str], hidden_ids: set[str]) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if hidden_classes and any(
        c in hidden_classes for c in (attrs.get("class") or "").lower().split()
    ):
        return True
    if hidden_ids and (attrs.get("id") or "").lower() in hidden_ids:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_quote_container(node: LexborNode, tag: str) -> bool:
    attrs = node.attributes
    classes = (attrs.get("class") or "").lower()
    if any(name in classes.split() for name in _QUOTE_CLASSES):
        return True
    if (attrs.get("id") or "").lower() in _QUOTE_IDS:
        return True
    return tag == "blockquote" and (attrs.get("type") or "").lower() == "cite"


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
