"""One agent process for the team-mode tests: `python -m tests.integration.team_agent MODE URL
AGENT [ARGS]` on a shared database (the test starts many of these at once).

race OUT: claim the next email until none is left; write the claimed ids to OUT (one a line).
hold: claim the next email, print its id, then sleep until killed (kill -9 in the test).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from drafter.config import Settings
from drafter.desk import Desk


def main() -> None:
    mode, url, agent, *rest = sys.argv[1:]
    data = Path(rest[-1]).parent if rest else Path.cwd()
    lease = 600 if mode == "race" else 5  # a race must outlast every claim; hold expires
    settings = Settings(
        data_dir=data / f"data-{agent}", database_url=url, agent_id=agent, claim_lease_seconds=lease
    )
    desk = Desk(settings)
    if mode == "race":
        claimed: list[int] = []
        while (email_id := desk.claim_next()) is not None:
            claimed.append(email_id)
        Path(rest[0]).write_text("".join(f"{i}\n" for i in claimed))
    elif mode == "hold":
        print(desk.claim_next(), flush=True)
        time.sleep(600)


if __name__ == "__main__":
    main()
