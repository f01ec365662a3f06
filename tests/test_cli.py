"""The `casefile build` command, through Typer's runner, on good and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from casefile.cli import app

from .conftest import EXAMPLE

runner = CliRunner()

GOOD = ("Police detained the journalist Anna Petrenko in Odesa on Monday, her lawyer said. "
        "She was charged with treason and faces a long sentence if convicted.\n")


def _build(*args: str):
    return runner.invoke(app, ["build", *args])


def test_example_builds_json_and_html(tmp_path: Path) -> None:
    result = _build(str(EXAMPLE), "--out", str(tmp_path), "--quiet")
    assert result.exit_code == 0, result.output
    cf = json.loads((tmp_path / "casefile.json").read_text())
    assert cf["schema"] == "casefile/1"
    assert [s["file"] for s in cf["sources"]] == ["01_wire.txt", "02_statement.md", "03_release.html"]
    assert (tmp_path / "index.html").read_text().startswith("<!doctype html>")


def test_the_readme_example_prints_what_the_readme_says(tmp_path: Path) -> None:
    """The README's example line is the real output of its example build."""
    readme = (EXAMPLE.parents[1] / "README.md").read_text(encoding="utf-8").splitlines()
    command = next(i for i, line in enumerate(readme) if line.strip() == "$ casefile build examples/sample-case --out out")
    expected = readme[command + 1].strip()
    assert "status convicted_at_liberty" in expected  # a suspended sentence: convicted, at liberty
    result = _build(str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    printed = [line.strip() for line in result.stderr.splitlines() if "sources read" in line]
    assert printed == [expected]
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "convicted at liberty" in html and "sentenced to two years suspended" in html
    assert "and was released" not in html  # the summary; the quoted source may say it


def test_json_only_writes_no_html(tmp_path: Path) -> None:
    result = _build(str(EXAMPLE), "--out", str(tmp_path), "--quiet", "--json-only")
    assert result.exit_code == 0
    assert (tmp_path / "casefile.json").exists()
    assert not (tmp_path / "index.html").exists()


def _bundle(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD)
    (docs / name).write_bytes(data)
    return docs, tmp_path / "out"


def _assert_skipped(result, name: str, problem_word: str, out: Path) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if name in ln]
    assert lines and problem_word in " ".join(lines).lower()
    cf = json.loads((out / "casefile.json").read_text())
    assert [s["file"] for s in cf["sources"]] == ["good.txt"]


def test_empty_file_is_skipped_with_a_message(tmp_path: Path) -> None:
    docs, out = _bundle(tmp_path, "empty.txt", b"")
    _assert_skipped(_build(str(docs), "--out", str(out), "--quiet"), "empty.txt", "empty", out)


def test_binary_file_renamed_txt_is_skipped(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    docs, out = _bundle(tmp_path, "photo.txt", png)
    _assert_skipped(_build(str(docs), "--out", str(out), "--quiet"), "photo.txt", "binary", out)


def test_huge_file_is_skipped(tmp_path: Path) -> None:
    docs, out = _bundle(tmp_path, "dump.txt", (GOOD * 400_000).encode()[: 50 * 1024 * 1024])
    _assert_skipped(_build(str(docs), "--out", str(out), "--quiet"), "dump.txt", "mb", out)


def test_missing_path_is_named_and_the_rest_built(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    out = tmp_path / "out"
    result = _build(str(good), str(tmp_path / "nowhere.txt"), "--out", str(out), "--quiet")
    _assert_skipped(result, "nowhere.txt", "no such file", out)


def test_cp1251_file_is_decoded(tmp_path: Path) -> None:
    text = ("Суд в Москве арестовал журналиста Ивана Петрова на два месяца. "
            "Его адвокат заявил, что обжалует решение суда.\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ru.txt").write_bytes(text.encode("cp1251"))
    result = _build(str(docs), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0, result.output
    cf = json.loads((tmp_path / "out" / "casefile.json").read_text())
    assert "арестовал журналиста" in cf["sources"][0]["text"]
    assert cf["sources"][0]["language"] == "ru"


def test_malformed_html_and_script_text_never_reach_the_text(tmp_path: Path) -> None:
    html = ("<html><head><script>var secret = 'SCRIPT TEXT';</script><style>p{content:'STYLE TEXT'}</style>"
            "<body><div><p>Police detained the journalist Anna Petrenko in Odesa on Monday, her lawyer said."
            "<p>She was charged with treason and faces a long sentence if convicted, the lawyer added.<div>"
            "<script>document.write('MORE SCRIPT')</script><b><i>unclosed")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.html").write_text(html)
    result = _build(str(docs), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0, result.output
    text = json.loads((tmp_path / "out" / "casefile.json").read_text())["sources"][0]["text"]
    assert "Anna Petrenko" in text
    assert "SCRIPT" not in text and "STYLE" not in text


LATIN = ("Le tribunal de Tarvik a condamné la blogueuse Léna Vortsova à deux ans de prison, a déclaré son avocat. "
         "Elle fera appel de la décision, a-t-il ajouté.\n")


def _only_source(tmp_path: Path, name: str, data: bytes) -> dict:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_bytes(data)
    result = _build(str(docs), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    (source,) = json.loads((tmp_path / "out" / "casefile.json").read_text())["sources"]
    return source


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    source = _only_source(tmp_path, "fr.txt", LATIN.encode("latin-1"))
    assert "condamné la blogueuse Léna Vortsova" in source["text"]


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    source = _only_source(tmp_path, "u16.txt", GOOD.encode("utf-16"))
    assert source["text"].startswith("Police detained the journalist Anna Petrenko")


def test_utf8_with_bom_loses_the_bom(tmp_path: Path) -> None:
    source = _only_source(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    assert source["text"].startswith("Police detained")
    assert "\ufeff" not in source["text"]


def test_page_of_only_script_and_style_is_skipped(tmp_path: Path) -> None:
    html = (b"<html><head><style>body{color:red} .x{content:'a long style text that is not a story'}</style>"
            b"<script>var story = 'Police detained the journalist in Odesa on Monday, her lawyer said.';</script>"
            b"</head><body><script>document.write('more script text here and there')</script></body></html>")
    docs, out = _bundle(tmp_path, "scripts.html", html)
    result = _build(str(docs), "--out", str(out), "--quiet")
    _assert_skipped(result, "scripts.html", "no article text", out)


def test_each_bad_file_gets_one_line_and_the_rest_is_built(tmp_path: Path) -> None:
    docs, out = _bundle(tmp_path, "empty.txt", b"")
    (docs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    (docs / "broken.html").write_bytes(b"<html><body><p>unclosed <b>tags <i>and nothing")
    result = _build(str(docs), str(tmp_path / "missing"), "--out", str(out), "--quiet")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for name in ("empty.txt", "photo.txt", "broken.html", "missing"):
        assert sum(name in ln for ln in result.output.splitlines()) == 1, (name, result.output)
    cf = json.loads((out / "casefile.json").read_text())
    assert [s["file"] for s in cf["sources"]] == ["good.txt"]


def test_example_statement_is_dated_and_its_call_to_action_removed(tmp_path: Path) -> None:
    result = _build(str(EXAMPLE), "--out", str(tmp_path), "--quiet", "--json-only")
    assert result.exit_code == 0, result.output
    by_file = {s["file"]: s for s in json.loads((tmp_path / "casefile.json").read_text())["sources"]}
    statement = by_file["02_statement.md"]
    assert statement["published"] == "2024-05-20" and statement["published_basis"] == "dateline"
    assert "Take action" not in statement["text"]
    assert by_file["01_wire.txt"]["published"] == "2024-05-15"
