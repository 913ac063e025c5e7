# Each VM that loads this script draws its own token; the request sleeps so
# that concurrent requests overlap. The answer is the token.
import time

TOKEN = "%r-%d" % (time.time(), id(object()))


def application(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or "0.5"))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [TOKEN.encode()]
