# The cgi module (pyl's lib/cgi.py): parse_header, FieldStorage over synthetic
# CGI environments (GET query strings, urlencoded and multipart POST bodies with
# file uploads), getvalue / getfirst / getlist / keys / in, parse and
# parse_multipart. CPython 3.11 warns on import (DeprecationWarning, on stderr):
# the expected output is stdout only.
import cgi, io
print(cgi.parse_header('text/html; charset="utf-8"; a=b ; q="x;y\\"z"'))
print(cgi.parse_header('form-data; name="file"; filename="a b.txt"'))
print(cgi.parse_header('Text/Plain'), cgi.parse_header('x; novalue; k = v '))
env = {"REQUEST_METHOD": "GET", "QUERY_STRING": "a=1&b=2&a=3&empty=&sp=x+y%21"}
fs = cgi.FieldStorage(environ=env)
print(sorted(fs.keys()), len(fs), "a" in fs, "zz" in fs, bool(fs))
print(fs.getvalue("a"), fs.getvalue("b"), fs.getvalue("zz", "dflt"), fs.getfirst("a"), fs.getlist("a"), fs.getlist("no"))
print(fs["b"], fs["sp"].value, fs.getvalue("empty"))
fs = cgi.FieldStorage(environ=env, keep_blank_values=1)
print(fs.getvalue("empty"), repr(fs.getvalue("empty")))
body = b"x=10&y=%C3%A9t%C3%A9"
env = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body)), "QUERY_STRING": "q=7"}
fs = cgi.FieldStorage(fp=io.BytesIO(body + b"garbage"), environ=env)
print(fs.list, fs.getvalue("y"), fs.getvalue("q"))
b = "----pylBoundary42"
mp = ("--%s\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello caf\u00e9\r\n"
      "--%s\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\n\r\n"
      "--%s\r\nContent-Disposition: form-data; name=\"bin\"; filename=\"x.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\xff--\r\n"
      "--%s\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nsecond\r\n"
      "--%s--\r\nepilogue").replace("%s", b).encode("utf-8")
env = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "multipart/form-data; boundary=" + b, "CONTENT_LENGTH": str(len(mp)), "QUERY_STRING": "from=qs"}
fs = cgi.FieldStorage(fp=io.BytesIO(mp), environ=env)
print(sorted(fs.keys()))
print(fs.getvalue("title"), fs.getfirst("title"), fs.getvalue("from"))
up = fs["upload"]
print(up.name, up.filename, up.type, up.type_options, up.disposition, up.disposition_options["filename"])
print(repr(up.value), up.file.read(), type(up.file).__name__ in ("BytesIO", "BufferedRandom", "_TemporaryFileWrapper"))
print(repr(fs["bin"].value), fs["bin"].filename)
print(repr(fs["title"][0]), fs["title"][0].headers["Content-Disposition"])
print(fs["title"][1].value, fs["title"][1].filename, fs["title"][0].type)
print(repr(fs["from"]))
print(sorted(cgi.parse_multipart(io.BytesIO(mp), {"boundary": b.encode(), "CONTENT-LENGTH": str(len(mp))}).items()))
fs = cgi.FieldStorage(environ={"REQUEST_METHOD": "GET", "QUERY_STRING": ""})
fs.list = None
try:
    fs.keys()
except TypeError as e:
    print("TypeError", e)
try:
    bool(fs)
except TypeError as e:
    print("TypeError", e)
try:
    cgi.FieldStorage(fp=io.BytesIO(b""), environ={"REQUEST_METHOD": "POST", "CONTENT_TYPE": "multipart/form-data; boundary=\"bad\x01\"", "CONTENT_LENGTH": "0"})
except ValueError as e:
    print("ValueError", e)
try:
    cgi.FieldStorage(environ={"REQUEST_METHOD": "GET", "QUERY_STRING": "a=1&b=2&c=3"}, max_num_fields=2)
except ValueError as e:
    print("ValueError", e)
print(cgi.parse(environ={"REQUEST_METHOD": "GET", "QUERY_STRING": "a=1&a=2&b=3"}))
print(cgi.MiniFieldStorage("k", "v"), cgi.MiniFieldStorage("k", "v").filename)
fs = cgi.FieldStorage(environ={"REQUEST_METHOD": "GET", "QUERY_STRING": ""})
print(bool(fs), len(fs), fs.keys(), fs.getvalue("x"))
