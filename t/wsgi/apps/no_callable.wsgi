# Defines no "application": the gateway answers 500 and says what is missing.


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"wrong name"]
