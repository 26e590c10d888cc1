"""``--engine dask``: the columnar engine's chunk function over a Dask cluster.

The input is split into blocks (CSV: byte ranges of whole lines, read with
``dask.bytes.read_bytes``; Parquet: ``dask.dataframe.read_parquet``'s partitions). Each
block is computed on a worker by :func:`deficiency.columnar.compute_chunk`, exactly as on
one machine, and written by that worker as one part of the output folder
(``part-00000.csv`` or ``.parquet``, in input order), so no worker and not the client
holds more than a block. The folder must be at the same path on every worker (one
machine, or a shared file system), as Dask's own writers need.

Dask (``dask[dataframe]``) and ``distributed`` are optional: the app never imports this
module, and the command line says how to install them when they are missing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from deficiency.batch import BatchSummary, _layout
from deficiency.columnar import (
    ChunkResult,
    _line_count,
    as_text_table,
    block_chunk,
    chunk_results,
    csv_bytes,
    header_bytes,
    read_header,
    results_schema,
)

#: Bytes of CSV per Dask task: large enough that scheduling is cheap, small enough that a
#: worker's memory stays bounded.
BLOCK_BYTES = 32 * 2**20


class MissingDask(Exception):
    """Dask or distributed is not installed; the message says how to install them."""


def _dask() -> tuple[Any, Any, Any]:
    try:
        import dask
        import dask.bytes
        import dask.dataframe
        import distributed
    except ImportError:
        raise MissingDask(
            "--engine dask needs the dask[dataframe] and distributed packages: "
            "pip install -r requirements-test.txt"
        ) from None
    return dask, dask.dataframe, distributed


def _write_part(results: Sequence[ChunkResult], path: str, output_format: str) -> tuple[int, int]:
    """Write one part; return its rows and rows with errors."""
    rows = sum(result.rows for result in results)
    failed = sum(result.failed for result in results)
    if output_format == "parquet":
        # The columns of the local engine's Parquet results for a caseload of text (the
        # partitions are read as text): the figures as decimals, the rest text.
        table = pa.concat_tables([result.table for result in results]).cast(results_schema())
        pq.write_table(table, path, compression="zstd")
    else:
        with open(path, "wb") as out:
            out.write(header_bytes())
            for result in results:
                out.write(csv_bytes(result.table))
    return rows, failed


def csv_part(
    block: bytes, header: Sequence[str], first: int, path: str, output_format: str
) -> tuple[int, int]:
    """Compute one CSV block (whole lines; the first is line ``first``) and write its part."""
    chunk = block_chunk(block, header, first)
    return _write_part(list(chunk_results(iter([chunk]))), path, output_format)


def line_count(block: bytes) -> int:
    """Lines in a block, counted as :func:`deficiency.batch.decoded_lines` counts them."""
    return _line_count(block)


def parquet_part(frame: Any, path: str, output_format: str) -> tuple[int, int]:
    """Compute one Parquet partition (a pandas frame) and write its part."""
    table = as_text_table(pa.Table.from_pandas(frame, preserve_index=False))
    return _write_part(list(chunk_results(iter([table]))), path, output_format)


def run(
    source: str,
    output: str,
    *,
    scheduler: str | None,
    source_format: str,
    output_format: str,
    log: TextIO | None = None,
    workers: int = 2,
) -> BatchSummary:
    """Compute ``source`` on the cluster at ``scheduler`` (None: a local cluster of
    ``workers`` processes on 127.0.0.1) into the folder ``output``, one part per block."""
    dask, dd, distributed = _dask()
    os.makedirs(output, exist_ok=True)
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
        client = distributed.Client(cluster)
    if log is not None:
        log.write(f"Dask scheduler {client.scheduler.address}\n")
    extension = "parquet" if output_format == "parquet" else "csv"
    try:
        if source_format == "parquet":
            _layout(pq.ParquetFile(source).schema_arrow.names)
            frame = dd.read_parquet(
                source, dtype_backend="pyarrow", split_row_groups="adaptive", blocksize="8MiB"
            )
            parts = [
                dask.delayed(parquet_part)(
                    partition, os.path.join(output, f"part-{number:05d}.{extension}"), extension
                )
                for number, partition in enumerate(frame.to_delayed())
            ]
        else:
            parts = _csv_parts(dask, source, output, extension)
        counts = dask.compute(*parts)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    rows = sum(count[0] for count in counts)
    failed = sum(count[1] for count in counts)
    return BatchSummary(rows, rows - failed, failed)


def _csv_parts(dask: Any, source: str, output: str, extension: str) -> list[Any]:
    """One task per block of lines; line numbers counted first so error rows name them."""
    with open(source, "rb") as binary:
        header, skip = read_header(binary)
    _layout(header)
    _, blocks = dask.bytes.read_bytes(source, delimiter=b"\n", blocksize=BLOCK_BYTES, sample=False)
    blocks = blocks[0]
    body = [
        dask.delayed(_after)(block, skip if number == 0 else 0)
        for number, block in enumerate(blocks)
    ]
    counts = dask.compute(*(dask.delayed(line_count)(block) for block in body))
    parts = []
    first = 2
    for number, (block, count) in enumerate(zip(body, counts, strict=True)):
        path = os.path.join(output, f"part-{number:05d}.{extension}")
        parts.append(dask.delayed(csv_part)(block, header, first, path, extension))
        first += count
    return parts


def _after(block: bytes, skip: int) -> bytes:
    """The block without its first ``skip`` bytes (the header, in the first block)."""
    return block[skip:]


__all__ = ["MissingDask", "run"]
