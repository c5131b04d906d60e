"""Files in `<data dir>/cache/` that spare a later start work it already did once (the
contact-reason example vectors, the name vocabulary): public data only, never customer mail.
Each owner keys and reads its own file; writing is shared here, because a cache must never
cost what it saves: written whole or not at all (temp file + rename), and a folder that
cannot be written is no error (the work is simply done again at the next start)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_quietly(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically; an OSError (read-only or full disk, no
    permission) leaves the old file, or none, and is not raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
