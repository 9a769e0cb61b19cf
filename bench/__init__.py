"""`make bench`: build time against its limit, scaling with data, edit-to-reload under `mkdocs serve`,
and what a reader's browser loads (bytes, requests, flowchart, Lighthouse). Writes BENCHMARKS.md.
Nothing here is a test: timings are reported against budgets, never asserted."""
