# A multipart/form-data upload: text fields and files.
import cgi

form = cgi.FieldStorage()
print("Content-Type: text/plain")
print()
print("keys: %s" % sorted(form.keys()))
for key in sorted(form.keys()):
    items = form[key]
    if not isinstance(items, list):
        items = [items]
    for item in items:
        if item.filename is not None:
            data = item.file.read()
            print("%s: file %r, %s, %d bytes, head %r, tail %r" % (
                key, item.filename, item.type, len(data), data[:12], data[-6:]))
        else:
            print("%s: %r" % (key, item.value))
