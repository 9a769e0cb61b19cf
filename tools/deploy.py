"""`make deploy`: write the nginx configuration (deploy/nginx/) from macros/publish/deploy.py and the
headers of macros/publish/policy.py, for the site_url and the wiki hosts (extra.embed_hosts) of
mkdocs.yml. Run it after changing either; a test fails while the committed file is stale.

    python -m tools.deploy
"""
from __future__ import annotations

import sys

from macros.publish import components, deploy
from tools.project import ROOT, mkdocs_config


def expected() -> str:
    config = mkdocs_config()
    return deploy.nginx_config(list(config.get("extra", {}).get("embed_hosts") or []),
                               config.get("site_url") or "", [c.name for c in components.COMPONENTS])


def main(argv: list[str]) -> int:
    target = ROOT / deploy.FILE
    text = expected()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {deploy.FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
