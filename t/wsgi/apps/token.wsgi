# Each VM that loads this script draws its own token; the answer starts with it.
# Query "SECONDS": sleep that long first. Query "KEY,I,N,WAIT": a barrier --
# leave marker KEY.I, then wait up to WAIT seconds until markers KEY.1..KEY.N
# all exist; answer "TOKEN met" if they did (N requests ran at the same time),
# "TOKEN alone" if not.
import time

TOKEN = "%r-%d" % (time.time(), id(object()))
MARKS = "@ROOT@/marks/"


def exists(path):
    try:
        open(path).close()
        return True
    except OSError:
        return False


def barrier(key, me, count, wait):
    open(MARKS + key + "." + me, "w").close()
    end = time.time() + wait
    while True:
        if all(exists(MARKS + key + "." + str(i)) for i in range(1, count + 1)):
            return "met"
        if time.time() > end:
            return "alone"
        time.sleep(0.02)


def application(environ, start_response):
    q = environ.get("QUERY_STRING", "")
    if "," in q:
        key, me, count, wait = q.split(",")
        body = TOKEN + " " + barrier(key, me, int(count), float(wait))
    else:
        time.sleep(float(q or "0.5"))
        body = TOKEN
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body.encode()]
