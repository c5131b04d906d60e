"""Crash-test worker: a pre-imported process that forks one review session per trial.

Run as `python -m tests.integration.crash_worker`. It imports drafter once, then for each
JSON line on stdin ({"data_dir", "smtp_port", "seed", "log"}) forks a child that works the
real store (edit, approve, send at random) and appends one line per completed step to the
log file with an unbuffered write *after* the call returned; it prints the child's pid.
The test kills children with SIGKILL at random moments and checks the store afterwards.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys

import drafter.mail.compose
import drafter.store.sending  # noqa: F401  (import once here, not in every forked session)
from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import DrafterError
from drafter.store.drafts import sha256_text

OPEN = ("new", "ready", "in_review", "drafting")


def session(job: dict[str, object]) -> None:
    fd = os.open(str(job["log"]), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def log(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    port = int(str(job["smtp_port"]))
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=str(job["data_dir"]),
        smtp_host="127.0.0.1" if port else "",
        smtp_port=port or 587,
        smtp_security="none",
        smtp_timeout=5.0,
    )
    desk = Desk(settings)
    rng = random.Random(int(str(job["seed"])))
    log("READY")
    step = 0
    while True:
        step += 1
        open_items = [q.email_id for q in desk.queue() if q.status in OPEN]
        if not open_items:
            log("DONE")
            os._exit(0)
        email_id = rng.choice(open_items)
        roll = rng.random()
        try:
            if roll < 0.35:
                body = f"Antwort {job['seed']}-{step}\n\nMit freundlichen Grüßen"
                version = desk.save_edit(email_id, body)
                log(f"EDIT {email_id} {version.version_id} {sha256_text(body)}")
            else:
                versions = desk.versions(email_id)
                body = versions[-1].body if versions else f"Antwort {job['seed']}-{step}"
                approval = desk.approve(email_id, body)
                log(f"APPROVE {email_id} {approval.version_id} {approval.sha256}")
                if roll < 0.6:
                    continue
                result = desk.send(email_id)
                log(f"SENT {email_id} {result.message_id}")
        except DrafterError as error:
            log(f"REFUSED {email_id} {error.message!r}")


def main() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    print("ZYGOTE", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                session(job)
            finally:
                os._exit(1)
        print(pid, flush=True)


if __name__ == "__main__":
    main()
