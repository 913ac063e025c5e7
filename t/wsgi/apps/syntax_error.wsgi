# Does not compile: the gateway answers 500 and logs the SyntaxError.


def application(environ, start_response)
    start_response("200 OK", [])
    return [b"unreachable"]
