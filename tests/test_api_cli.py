"""The API, the CLI and the explain log agree; config and input checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "001.input.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin, capture_output=True, timeout=120)


def test_cli_clean_equals_api() -> None:
    proc = run_cli("clean", str(FIXTURE))
    assert proc.returncode == 0
    assert proc.stdout.decode() == cleantext.clean(FIXTURE.read_text(encoding="utf-8")) + "\n"


def test_cli_stdin_and_json_metadata_equal_api() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    proc = run_cli("clean", "-", "--format", "json", stdin=text.encode())
    data = json.loads(proc.stdout)
    result = cleantext.clean_and_explain(text)
    assert data["text"] == result.text
    assert data["metadata"] == json.loads(json.dumps(result.metadata))
    assert data["counts"] == result.counts


def test_cli_explain_jsonl_is_the_action_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(FIXTURE), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    result = cleantext.clean_and_explain(FIXTURE.read_text(encoding="utf-8"))
    assert rows == [a.as_dict() for a in result.actions]


def test_cli_explain_table_names_rule_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "appended_article" in out and "part of a second article" in out
    assert "line 1     navigation" in out


def test_cli_off_switch_and_unknown_switch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(FIXTURE), "--off", "appended_article"]) == 0
    assert "KYIV, Ukraine (AP)" in capsys.readouterr().out
    assert main(["clean", str(FIXTURE), "--off", "no_such_rule"]) == 2
    assert "unknown cleantext option" in capsys.readouterr().err


def test_cli_missing_file_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "/no/such/file.txt"]) == 1
    assert capsys.readouterr().err == "cleantext: error: cannot read /no/such/file.txt: no such file\n"
    with pytest.raises(SystemExit) as exc:
        main(["clean", "--format", "yaml"])
    assert exc.value.code == 2


def test_cli_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert main(["clean", str(FIXTURE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == cleantext.clean(FIXTURE.read_text(encoding="utf-8")) + "\n"
    assert list(tmp_path.iterdir()) == [out]  # no temp file left behind


def test_python_m_and_console_script_agree() -> None:
    proc = run_cli("rules")
    assert proc.returncode == 0
    assert b"outside_main_text" in proc.stdout


@pytest.mark.parametrize(
    "bad,needle",
    [(None, "pass ''"), (b"text", "decode first"), (42, "not int"), (["a"], "not list")],
)
def test_non_str_input_raises_type_error(bad: object, needle: str) -> None:
    with pytest.raises(TypeError, match=needle):
        cleantext.clean(bad)  # type: ignore[arg-type]


def test_empty_text() -> None:
    assert cleantext.clean("") == ""
    assert cleantext.clean(" \n\n\t\n") == ""
    assert cleantext.clean_and_explain("").actions == ()


def test_config_is_frozen_and_validated() -> None:
    config = cleantext.Config(caption=False)
    with pytest.raises(AttributeError):
        config.caption = True  # type: ignore[misc]
    with pytest.raises(TypeError, match="must be True or False"):
        cleantext.Config(caption="no")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unknown cleantext option"):
        cleantext.clean("x", captions=False)
    with pytest.raises(TypeError, match="must be a cleantext.Config"):
        cleantext.clean("x", config={"caption": False})  # type: ignore[arg-type]
    assert config.replace(caption=True) == cleantext.Config()


def test_config_object_and_overrides_agree() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert cleantext.clean(text, cleantext.Config(caption=False)) == cleantext.clean(text, caption=False)


def test_typography_kept_unless_asked() -> None:
    text = "“It’s over,” she said — and left the room quietly after the vote."
    assert cleantext.clean(text) == text
    uncurled = "\"It's over,\" she said — and left the room quietly after the vote."
    assert cleantext.clean(text, uncurl_quotes=True) == uncurled


def test_mojibake_repaired_and_recorded() -> None:
    result = cleantext.clean_and_explain("The Mona Lisa doesnâ€™t have eyebrows, the guide said.")
    assert result.text == "The Mona Lisa doesn’t have eyebrows, the guide said."
    (action,) = result.replaced
    assert (action.rule, action.before, action.after) == ("fix_unicode", "doesnâ€™t", "doesn’t")
