"""The documents hold together: README.md stays short, every relative link in it and in
docs/ leads somewhere, and the package's modules import one another without a cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from .conftest import REPO

README = REPO / "README.md"
DOCUMENTS = [README, *sorted((REPO / "docs").glob("*.md"))]
PACKAGE = REPO / "explorer"

# An inline link or image, [text](target) or ![alt](target "title"); links are looked for
# outside code spans.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def markdown_lines(path: Path) -> list[str]:
    """The lines of ``path`` outside fenced code blocks."""
    lines, fenced = [], False
    for line in path.read_text("utf-8").splitlines():
        if FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def github_slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text lowercased, punctuation removed except
    hyphens and underscores, spaces turned into hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)   # a link keeps its text
    text = text.replace("`", "").strip().lower()
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of the headings of ``path``, repeats numbered as GitHub numbers them."""
    seen: dict[str, int] = {}
    result = set()
    for line in markdown_lines(path):
        match = HEADING.match(line)
        if not match:
            continue
        slug = github_slug(match.group(2))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        result.add(slug if count == 0 else f"{slug}-{count}")
    return result


def relative_links(path: Path) -> list[str]:
    links = []
    for line in markdown_lines(path):
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                continue  # https:, mailto: …
            links.append(target)
    return links


def test_the_documents_exist() -> None:
    names = {path.name for path in DOCUMENTS}
    for name in ("architecture.md", "ner.md", "quotes-and-actors.md", "performance.md",
                 "hostile-input.md", "evaluation.md"):
        assert name in names, f"docs/{name} is missing"


def test_the_readme_links_every_document() -> None:
    linked = {target.partition("#")[0] for target in relative_links(README)}
    for path in DOCUMENTS[1:]:
        assert f"docs/{path.name}" in linked, f"README.md does not link docs/{path.name}"


def test_every_document_opens_with_how_to_change_its_part() -> None:
    for path in DOCUMENTS[1:]:
        paragraphs = path.read_text("utf-8").split("\n\n")
        assert paragraphs[0].startswith("# "), f"{path.name} opens without a title"
        assert paragraphs[1].startswith("**To change this part.**"), path.name


def test_the_readme_is_short() -> None:
    lines = README.read_text("utf-8").splitlines()
    assert len(lines) <= 300, f"README.md has {len(lines)} lines; the limit is 300"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.relative_to(REPO).as_posix())
def test_every_relative_link_resolves(path: Path) -> None:
    broken = []
    for target in relative_links(path):
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / unquote(file_part)).resolve() if file_part else path
        if not linked.exists():
            broken.append(f"{target}: no such file")
            continue
        if anchor and linked.suffix == ".md" and unquote(anchor) not in anchors(linked):
            broken.append(f"{target}: no heading with that anchor in {linked.name}")
    assert not broken, f"{path.name}: " + "; ".join(broken)


def test_the_slug_rules() -> None:
    assert github_slug("Set-up: two commands") == "set-up-two-commands"
    assert github_slug("The analysis JSON") == "the-analysis-json"
    assert github_slug("WikiFANE Gold beside the news corpora") == \
        "wikifane-gold-beside-the-news-corpora"
    assert github_slug("`crf` and `crf-corpus`") == "crf-and-crf-corpus"


# --- import cycles -----------------------------------------------------------------------

def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))
            if "__pycache__" not in path.parts}


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def run_time_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """The import statements that run when the module is imported: those at module level,
    in class bodies and in module-level ``if``/``try``/``with`` blocks, but not those under
    ``if TYPE_CHECKING:`` nor those inside functions (lazy: they run when called)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            elif isinstance(node, ast.If):
                if not is_type_checking(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try | ast.TryStar):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.With | ast.AsyncWith | ast.For | ast.AsyncFor
                            | ast.While | ast.ClassDef):
                visit(node.body)
                visit(getattr(node, "orelse", []))

    visit(tree.body)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the package → the modules of the package it imports at run time."""
    modules = package_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in run_time_imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = name.split(".")
                    if not is_package:
                        base = base[:-1]
                    base = base[:len(base) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    targets.append(submodule if submodule in modules else source)
            for target in targets:
                # ``import a.b.c`` names a.b.c; the packages above it are entered first
                # and are already being imported when a module of theirs is.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of modules (the first repeated at the end)."""
    state: dict[str, int] = {}          # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_import_graph_is_read() -> None:
    graph = import_graph()
    assert "explorer.model" in graph["explorer.analysis.pipeline"]
    assert "explorer.model" in graph["explorer.tui.app"]
    assert not graph["explorer.model"], "explorer.model depends on nothing of ours"


def test_type_checking_and_function_imports_are_not_run_time_imports() -> None:
    tree = ast.parse(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "import explorer.model\n"
        "if TYPE_CHECKING:\n"
        "    from explorer.search import ActorIndex\n"
        "else:\n"
        "    import explorer.cache\n"
        "try:\n"
        "    import explorer.export\n"
        "except ImportError:\n"
        "    pass\n"
        "def later():\n"
        "    import explorer.tui.app\n")
    names = [alias.name for node in run_time_imports(tree) for alias in node.names]
    assert names == ["annotations", "TYPE_CHECKING", "explorer.model", "explorer.cache",
                     "explorer.export"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_at_run_time() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
