# cgitb: an uncaught exception after the headers becomes an HTML page.
import cgitb

cgitb.enable()


def inner(n):
    raise ValueError("broken on purpose %d" % n)


print("Content-Type: text/html")
print()
print("<p>before the error</p>")
inner(42)
