"""The site's generators, in stages that each import only the ones before them: models (the
vocabulary), decision, data, render, publish, plugin (see README, "Where things live").

mkdocs-macros loads this package (mkdocs.yml `module_name: macros`) for its `define_env`; the rest of
the build is plugin/hooks.py.
"""


def define_env(env) -> None:
    from .plugin.macros_env import define_env as define  # MkDocs only when mkdocs-macros asks

    define(env)
