"""The `closeknit` command.

closeknit serve     the production server (migrations, static files, gunicorn)
closeknit worker    the background worker and scheduler
closeknit dev       the demo: migrate, seed a demo couple, run server and worker
closeknit demo      seed a demo couple
closeknit coach     the listening coach (no Django needed)
closeknit <cmd>     any manage.py command
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["coach"]:
        # The coach is a plain library: no settings, no database, fast start.
        from closeknit.coach.cli import main as coach_main

        return coach_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "closeknit.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["closeknit", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
