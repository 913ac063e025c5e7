# Reports the mark group_set.wsgi leaves, if this VM (application group) has it.
import sys


def application(environ, start_response):
    mark = getattr(sys, "pyl_test_mark", "no-mark")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [(mark + " group=" + environ.get("mod_pyl.application_group", "?")).encode()]
