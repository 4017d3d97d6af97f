"""The datatrove step, run by datatrove's own local executor on a small JSONL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

import cleantext  # noqa: E402
from cleantext.integrations.datatrove import CleantextStep  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def _run(tmp_path: Path, records: list[dict[str, str]], **step_options: Any) -> tuple[list[Any], Any]:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    src = tmp_path / "in"
    src.mkdir()
    with (src / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    out, logs = tmp_path / "out", tmp_path / "logs"
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleantextStep(**step_options), JsonlWriter(str(out))],
        tasks=1,
        workers=1,
        logging_dir=str(logs),
    )
    executor.run()
    docs = []
    for path in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh]
    stats = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    return docs, stats


def _step_stats(stats: list[Any]) -> Any:
    (step,) = [s for s in stats if "cleantext" in s["name"]]
    return step["stats"]


def test_local_executor_cleans_and_records(tmp_path: Path) -> None:
    article = (FIXTURES / "000.input.txt").read_text(encoding="utf-8")
    records = [
        {"id": "art", "text": article},
        {"id": "short", "text": "Skip to content\nThe council approved the budget on Tuesday."},
        {"id": "junk", "text": "Share this article\nAdvertisement"},
    ]
    docs, stats = _run(tmp_path, records)
    by_id = {d["id"]: d for d in docs}
    assert set(by_id) == {"art", "short"}  # "junk" was all boilerplate: dropped
    expected = cleantext.clean_and_explain(article)
    assert by_id["art"]["text"] == expected.text
    meta = by_id["art"]["metadata"]["cleantext"]
    assert meta["counts"] == expected.counts
    assert meta["metadata"]["date"] == expected.metadata["date"]
    assert by_id["short"]["text"] == "The council approved the budget on Tuesday."
    assert by_id["short"]["metadata"]["cleantext"]["counts"] == {"navigation": 1}

    step = _step_stats(stats)
    assert step["documents"] == 3
    assert step["forwarded"] == 2
    assert step["dropped_empty"] == 1
    assert step["navigation"]["total"] == expected.counts.get("navigation", 0) + 1 + 2
    assert step["chars_in"]["total"] == sum(len(r["text"]) for r in records)


def test_switches_and_keep_empty(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "Share this article\nAdvertisement"}]
    docs, stats = _run(tmp_path, records, drop_empty=False, metadata_key="ct",
                       navigation=False, share_prompt=False)
    (doc,) = docs
    assert doc["text"] == "Share this article\nAdvertisement"
    assert doc["metadata"]["ct"]["counts"] == {}
    assert "dropped_empty" not in _step_stats(stats)


def test_unknown_switch_is_an_error() -> None:
    with pytest.raises(TypeError, match="unknown cleantext option"):
        CleantextStep(no_such_rule=False)
