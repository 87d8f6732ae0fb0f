"""The folder's aliases file: its rules, the merge it corrects, and the app reading it
again when it changes."""

from __future__ import annotations

import shutil

from explorer.analysis.actors import build_corpus
from explorer.analysis.aliases import FILE_NAME, Aliases, read_aliases
from explorer.analysis.corpus_run import analyze_paths
from explorer.arabic.normalize import name_key
from explorer.tui.app import ExplorerApp, sample_articles
from tests.test_actors import _marked, _persons
from tests.test_tui_app import (
    SIZE,
    no_system_clipboard,  # noqa: F401  (autouse: no real clipboard)
    run_async,
    wait_loaded,
)


def test_rules_are_read_by_name_key_and_bad_lines_are_reported(tmp_path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text("# spellings of one man\n"
                    "سيب بلاتر = جوزيف بلاتر = بلاتر\n"
                    "\n"
                    "ميشيل أوباما != أوباما\n"
                    "الجبير\n"
                    "أ != ب != ج\n"
                    "الرئيس = الرئيس\n", "utf-8")
    aliases, problems = read_aliases(path)
    # keys as the merge makes them: folded, each word without what reads as a proclitic
    assert aliases.same == (tuple(map(name_key, ("سيب بلاتر", "جوزيف بلاتر", "بلاتر"))),)
    assert aliases.apart == ((name_key("ميشيل أوباما"), name_key("أوباما")),)
    assert aliases.apart == (("ميشيل اوباما", "اوباما"),)
    assert [problem.split(":")[:2] for problem in problems] == [
        [FILE_NAME, "5"], [FILE_NAME, "6"], [FILE_NAME, "7"]]
    assert all("\n" not in problem for problem in problems)


def test_a_file_that_is_not_text_is_reported_and_changes_nothing(tmp_path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"\xff\xfe\x00bad")
    aliases, problems = read_aliases(path)
    assert not aliases
    assert problems == [f"{FILE_NAME}: not UTF-8 text; not read"]
    assert read_aliases(tmp_path / "none") == (Aliases(), [])


def _blatter_corpus(aliases: Aliases | None = None):
    return build_corpus([
        *[_marked(f"a{i}", "قال سيب بلاتر.", [("سيب بلاتر", "PERS")]) for i in range(2)],
        *[_marked(f"b{i}", "قال جوزيف بلاتر.", [("جوزيف بلاتر", "PERS")]) for i in range(3)],
        _marked("c", "قال عادل الجبير.", [("عادل الجبير", "PERS")]),
        _marked("d", "وأضاف الجبير.", [("الجبير", "PERS")]),
    ], aliases=aliases)


def test_names_made_one_join_the_actor_most_mentioned(tmp_path) -> None:
    assert _persons(_blatter_corpus()) == [
        ("جوزيف بلاتر", 3), ("سيب بلاتر", 2), ("عادل الجبير", 2)]
    (tmp_path / FILE_NAME).write_text("سيب بلاتر = جوزيف بلاتر\n", "utf-8")
    corpus = _blatter_corpus(read_aliases(tmp_path / FILE_NAME)[0])
    assert _persons(corpus) == [("جوزيف بلاتر", 5), ("عادل الجبير", 2)]
    blatter = next(a for a in corpus.actors if a.name == "جوزيف بلاتر")
    assert "سيب بلاتر" in blatter.aliases  # the profile's "Also written"


def test_names_kept_apart_undo_a_join_of_the_rules(tmp_path) -> None:
    (tmp_path / FILE_NAME).write_text("الجبير != عادل الجبير\n", "utf-8")
    corpus = _blatter_corpus(read_aliases(tmp_path / FILE_NAME)[0])
    assert ("الجبير", 1) in _persons(corpus)
    assert ("عادل الجبير", 1) in _persons(corpus)


def _sample_folder(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(sample_articles(), folder)
    return folder


def _person(corpus, name: str):
    return next((a for a in corpus.actors if a.type == "PERS" and a.name == name), None)


def test_the_cached_merge_is_redone_when_the_aliases_change(tmp_path) -> None:
    folder, cache = _sample_folder(tmp_path), tmp_path / "cache"
    before = analyze_paths([folder], jobs=1, cache_dir=cache)
    assert _person(before, "ماركوس فيلدمان") and _person(before, "نادية العلمي")
    (folder / FILE_NAME).write_text("ماركوس فيلدمان = نادية العلمي\n", "utf-8")
    after = analyze_paths([folder], jobs=1, cache_dir=cache)
    assert len(after.actors) == len(before.actors) - 1
    merged = [a for a in after.actors if {"ماركوس فيلدمان", "نادية العلمي"} <= {
        a.name, *a.aliases}]
    assert len(merged) == 1


def test_a_bad_aliases_file_is_one_warning_and_the_corpus_opens(tmp_path) -> None:
    folder = _sample_folder(tmp_path)
    (folder / FILE_NAME).write_text("ماركوس فيلدمان\n", "utf-8")
    warnings: list[str] = []
    corpus = analyze_paths([folder], jobs=1, cache=False, warn=warnings.append)
    assert corpus.articles
    assert warnings == [f"{FILE_NAME}:1: no «=» or «!=»: write «A = B» to join two actors, "
                        "«A != B» to part them"]


@run_async
async def test_the_app_merges_again_when_the_aliases_file_changes(tmp_path, monkeypatch):
    monkeypatch.setattr("explorer.tui.app.ALIASES_CHECK_SECONDS", 0.1)
    folder = _sample_folder(tmp_path)
    app = ExplorerApp([folder], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        actors = len(app.corpus.actors)
        assert f"{actors} actors" in app.sub_title
        (folder / FILE_NAME).write_text("ماركوس فيلدمان = نادية العلمي\n", "utf-8")
        for _ in range(200):
            await pilot.pause(0.05)
            if f"{actors - 1} actors" in app.sub_title:
                break
        assert f"{actors - 1} actors" in app.sub_title
        merged = [a for a in app.corpus.actors if {"ماركوس فيلدمان", "نادية العلمي"} <= {
            a.name, *a.aliases}]
        assert len(merged) == 1
