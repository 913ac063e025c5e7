# Leaves a mark on the sys module of the VM that runs it, and shows the group.
import sys


def application(environ, start_response):
    sys.pyl_test_mark = "set-by-" + environ["SCRIPT_NAME"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("group=" + environ.get("mod_pyl.application_group", "?")).encode()]
