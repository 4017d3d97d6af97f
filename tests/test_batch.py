"""`cleantext batch`: JSONL / folder in, JSONL out, errors per record, --jobs, --resume."""

from __future__ import annotations

import io
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleantext
from cleantext import batch
from cleantext.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.input.txt"))]


def _write_jsonl(path: Path, records: list[object]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    records: list[object] = [{"id": f"a{i}", "text": t} for i, t in enumerate(ARTICLES)]
    records[2:2] = [
        "{not json",
        {"id": "no-field", "body": "x"},
        {"id": "number", "text": 5},
        "",  # blank line: not a record
        "[1, 2]",
        {"text": "Skip to content\nThe council approved the budget on Tuesday."},
    ]
    return _write_jsonl(tmp_path / "in.jsonl", records)


def test_jsonl_records_errors_and_order(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "--quiet"]) == 0
    recs = _read(out)
    assert not (tmp_path / "out.jsonl.part").exists()
    assert [r["n"] for r in recs] == list(range(1, len(ARTICLES) + 6))
    by_id = {r["id"]: r for r in recs}
    # good records: the same as the library call, with metadata and counts per rule
    result = cleantext.clean_and_explain(ARTICLES[0])
    assert by_id["a0"]["text"] == result.text
    assert by_id["a0"]["counts"] == result.counts
    assert by_id["a0"]["metadata"]["title"] == result.metadata["title"]
    assert by_id["a0"]["error"] is None
    # bad records are reported and do not stop the batch
    assert "bad JSON" in str(by_id[3]["error"])
    assert by_id["no-field"]["error"] == "no 'text' field"
    assert by_id["number"]["error"] == "field 'text' is int, not a string"
    assert "not an object" in str(by_id[7]["error"])  # line 7: the blank line 6 is skipped
    # no id field: the line number is the id
    assert by_id[8]["text"] == "The council approved the budget on Tuesday."
    assert by_id[8]["counts"] == {"navigation": 1}
    assert recs[-1]["id"] == f"a{len(ARTICLES) - 1}"


def test_jobs_give_identical_output(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(corpus), "-o", str(one), "-q"]) == 0
    assert main(["batch", str(corpus), "-o", str(two), "-q", "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_field_and_switches(tmp_path: Path) -> None:
    record = {"key": 1, "body": "Pic: AP\nThe minister resigned on Friday."}
    src = _write_jsonl(tmp_path / "in.jsonl", [record])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-q", "--field", "body", "--id-field", "key"]) == 0
    (rec,) = _read(out)
    assert rec["id"] == 1 and rec["text"] == "The minister resigned on Friday."
    off = ["--off", "photo_credit", "--off", "caption"]
    assert main(["batch", str(src), "-o", str(out), "-q", "--field", "body", *off]) == 0
    assert _read(out)[0]["text"] == "Pic: AP\nThe minister resigned on Friday."
    assert main(["batch", str(src), "-o", str(out), "-q", "--field", "body", "--off", "no_such_rule"]) == 2


def test_folder_of_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(ARTICLES[1], encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "ignored.md").write_text("not a .txt file", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(out), "-q"]) == 0
    recs = _read(out)
    assert [r["id"] for r in recs] == ["b.txt", "c.txt", "sub/a.txt"]
    assert recs[2]["text"] == cleantext.clean(ARTICLES[0])
    assert "binary" in str(recs[1]["error"])


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.dumps({"id": "s", "text": "Share this article\nThe storm hit the coast on Monday."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["batch", "-", "-q"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["text"] == "The storm hit the coast on Monday."


def test_missing_input_and_resume_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "nope.jsonl"), "-q"]) == 1
    assert "no such file" in capsys.readouterr().err
    src = _write_jsonl(tmp_path / "in.jsonl", [{"text": "x"}])
    assert main(["batch", str(src), "--resume", "-q"]) == 1


def test_resume_continues_after_interruption(corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl"
    assert main(["batch", str(corpus), "-o", str(full), "-q"]) == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    # An interrupted run: 4 records written, the 5th cut off mid-line.
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    part.write_text("".join(lines[:4]) + lines[4][:30], encoding="utf-8")
    assert main(["batch", str(corpus), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == full.read_bytes()
    assert not part.exists()


def test_resume_refuses_a_different_input(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "-q"]) == 0
    part = tmp_path / "out.jsonl.part"
    out.rename(part)
    other = _write_jsonl(tmp_path / "other.jsonl", [{"text": "one"}, {"text": "two"}])
    assert main(["batch", str(other), "-o", str(out), "-q", "--resume"]) == 1
    assert part.exists()  # nothing already written is lost


def test_without_resume_a_stale_part_is_replaced(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "The council met on Tuesday."}])
    (tmp_path / "out.jsonl.part").write_text('{"n": 1, "junk": true}\n', encoding="utf-8")
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    assert [r["id"] for r in _read(tmp_path / "out.jsonl")] == [1]


def test_output_is_streamed_with_bounded_read_ahead() -> None:
    """Memory must not grow with the corpus: the reader may run only a bounded
    number of chunks ahead of the writer, even on an endless input."""
    pulled = 0

    def endless() -> Iterator[batch.Task]:
        nonlocal pulled
        for n in itertools.count(1):
            pulled += 1
            line = json.dumps({"text": f"Line {n} of an endless corpus, said officials."}).encode()
            yield batch.Task(n, n, "jsonl", line, len(line))

    options = {"field": "text", "id_field": "id", "actions": False}
    results = batch._results(endless(), 2, cleantext.Config(), options)
    first = list(itertools.islice(results, 3))
    results.close()
    assert [json.loads(line)["n"] for line, _ in first[0][1]][:3] == [1, 2, 3]
    bound = (2 * batch.INFLIGHT_PER_JOB + 4) * batch.CHUNK_RECORDS
    assert pulled <= bound


def test_chunks_split_by_count_and_size() -> None:
    tasks = [batch.Task(i, i, "jsonl", b"x", size) for i, size in enumerate([10, 10, 100, 1, 1, 1], 1)]
    sizes = [[t.n for t in c] for c in batch.chunks(tasks, records=3, size=50)]
    assert sizes == [[1, 2, 3], [4, 5, 6]]
    sizes = [[t.n for t in c] for c in batch.chunks(tasks, records=10, size=15)]
    assert sizes == [[1, 2], [3], [4, 5, 6]]
