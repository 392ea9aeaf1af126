"""Gunicorn settings for the crash test: the worker stalls in the middle of a multi-row write.

After the first INSERT into SLOW_AFTER_TABLE (e.g. "pilot"), the next INSERT of that worker
writes the worker's pid to SLOW_MARKER and sleeps, so the test can kill the worker while
its transaction holds some rows but not all. The application itself is unchanged.
"""

import os
import time

workers = 1
timeout = 120
graceful_timeout = 1


def post_worker_init(worker):
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    marker = os.environ["SLOW_MARKER"]
    first_table = os.environ.get("SLOW_AFTER_TABLE", "pilot")
    state = {"armed": False}

    @event.listens_for(Engine, "before_cursor_execute")
    def _stall(conn, cursor, statement, parameters, context, executemany):
        words = statement.split()
        if len(words) < 3 or words[0].upper() != "INSERT":
            return
        table = words[2].strip('"').lower()
        if state["armed"]:
            with open(marker + ".tmp", "w") as handle:
                handle.write(f"{os.getpid()} {table}")
            os.replace(marker + ".tmp", marker)
            time.sleep(60)
        elif table == first_table:
            state["armed"] = True
