"""The editors' view of the data: yaml-language-server (the YAML engine of VS Code's YAML extension and
of other editors), pinned in tools/package.json, run headless over the Language Server Protocol on
stdio with the project's own editor settings (.vscode/settings.json), and asked for the diagnostics
it shows an editor for a file. Nothing leaves this machine: the schemas are the files in data/schema/
and the public schema store is switched off.

    with YamlEditor() as editor:
        editor.diagnostics(Path("data/faq.yml"))      # [] when the editor flags nothing
"""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

from tools.project import ROOT

SERVER = ROOT / "tools" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = ROOT / ".vscode" / "settings.json"


def editor_settings() -> dict:
    """The `yaml` section of the committed editor settings, as the server takes it."""
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    out: dict = {}
    for key, value in settings.items():
        if key.startswith("yaml."):
            node = out
            *parents, last = key.removeprefix("yaml.").split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = value
    return out


class YamlEditor:
    def __init__(self, settings: dict | None = None, timeout: float = 20.0):
        node = shutil.which("node")
        if not node or not SERVER.is_file():
            raise RuntimeError("yaml-language-server is missing: run `make test` (it installs tools/ with npm ci)")
        self.settings = editor_settings() if settings is None else settings
        self.timeout = timeout
        self.process = subprocess.Popen([node, str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.ids = itertools.count(1)
        self.published: dict[str, list] = {}
        self.responses: dict[int, dict] = {}
        self.lock = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.version = itertools.count(1)
        self.request("initialize", {"processId": None, "rootUri": ROOT.as_uri(),
                                    "capabilities": {"workspace": {"configuration": True},
                                                     "textDocument": {"publishDiagnostics": {}}},
                                    "workspaceFolders": [{"uri": ROOT.as_uri(), "name": ROOT.name}]})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": self.settings}})

    # --- JSON-RPC over stdio -------------------------------------------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict) -> dict:
        number = next(self.ids)
        self._send({"id": number, "method": method, "params": params})
        with self.lock:
            if not self.lock.wait_for(lambda: number in self.responses, self.timeout):
                raise TimeoutError(f"yaml-language-server did not answer {method}")
            return self.responses.pop(number)

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            message = json.loads(stream.read(int(headers["content-length"])))
            if "id" in message and "method" in message:  # the server asks us something
                self._answer(message)
            elif "id" in message:
                with self.lock:
                    self.responses[message["id"]] = message
                    self.lock.notify_all()
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self.lock:
                    self.published[message["params"]["uri"]] = message["params"]["diagnostics"]
                    self.lock.notify_all()

    def _answer(self, message: dict) -> None:
        if message["method"] == "workspace/configuration":
            result = [self.settings if item.get("section") == "yaml" else None
                      for item in message["params"]["items"]]
        else:
            result = None
        self._send({"id": message["id"], "result": result})

    # --- what an editor shows ----------------------------------------------------------------------

    def diagnostics(self, path: Path, text: str | None = None) -> list[dict]:
        """What the editor flags in the file at `path` (with `text`, as if it held that text)."""
        uri = path.resolve().as_uri()
        content = path.read_text(encoding="utf-8", errors="surrogateescape") if text is None else text
        with self.lock:
            self.published.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": next(self.version), "text": content}})
        deadline = time.monotonic() + self.timeout
        with self.lock:
            if not self.lock.wait_for(lambda: uri in self.published, max(0.0, deadline - time.monotonic())):
                raise TimeoutError(f"yaml-language-server gave no diagnostics for {path}")
            found = self.published.pop(uri)
        # Closing clears the file's diagnostics with one more (empty) message: wait for it, so that it
        # cannot be taken for the answer about the next text of the same file.
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        with self.lock:
            self.lock.wait_for(lambda: uri in self.published, 2.0)
            self.published.pop(uri, None)
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
        except (TimeoutError, BrokenPipeError, OSError):
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def __enter__(self) -> YamlEditor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
