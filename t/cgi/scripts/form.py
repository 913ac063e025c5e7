# A form POST (application/x-www-form-urlencoded), with a query string too.
import cgi
import sys

form = cgi.FieldStorage()
sys.stdout.write("Content-Type: text/plain; charset=utf-8\r\n\r\n")
for key in sorted(form.keys()):
    print("%s=%r" % (key, form.getvalue(key)))
print("first tag: %r" % form.getfirst("tag"))
print("missing: %r" % form.getvalue("missing", "default"))
