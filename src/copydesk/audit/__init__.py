"""Archive audits: the rules of ``copydesk check`` over a table of articles (JSON lines, CSV or
Parquet), partition by partition on Dask, written as a findings table, a summary and a report.

The flow is the linter's, one partition at a time: ``sources`` cuts the archive into tasks,
``work`` lints one task's articles on a worker, ``run`` schedules the tasks and writes their
results in order, ``summary`` adds them up and ``report`` draws them."""
