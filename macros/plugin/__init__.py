"""Stage 6, the MkDocs glue, and the only code that imports MkDocs: the hook module (hooks.py, the
one file mkdocs.yml names under `hooks:`), mkdocs-macros' side (macros_env.py), the state of a build
(build.py), and what `make serve` needs (watch.py, reload.py)."""
