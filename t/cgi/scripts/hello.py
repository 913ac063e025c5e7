# A plain CGI script: the query string through cgi.FieldStorage.
import cgi
import os

form = cgi.FieldStorage()
print("Content-Type: text/plain; charset=utf-8")
print("X-Script: hello")
print()
print("Hello, %s!" % form.getfirst("name", "world"))
print("method=%s" % os.environ["REQUEST_METHOD"])
print("keys=%s" % sorted(form.keys()))
print("colors=%s" % form.getlist("color"))
print("has name: %s, has age: %s" % ("name" in form, "age" in form))
print("script=%s path_info=%s" % (os.environ.get("SCRIPT_NAME"), os.environ.get("PATH_INFO")))
