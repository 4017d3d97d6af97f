"""`cleantext batch`: clean a JSONL file or a folder of text files into JSONL.

Built for corpora larger than memory:

* input is streamed and cut into small chunks; at most a few chunks per worker
  are in flight, so memory does not grow with the corpus;
* output order is input order, one JSON object per record, each written and
  flushed as soon as it is ready, into ``OUT.part``; ``OUT.part`` is renamed to
  ``OUT`` only when the whole input is done, so ``OUT`` is never half-written;
* because the output is ordered, the records in ``OUT.part`` are exactly the
  first records of the input: ``--resume`` counts them and carries on after
  them, so an interrupted run loses nothing it already wrote;
* a record that cannot be cleaned (bad JSON, missing field, not a string,
  unreadable file) is written with an ``error`` and the batch goes on.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import switches
from .config import Config
from .files import InputError

#: A chunk closes at this many records or this many bytes of input, whichever
#: comes first: small enough to bound memory, big enough to amortise IPC.
CHUNK_RECORDS = 64
CHUNK_BYTES = 1 << 20
#: Chunks in flight per worker process (keeps every worker busy while the
#: parent writes, without reading ahead of the writer by more than this).
INFLIGHT_PER_JOB = 3


@dataclass(frozen=True)
class Task:
    """One input record before parsing: where it came from and its raw form.

    `kind` is "jsonl" (payload: one line's bytes) or "file" (payload: a path);
    parsing happens in the worker so that it runs in parallel too.
    """

    n: int  # 1-based record number in the input
    where: int | str  # JSONL line number, or file name relative to the folder
    kind: str
    payload: bytes | str
    size: int  # input bytes, for the progress bar


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the `batch` options on the sub-command parser built by cli.py."""
    parser.add_argument(
        "input", nargs="?", default="-",
        help="JSONL file, folder of .txt files, or - for JSONL on stdin (default)",
    )
    parser.add_argument("-o", "--output", help="JSONL output (written to OUT.part, renamed at the end); "
                        "default stdout")
    parser.add_argument("--field", default="text", help="JSONL field holding the text (default: text)")
    parser.add_argument("--id-field", default="id",
                        help="JSONL field copied to the output id when present (default: id)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1; 0 = one per CPU)")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run: keep the records already in OUT.part")
    parser.add_argument("--actions", action="store_true", help="also write each record's action log")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    switches.add_arguments(parser)


# ------------------------------------------------------------------ reading


def _jsonl_tasks(stream: IO[bytes]) -> Iterator[Task]:
    n = 0
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue  # blank lines are not records (a trailing newline is common)
        n += 1
        yield Task(n, lineno, "jsonl", line, len(line))


def _folder_tasks(folder: Path) -> Iterator[Task]:
    # Sorted so that the order (and so --resume) is the same on every run.
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    for n, path in enumerate(files, start=1):
        yield Task(n, path.relative_to(folder).as_posix(), "file", str(path), 1)


def _open_input(name: str) -> tuple[Iterator[Task], int | None, str, IO[bytes] | None]:
    """Tasks for INPUT, the progress total, its unit, and a stream to close."""
    if name == "-":
        return _jsonl_tasks(sys.stdin.buffer), None, "B", None
    path = Path(name)
    if path.is_dir():
        total = sum(1 for p in path.rglob("*.txt") if p.is_file())
        return _folder_tasks(path), total, "doc", None
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"cannot read {name}: no such file or folder") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    return _jsonl_tasks(stream), os.fstat(stream.fileno()).st_size, "B", stream


# ------------------------------------------------------------------ the work


_CONFIG: Config | None = None
_OPTIONS: dict[str, Any] = {}


def _init_worker(config: Config, options: dict[str, Any]) -> None:
    """Per-process set-up: keep the config, and build the kernel and load the spin tables once."""
    global _CONFIG, _OPTIONS
    _CONFIG, _OPTIONS = config, options
    from .kernel import kernel
    from .spin.table import table

    kernel()
    table()


class RecordError(Exception):
    """A record that was read but cannot be cleaned; carries the id it has."""

    def __init__(self, rid: Any, message: str):
        super().__init__(message)
        self.rid = rid


def _parse(task: Task, field: str, id_field: str) -> tuple[Any, str]:
    """The record's id and its text; raises RecordError saying what is wrong."""
    from .charfix import decode_bytes, looks_binary

    if task.kind == "file":
        try:
            data = Path(str(task.payload)).read_bytes()
        except OSError as exc:
            raise RecordError(task.where, f"cannot read file: {exc.strerror or exc}") from None
        if looks_binary(data):
            raise RecordError(task.where, "looks like a binary file, not text")
        return task.where, decode_bytes(data)[0]
    raw = task.payload
    assert isinstance(raw, bytes)
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        raise RecordError(task.where, "line is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RecordError(task.where, f"bad JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise RecordError(task.where, f"bad record: a JSON {type(record).__name__}, not an object")
    rid = record.get(id_field, task.where)
    if field not in record:
        raise RecordError(rid, f"no {field!r} field")
    text = record[field]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        raise RecordError(rid, f"field {field!r} is {kind}, not a string")
    return rid, text


def clean_record(task: Task, config: Config, options: dict[str, Any]) -> dict[str, Any]:
    """One output record; a bad record gets an ``error`` entry instead of raising."""
    from .api import clean_and_explain

    out: dict[str, Any] = {"id": task.where, "n": task.n}
    out["line" if task.kind == "jsonl" else "file"] = task.where
    try:
        rid, text = _parse(task, options["field"], options["id_field"])
        out["id"] = rid
        result = clean_and_explain(text, config)
    except RecordError as exc:
        out.update(id=exc.rid, text=None, metadata=None, counts=None, error=str(exc))
        return out
    except Exception as exc:  # a bug in a rule must not stop a long batch: report it
        error = f"internal error: {type(exc).__name__}: {exc}"
        out.update(text=None, metadata=None, counts=None, error=error)
        return out
    out.update(text=result.text, metadata=result.metadata, counts=result.counts, error=None)
    if options.get("actions"):
        out["actions"] = [a.as_dict() for a in result.actions]
    return out


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str) + "\n"


def clean_chunk(tasks: list[Task]) -> list[tuple[str, bool]]:
    """Worker entry point: each record's JSONL line (serialised here, in parallel) and
    whether it is an error."""
    assert _CONFIG is not None, "worker not initialised"
    out = []
    for t in tasks:
        rec = clean_record(t, _CONFIG, _OPTIONS)
        out.append((_dumps(rec), rec["error"] is not None))
    return out


def chunks(tasks: Iterable[Task], records: int = CHUNK_RECORDS,
           size: int = CHUNK_BYTES) -> Iterator[list[Task]]:
    """Group tasks into chunks of at most `records` records or about `size` bytes."""
    chunk: list[Task] = []
    total = 0
    for t in tasks:
        chunk.append(t)
        total += t.size
        if len(chunk) >= records or total >= size:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _results(tasks: Iterable[Task], jobs: int, config: Config,
             options: dict[str, Any]) -> Iterator[tuple[list[Task], list[tuple[str, bool]]]]:
    """Cleaned chunks in input order, with at most jobs * INFLIGHT_PER_JOB chunks in flight.

    ``Pool.imap`` would read the whole input ahead of the workers; submitting
    by hand from a bounded queue keeps memory flat.
    """
    if jobs <= 1:
        _init_worker(config, options)
        for chunk in chunks(tasks):
            yield chunk, clean_chunk(chunk)
        return
    pending: deque[tuple[list[Task], Future[list[tuple[str, bool]]]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, options)) as pool:
        try:
            for chunk in chunks(tasks):
                pending.append((chunk, pool.submit(clean_chunk, chunk)))
                if len(pending) >= jobs * INFLIGHT_PER_JOB:
                    done, fut = pending.popleft()
                    yield done, fut.result()
            while pending:
                done, fut = pending.popleft()
                yield done, fut.result()
        except BaseException:
            for _, fut in pending:
                fut.cancel()
            raise


# ------------------------------------------------------------------ output and resume


def _done_records(part: Path) -> tuple[int, int | str | None]:
    """Complete records at the head of OUT.part, and the last one's source.

    A line cut short by an interruption is truncated away so it is redone.
    """
    if not part.exists():
        return 0, None
    count = 0
    last: int | str | None = None
    good_end = 0
    with part.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                rec = json.loads(line)
            except ValueError:
                break
            if not isinstance(rec, dict) or rec.get("n") != count + 1:
                break
            count += 1
            last = rec.get("line", rec.get("file"))
            good_end += len(line)
    if good_end != part.stat().st_size:
        with part.open("r+b") as fh:
            fh.truncate(good_end)
    return count, last


def _skip(tasks: Iterator[Task], count: int, last: int | str | None) -> int:
    """Consume the first `count` tasks, checking that they are the ones OUT.part holds;
    returns their input size (for the progress bar)."""
    task: Task | None = None
    size = 0
    for _ in range(count):
        task = next(tasks, None)
        if task is None:
            raise InputError(f"--resume: the output already holds {count} records, the input has fewer")
        size += task.size
    if task is not None and task.where != last:
        raise InputError(
            f"--resume: record {count} of the output came from {last!r} but the input's is "
            f"{task.where!r}; is this the same input? (drop --resume to start over)"
        )
    return size


def _progress(total: int | None, unit: str, disable: bool, initial: int) -> Any:
    # Imported by name so that mypy needs no tqdm stubs (tqdm ships none).
    tqdm = importlib.import_module("tqdm").tqdm
    return tqdm(total=total, unit=unit, unit_scale=unit == "B", initial=initial,
                disable=disable, file=sys.stderr, dynamic_ncols=True, desc="cleantext")


def run(args: argparse.Namespace) -> int:
    """Run `cleantext batch`.  Returns 0 even when some records had errors: those are
    data, reported in the output one per record, and counted in the summary."""
    config = switches.config_from(args)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    options = {"field": args.field, "id_field": args.id_field, "actions": args.actions}
    to_stdout = args.output in (None, "-")
    if args.resume and to_stdout:
        raise InputError("--resume needs -o OUT (it continues OUT.part)")

    tasks, total, unit, stream = _open_input(args.input)
    try:
        done = skipped_size = 0
        out: IO[str] = sys.stdout
        if not to_stdout:
            target = Path(args.output)
            part = target.with_name(target.name + ".part")
            if args.resume:
                done, last = _done_records(part)
                skipped_size = _skip(tasks, done, last)
            try:
                out = part.open("a" if args.resume else "w", encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot write {part}: {exc.strerror or exc}") from None
        quiet = args.quiet or not sys.stderr.isatty()
        bar = _progress(total, unit, quiet, done if unit == "doc" else skipped_size)
        n = errors = 0
        try:
            for chunk, lines in _results(tasks, jobs, config, options):
                for line, failed in lines:
                    out.write(line)
                    errors += failed
                out.flush()  # a record on disk stays there: --resume keeps it
                n += len(lines)
                bar.update(len(lines) if unit == "doc" else sum(t.size for t in chunk))
        finally:
            bar.close()
            if out is not sys.stdout:
                out.close()
        if not to_stdout:
            os.replace(part, target)
    finally:
        if stream is not None:
            stream.close()
    if not args.quiet:
        resumed = f" (after {done} kept from an earlier run)" if done else ""
        print(f"cleantext: {n} records cleaned{resumed}, {errors} with errors", file=sys.stderr)
    return 0
