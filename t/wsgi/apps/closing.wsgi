# An iterable class with close(): close() writes a marker file named by the
# query string, so the test can see that the server called it. PATH_INFO
# "/raise" makes the second item raise instead.


class Body:
    def __init__(self, name, fail):
        self.name = name
        self.fail = fail
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2 and self.fail:
            raise RuntimeError("iterable-failed")
        if self.n > 3:
            raise StopIteration
        return b"item%d;" % self.n

    def close(self):
        with open("@ROOT@/marks/" + self.name, "w") as f:
            f.write("closed after %d\n" % self.n)


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body(environ["QUERY_STRING"], environ.get("PATH_INFO") == "/raise")
