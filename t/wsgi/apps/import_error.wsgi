# Imports a module that does not exist: 500 and ModuleNotFoundError logged.
import no_such_module_pyl_test


def application(environ, start_response):
    start_response("200 OK", [])
    return [no_such_module_pyl_test.X]
