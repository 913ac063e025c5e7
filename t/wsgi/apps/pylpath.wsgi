# Imports one module from each directory of PylPath.
import mod_one
import mod_two


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [(mod_one.NAME + " " + mod_two.NAME).encode()]
