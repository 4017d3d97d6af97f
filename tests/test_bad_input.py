"""Bad input through the API and the CLI (issue 5, part 2): one row per case,
each with the behaviour expected of it.

The CLI rows run `cleantext.cli.main([...])` in-process (fast; an uncaught
exception fails the row just as a traceback would); the rows that need a real
process (`python -m cleantext`, a closed pipe, Ctrl-C) use subprocess.

Sizes: a 50 MB single line takes 30-50 s of CPU and 2 GB of memory on the
2-core CI machine (measured, see fuzz/README.md), so the long-line rows here
use 1 MB, which exercises the same code paths (the MAX_PATTERN_CHARS cut-off,
the spin tokenizer) in about a second.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import cleantext
from cleantext import cli

PROSE = "The council voted on Tuesday to approve the new budget after a long debate in the chamber."
PROSE2 = "Officials said the plan would take effect next year and cost about two million pounds."
PROSE3 = "Opposition members criticised the decision, saying residents had not been consulted."
PROSE4 = "The mayor defended the vote and promised a review of the spending within six months."
ARTICLE = f"Council approves budget\n\n{PROSE}\n\n{PROSE2}\n"
ARABIC = "أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة بقيمة ملياري دولار.\n\nوقال وزير الاقتصاد إن الخطة ستوفر قروضا ميسرة للشركات الناشئة."  # noqa: E501
HEBREW = "הממשלה אישרה ביום ראשון תוכנית לשיפור התחבורה הציבורית בערי הפריפריה.\n\nשר התחבורה אמר כי העבודות יחלו כבר בשנה הבאה."  # noqa: E501
CHINESE = "国务院总理周三主持召开国务院常务会议，部署进一步稳定就业的政策措施。\n\n专家认为，这些措施有助于缓解当前的就业压力。"  # noqa: E501
JAPANESE = "政府は月曜日の臨時閣議で、物価高への対応を柱とする新たな経済対策を決定した。\n\n首相は記者会見で「国民生活を守る」と述べた。"  # noqa: E501
BIDI_MIXED = "The minister told Al Jazeera: «الوضع تحت السيطرة» on Monday, officials in Gaza said later that day."
LONG_LINE = " ".join([PROSE] * 11_000)  # ~1 MB on one line (see the module docstring)
TAG = "<"

# ---------------------------------------------------------------- the API table


@dataclass
class ApiCase:
    id: str
    text: Any
    expect: str | Callable[[str], object] | None = None  # expected output, or a check of it
    raises: type[Exception] | None = None
    message: tuple[str, ...] = ()  # fragments of the error message (say what to do)
    options: dict[str, Any] = field(default_factory=dict)
    marks: tuple[Any, ...] = ()


def _no_tags_no_script(out: str) -> None:
    """An HTML page: tags stripped, script code gone, paragraphs not glued together."""
    assert "<" not in out and ">" not in out, out
    assert "var x" not in out and "function" not in out, out
    assert PROSE in out and PROSE2 in out, out
    assert "BudgetThe" not in out and "chamber.Officials" not in out, out


MINIFIED_HTML = ("<!DOCTYPE html><html><head><title>Budget</title><script>var x = 1; function f(){}</script>"
                 f"<style>p {{ color: red }}</style></head><body><p>{PROSE}</p><p>{PROSE2}</p></body></html>")


API_CASES = [
    ApiCase("empty", "", ""),
    ApiCase("whitespace-only", " \n\t\n\r\n \u00a0 \u3000 \n", ""),
    ApiCase("blank-lines-only", "\n\n\n\n", ""),
    ApiCase("None", None, raises=TypeError, message=("None", "pass ''")),
    ApiCase("bytes", b"The council voted.", raises=TypeError, message=("bytes", "decode")),
    ApiCase("bytearray", bytearray(b"text"), raises=TypeError, message=("bytes", "decode")),
    ApiCase("memoryview", memoryview(b"text"), raises=TypeError, message=("decode",)),
    ApiCase("int", 42, raises=TypeError, message=("int", "str")),
    ApiCase("float", 3.5, raises=TypeError, message=("float", "str")),
    ApiCase("list-of-lines", ["a", "b"], raises=TypeError, message=("list", "str")),
    ApiCase("path-object", Path("article.txt"), raises=TypeError, message=("str",)),
    ApiCase("unknown-switch", "text", raises=TypeError, message=("unknown", "nosuchrule", "valid options"),
            options={"nosuchrule": False}),
    ApiCase("non-bool-switch", "text", raises=TypeError, message=("caption", "True or False"),
            options={"caption": "no"}),
    ApiCase("crlf", ARTICLE.replace("\n", "\r\n"), ARTICLE.strip()),
    ApiCase("cr-only", ARTICLE.replace("\n", "\r"), ARTICLE.strip()),
    ApiCase("mixed-line-endings", f"Council approves budget\r\n\r{PROSE}\n\r\n{PROSE2}\r", ARTICLE.strip()),
    ApiCase("unicode-line-separators", f"Council approves budget\u2029{PROSE}\u2028{PROSE2}",
            f"Council approves budget\n{PROSE}\n{PROSE2}"),
    ApiCase("nul-bytes", "The council\x00 voted\x00\x00 on Tuesday to approve the new budget.\x00",
            "The council voted on Tuesday to approve the new budget."),
    ApiCase("nul-only-line", f"{PROSE}\n\x00\x00\x00\n{PROSE2}", f"{PROSE}\n{PROSE2}"),
    ApiCase("other-c0-controls", "The council\x07 voted\x1b on Tuesday.\x7f", "The council voted on Tuesday."),
    ApiCase("lone-surrogate", "The council \ud800voted on Tuesday.", "The council \ufffdvoted on Tuesday."),
    ApiCase("lone-low-surrogate", "\udc80", "\ufffd"),
    ApiCase("surrogate-output-encodes", f"{PROSE}\n\ud83d\n{PROSE2}", lambda out: out.encode("utf-8")),
    ApiCase("bom", "\ufeff" + PROSE, PROSE),
    ApiCase("zero-width-space-kept", "a\u200bb c", "a\u200bb c"),
    ApiCase("arabic-rtl", ARABIC, ARABIC),
    ApiCase("hebrew-rtl", HEBREW, HEBREW),
    ApiCase("bidi-mixed", BIDI_MIXED, BIDI_MIXED),
    ApiCase("bidi-controls-kept", "\u202bשלום\u202c " + PROSE, "\u202bשלום\u202c " + PROSE),
    ApiCase("chinese", CHINESE, CHINESE),
    ApiCase("japanese", JAPANESE, JAPANESE),
    ApiCase("mojibake-repaired", "The minister didnâ€™t resign on Tuesday after a week of pressure.",
            "The minister didn’t resign on Tuesday after a week of pressure."),
    ApiCase("html-page-multiline",
            "<html>\n<head>\n<title>Budget</title>\n</head>\n<body>\n<p>" + PROSE + "</p>\n<p>" + PROSE2
            + "</p>\n</body>\n</html>", lambda out: TAG not in out and PROSE in out and PROSE2 in out),
    ApiCase("html-page-one-line",
            MINIFIED_HTML, _no_tags_no_script),
    # A repair at a line's end once left "... pounds. " behind: not 'terminal', so
    # three article paragraphs ending in " <br>" went as trailing headlines.
    ApiCase("paragraphs-ending-in-br",
            f"Council approves budget\n\n{PROSE}\n\n{PROSE2} <br>\n\n{PROSE3} <br>\n\n{PROSE4} <br>\n",
            f"Council approves budget\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE3}\n\n{PROSE4}"),
    ApiCase("paragraphs-ending-in-control-char",
            f"Council approves budget\n\n{PROSE}\n\n{PROSE2} \x07\n\n{PROSE3} \x00\n\n{PROSE4} \x1b\n",
            f"Council approves budget\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE3}\n\n{PROSE4}"),
    ApiCase("long-single-line", LONG_LINE, LONG_LINE),
    ApiCase("long-line-no-spaces", "x" * 1_000_000, "x" * 1_000_000),
    ApiCase("long-line-punctuation", "!?" * 100_000, "!?" * 100_000),
    ApiCase("many-short-lines", "\n".join(f"Line {i} of the list" for i in range(20_000)),
            lambda out: isinstance(out, str)),
]


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id, marks=c.marks) for c in API_CASES]
)
def test_api_bad_input(case: ApiCase) -> None:
    if case.raises:
        with pytest.raises(case.raises) as info:
            cleantext.clean(case.text, **case.options)
        for fragment in case.message:
            assert fragment in str(info.value), f"{fragment!r} not in {info.value}"
        # clean_and_explain and repair say the same.
        with pytest.raises(case.raises):
            cleantext.clean_and_explain(case.text, **case.options)
        with pytest.raises(case.raises):
            cleantext.repair(case.text, **case.options)
        return
    result = cleantext.clean_and_explain(case.text, **case.options)
    assert result.replay() == result.text
    if callable(case.expect):
        assert case.expect(result.text) not in (False,)
    else:
        assert result.text == case.expect
    result.text.encode("utf-8")  # the output can always be written out


def test_api_config_of_wrong_type() -> None:
    with pytest.raises(TypeError, match="cleantext.Config"):
        cleantext.clean("text", {"caption": False})  # type: ignore[arg-type]


# ---------------------------------------------------------------- the CLI table

# A file over 8 KB with one stray NUL is text (a NUL-heavy file is binary).
NUL_ARTICLE = ("\n\n".join(f"{PROSE} Paragraph {i}." for i in range(100)) + "\n").encode()
NUL_ARTICLE = NUL_ARTICLE[:500] + b"\x00" + NUL_ARTICLE[500:]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
UTF16 = ARTICLE.encode("utf-16")  # with a BOM, as Windows PowerShell 5 writes files


def _html_or_note(out: str) -> None:
    """Either the text is extracted properly or (checked by the row) stderr says it is HTML."""
    _no_tags_no_script(out)


@dataclass
class CliCase:
    id: str
    data: bytes | None  # file content; None: no file is created
    args: tuple[str, ...] = ("clean", "{file}")
    rc: int = 0
    stdout: str | Callable[[str], object] | None = None
    stderr: tuple[str, ...] = ()  # fragments expected on stderr
    quiet: bool = True  # stderr must be empty unless fragments are expected
    stdin: bool = False  # feed data on stdin instead of a file
    marks: tuple[Any, ...] = ()


CLI_CASES = [
    CliCase("empty-file", b"", stdout=""),
    CliCase("whitespace-file", b"  \n\t\r\n\n", stdout=""),
    CliCase("empty-stdin", b"", args=("clean", "-"), stdin=True, stdout=""),
    CliCase("stdin-default", ARTICLE.encode(), args=("clean",), stdin=True, stdout=ARTICLE.strip() + "\n"),
    CliCase("explain-empty", b"", args=("explain", "{file}"), stdout=lambda out: out.startswith("0 lines in")),
    CliCase("utf8-bom", b"\xef\xbb\xbf" + ARTICLE.encode(), stdout=ARTICLE.strip() + "\n"),
    CliCase("invalid-utf8-latin1", "Le café était fermé mardi, selon les habitants du quartier.\n".encode("latin-1"),
            stdout="Le café était fermé mardi, selon les habitants du quartier.\n",
            stderr=("warning", "not valid UTF-8", "Windows-1252")),
    CliCase("mixed-encodings", "Le café était fermé.\n\n".encode() + "Le thé était froid.\n".encode("cp1252")
            + "Der Bürgermeister sagte „Nein“.\n".encode(),
            stdout="Le café était fermé.\n\nLe thé était froid.\nDer Bürgermeister sagte „Nein“.\n",
            stderr=("warning", "1 line(s)")),
    CliCase("cp1252-smart-quotes", b"\x93Quoted\x94 \x96 it\x92s fine, the minister said on Tuesday.\n",
            stdout="“Quoted” – it’s fine, the minister said on Tuesday.\n", stderr=("warning",)),
    CliCase("encoded-surrogate-bytes", b"The council \xed\xa0\x80 voted on Tuesday.\n",
            stdout=lambda out: out.startswith("The council") and "voted on Tuesday." in out,
            stderr=("warning",)),
    CliCase("truncated-utf8-at-eof", ARTICLE.encode() + "é".encode()[:1],
            stdout=lambda out: PROSE2 in out, stderr=("warning",)),
    CliCase("binary-file", PNG, rc=1, stdout="", stderr=("error", "binary")),
    CliCase("binary-stdin", PNG, args=("clean", "-"), stdin=True, rc=1, stdout="", stderr=("error", "binary")),
    CliCase("binary-explain", PNG, args=("explain", "{file}"), rc=1, stdout="", stderr=("binary",)),
    CliCase("utf16-with-bom", UTF16, stdout=ARTICLE.strip() + "\n"),
    CliCase("nul-in-text-file", NUL_ARTICLE, stdout=lambda out: "\x00" not in out and "Paragraph 99." in out),
    CliCase("missing-file", None, rc=1, stdout="", stderr=("error", "no such file")),
    CliCase("missing-file-explain", None, args=("explain", "{file}"), rc=1, stderr=("no such file",)),
    CliCase("directory", b"", args=("clean", "{dir}"), rc=1, stderr=("error", "directory")),
    CliCase("html-page", ("<html>\n<body>\n<h1>Council approves budget</h1>\n<p>" + PROSE + "</p>\n<p>" + PROSE2
                          + "</p>\n</body>\n</html>\n").encode(),
            stdout=lambda out: TAG not in out and PROSE in out and PROSE2 in out, stderr=("warning", "HTML")),
    CliCase("minified-html-page", MINIFIED_HTML.encode(), stdout=_html_or_note,
            stderr=("warning", "HTML", "extractor")),
    CliCase("arabic-file", ARABIC.encode(), stdout=ARABIC + "\n"),
    CliCase("cjk-file", (CHINESE + "\n\n" + JAPANESE).encode(), stdout=CHINESE + "\n\n" + JAPANESE + "\n"),
    CliCase("crlf-file", ARTICLE.replace("\n", "\r\n").encode(), stdout=ARTICLE.strip() + "\n"),
    CliCase("cr-file", ARTICLE.replace("\n", "\r").encode(), stdout=ARTICLE.strip() + "\n"),
    CliCase("repair-crlf", ARTICLE.replace("\n", "\r\n").encode(), args=("repair", "{file}"),
            stdout=ARTICLE.strip() + "\n"),
    CliCase("json-encoded-surrogate", b"The council voted \xed\xb2\x80 today.\n" * 3,
            args=("clean", "--format", "json", "{file}"), stdout=lambda out: '"text"' in out,
            stderr=("warning",)),
    CliCase("long-line-file", LONG_LINE.encode(), stdout=LONG_LINE + "\n"),
    # An unknown --off rule is a usage error: exit 2, as the README says.
    CliCase("unknown-rule", ARTICLE.encode(), args=("clean", "--off", "nosuchrule", "{file}"),
            rc=2, stdout="", stderr=("unknown cleantext option", "nosuchrule")),
    CliCase("output-dir-missing", ARTICLE.encode(), args=("clean", "{file}", "-o", "{dir}/no/such/dir/out.txt"),
            rc=1, stdout="", stderr=("error", "cannot write")),
    CliCase("output-is-a-directory", ARTICLE.encode(), args=("clean", "{file}", "-o", "{dir}"),
            rc=1, stdout="", stderr=("error", "cannot write")),
    CliCase("bad-format-is-usage-error", ARTICLE.encode(), args=("clean", "--format", "yaml", "{file}"),
            rc=2, stdout="", stderr=("usage:", "invalid choice")),
]


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id, marks=c.marks) for c in CLI_CASES]
)
def test_cli_bad_input(case: CliCase, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "input.txt"
    if case.data is not None and not case.stdin:
        path.write_bytes(case.data)
    if case.stdin:
        monkeypatch.setattr(sys, "stdin", _stdin(case.data or b""))
    args = [a.format(file=path, dir=tmp_path) for a in case.args]
    try:
        rc = cli.main(args)
    except SystemExit as exc:  # argparse usage errors
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert rc == case.rc, err
    if callable(case.stdout):
        assert case.stdout(out) not in (False,), out[:500]
    elif case.stdout is not None:
        assert out == case.stdout
    for fragment in case.stderr:
        assert fragment in err, err
    if case.quiet and not case.stderr:
        assert err == ""


# ---------------------------------------------------------------- real processes


def _cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleantext", *args], capture_output=True, timeout=120, **kwargs)


def test_python_m_cleantext_invalid_utf8_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Le café.\n".encode() + "Le thé était froid.\n".encode("cp1252") + b"\xff\xfe junk \x81\x8d\n")
    proc = _cli("clean", str(path))
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr
    assert b"warning" in proc.stderr
    assert "Le thé était froid." in proc.stdout.decode("utf-8")


def test_python_m_cleantext_missing_and_binary(tmp_path: Path) -> None:
    (tmp_path / "img.png").write_bytes(PNG)
    for name, fragment in (("missing.txt", b"no such file"), ("img.png", b"binary")):
        proc = _cli("clean", str(tmp_path / name))
        assert proc.returncode == 1
        assert fragment in proc.stderr
        assert b"Traceback" not in proc.stderr
        assert proc.stderr.count(b"\n") == 1  # one clear line


def test_non_utf8_stdout_gets_utf8_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "cjk.txt"
    path.write_text(CHINESE, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = _cli("clean", str(path), env=env)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == CHINESE + "\n"


def _big_article(path: Path, paragraphs: int) -> None:
    """Distinct paragraphs, ~130 bytes each (repeats would be dropped, shrinking the output)."""
    words = ("the council voted on tuesday to approve new budget after long debate in chamber officials "
             "said plan would take effect next year cost about two million pounds police residents").split()
    paras = []
    for i in range(paragraphs):
        body = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(20))
        paras.append(f"{body.capitalize()} in {i}.")
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")


@pytest.mark.parametrize("command", ["clean", "clean --format json", "repair"])
def test_closed_pipe_is_quiet(tmp_path: Path, command: str) -> None:
    """`cleantext clean big.txt | head -c 100`: no traceback, no noise, exit 0.
    The output (~330 KB) is well over a pipe's buffer, so the write does hit EPIPE."""
    big = tmp_path / "big.txt"
    _big_article(big, paragraphs=2_500)
    script = (f'"{sys.executable}" -m cleantext {command} "{big}" 2>"{tmp_path}/err" | head -c 100 >/dev/null;'
              ' echo "${PIPESTATUS[0]}"')
    proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=120)
    err = (tmp_path / "err").read_text()
    assert err == ""
    assert proc.stdout.strip() == b"0"


def _syscall(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/syscall").read_text().split()[:2]
    except OSError:
        return ["?"]


def _wait_until(cond: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.01)


def _can_read_syscall() -> bool:
    return sys.platform == "linux" and _syscall(os.getpid()) != ["?"]


needs_proc = pytest.mark.skipif(not _can_read_syscall(), reason="uses /proc/PID/syscall to see where the CLI is")
READ = {"0", "63"}  # read(2) on x86-64 and on arm64


def _reading_stdin(pid: int) -> bool:
    call = _syscall(pid)
    return len(call) == 2 and call[0] in READ and call[1] == "0x0"


@needs_proc
@pytest.mark.parametrize("when", ["reading stdin", "cleaning"])
def test_ctrl_c_exits_130_quietly(tmp_path: Path, when: str) -> None:
    """SIGINT while the CLI waits for stdin or cleans a big stdin: exit 130,
    'cleantext: interrupted' on stderr, no traceback."""
    big = tmp_path / "big.txt"
    _big_article(big, paragraphs=30_000)
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "clean", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdin is not None
        # Wait until main() is blocked in read(0, ...) on stdin: imports are done.
        _wait_until(lambda: _reading_stdin(proc.pid))
        if when == "cleaning":
            proc.stdin.write(big.read_bytes())
            proc.stdin.close()
            _wait_until(lambda: _syscall(proc.pid)[0] == "running")
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        if when == "cleaning":
            proc.stdin = None  # already closed
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert err == b"cleantext: interrupted\n"


def test_a_panic_in_the_kernel_is_a_python_exception() -> None:
    """A Rust panic never aborts the interpreter: it is raised as KernelError
    (a RuntimeError, so a batch turns it into an error record)."""
    from cleantext import _native

    with pytest.raises(_native.KernelError, match="kernel panicked: boom"):
        _native._panic_for_tests("boom")
    assert issubclass(_native.KernelError, RuntimeError)
    assert cleantext.clean("Still works after a panic.") == "Still works after a panic."


def test_a_lone_surrogate_is_repaired_by_control_chars() -> None:
    r = cleantext.clean_and_explain("\ud800The council voted on Tuesday to approve the new budget.")
    assert [(a.rule, a.reason) for a in r.replaced][0] == (
        "control_chars", "control characters or lone surrogates removed")
    assert r.text.startswith("\ufffdThe council")
    assert r.replay() == r.text
