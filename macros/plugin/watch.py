"""`make serve` notices a saved file at once: MkDocs polls the watched folders every 0.5 s; the
operating system's file events (inotify on Linux, FSEvents on macOS, ...) report a save as it
happens. MkDocs' own short debounce still groups the events of one save. Set OVC_WATCH=poll to keep
MkDocs' polling, e.g. on a network or container-shared folder that sends no events."""
from __future__ import annotations

import os


def use_file_events(server, config):
    """Move what `server` watches so far onto an observer of file events (changes only)."""
    if os.environ.get("OVC_WATCH") == "poll":
        return server
    import watchdog.observers

    if watchdog.observers.Observer is watchdog.observers.polling.PollingObserver:
        return server  # this system has no file events
    import watchdog.events as ev

    # Changes only: inotify also reports files being opened and closed unwritten, which every
    # build does to every file it reads; MkDocs would take each for a change and rebuild forever.
    changes = [ev.FileModifiedEvent, ev.FileCreatedEvent, ev.FileDeletedEvent, ev.FileMovedEvent,
               ev.FileClosedEvent]

    class ChangesObserver(watchdog.observers.Observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kwargs):
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter or changes, **kwargs)
    # Re-register what MkDocs watches so far (the docs and mkdocs.yml, maybe the theme) on an
    # event-based observer; `watch:` folders (data/, macros/) are registered after on_serve.
    watched = list(getattr(server, "_watched_paths", {}) or [config.docs_dir, config.config_file_path])
    for path in watched:
        server.unwatch(path)
    server.observer = ChangesObserver()
    for path in watched:
        server.watch(path)
    return server
