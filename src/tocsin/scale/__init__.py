"""tocsin.scale: coding beyond one process, and the Parquet bulk-exchange format.

* :mod:`tocsin.scale.parquet`: datasets of articles and events partitioned by
  publication date (write, read, export a store, load into a store);
* :mod:`tocsin.scale.dask_engine`: ``tocsin code --engine dask``: partitions of
  articles coded on Dask workers that load the models once each.
"""

from tocsin.scale.parquet import export_store, load_dataset, read_dataset, write_part

__all__ = ["export_store", "load_dataset", "read_dataset", "write_part"]
