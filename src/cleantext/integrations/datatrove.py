"""cleantext as a datatrove pipeline step (``pip install 'cleantext-news[datatrove]'``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.integrations.datatrove import CleantextStep

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), CleantextStep(), JsonlWriter("out/")],
                          tasks=4).run()

Each document's text is cleaned; ``doc.metadata["cleantext"]`` gets the found
metadata (title, date, authors, ...) and the number of actions per rule; the
step's stats count documents, characters in and out, and actions per rule, so
they show up in datatrove's ``stats.json`` next to the other steps.

datatrove is an optional extra, so it is imported here only: ``import
cleantext`` never needs it.  datatrove ships no type information; its base
class is looked up by name so that mypy sees one ``Any`` base whether or not
the extra is installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from ..api import clean_and_explain
from ..config import Config, resolve

try:
    _PipelineStep: Any = importlib.import_module("datatrove.pipeline.base").PipelineStep
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "cleantext.integrations.datatrove needs datatrove: pip install 'cleantext-news[datatrove]'"
    ) from exc


class CleantextStep(_PipelineStep):  # type: ignore[misc]
    """Clean each document's text and record what was done.

    `config` and keyword switches are those of `cleantext.clean`
    (``CleantextStep(caption=False)``).  `metadata_key` names the entry in
    ``doc.metadata``; `drop_empty` drops documents left with no text (they
    were all boilerplate), counted as ``dropped_empty``.  A document whose
    cleaning fails is passed on unchanged with an ``error`` entry and counted
    as ``errors``: one bad document never stops a long job.
    """

    name = "🧹 cleantext"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, *, metadata_key: str = "cleantext",
                 drop_empty: bool = True, actions: bool = False, **switches: Any) -> None:
        super().__init__()
        self.config = resolve(config, switches)
        self.metadata_key = metadata_key
        self.drop_empty = drop_empty
        self.actions = actions

    def clean_document(self, doc: Any) -> bool:
        """Clean one datatrove Document in place; False when it should be dropped."""
        self.stat_update("documents")
        self.stat_update("chars_in", value=len(doc.text), unit="doc")
        try:
            result = clean_and_explain(doc.text, self.config)
        except Exception as exc:  # keep the document, say why it was not cleaned
            doc.metadata[self.metadata_key] = {"error": f"{type(exc).__name__}: {exc}"}
            self.stat_update("errors")
            return True
        doc.text = result.text
        entry: dict[str, Any] = {"metadata": result.metadata, "counts": result.counts}
        if self.actions:
            entry["actions"] = [a.as_dict() for a in result.actions]
        doc.metadata[self.metadata_key] = entry
        self.stat_update("chars_out", value=len(result.text), unit="doc")
        for rule, n in result.counts.items():
            self.stat_update(rule, value=n, unit="doc")
        if self.drop_empty and not result.text:
            self.stat_update("dropped_empty")
            return False
        self.stat_update("forwarded")
        return True

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """The datatrove entry point: a generator of Documents in, the cleaned ones out."""
        if data is None:
            return
        for doc in data:
            with self.track_time():
                keep = self.clean_document(doc)
            if keep:
                self.update_doc_stats(doc)
                yield doc
