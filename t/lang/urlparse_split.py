# urllib.parse: urlsplit, urlparse, urlunsplit, urlunparse, urljoin, urldefrag
from urllib.parse import (urlsplit, urlparse, urlunsplit, urlunparse, urljoin, urldefrag,
                          SplitResult, ParseResult)

urls = ["http://example.com", "http://example.com/", "https://user:pw@Host.Example.COM:8080/p/a/t/h;params?query=1&b=2#frag",
        "//netloc/path", "/just/a/path?q", "relative/path#f", "mailto:someone@example.com",
        "file:///etc/passwd", "http://[::1]:80/x", "http://[fe80::1%25eth0]/", "HTTP://X.COM/Y",
        "path;params", "http://a/b/c;p?q#f#g", "  http://space.com/ ", "ht\ttp://ta\nb.com/",
        "news:comp.lang.python", "tel:+1-816-555-1212", "x:y", "1http://bad", "a?b#c?d",
        "http://host:/", "http://host:0", "http://@host", "http://u@host", "http://u:@h",
        "svn+ssh://h/x", "http://h?q", "http://h#f", "#only", "?only", "", "c:\\windows"]
for u in urls:
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u))
    print("  ", s)
    print("  ", p)
    print("  ", s.username, s.password, s.hostname, s.port, repr(s.geturl()), repr(p.geturl()))
    print("  ", repr(urlunsplit(s)), repr(urlunparse(p)))

print(urlsplit("path#frag", allow_fragments=False), urlsplit("x", scheme="https"))
print(urlparse("//h/p", "ftp"))
s = urlsplit("http://h:8/p")
print(s.scheme, s.netloc, s[2], len(s), s._replace(path="/new"), s._asdict(), s._fields)
print(isinstance(s, tuple), type(s).__name__, type(s).__module__, SplitResult("a", "b", "c", "d", "e"))
print(ParseResult(scheme="s", netloc="n", path="p", params="a", query="q", fragment="f").geturl())
for bad in ["http://h:x/", "http://h:99999/", "http://[::1/", "http://::1]/"]:
    try:
        print(urlsplit(bad).port)
    except ValueError as e:
        print("ValueError", e)

print(urlunsplit(("http", "h", "p", "q", "f")), urlunsplit(("", "", "p", "", "")))
print(urlunsplit(("http", "", "p", "", "")), urlunsplit(("mailto", "", "x@y", "", "")))
print(urlunparse(("http", "h", "/p", "par", "q", "f")), urlunsplit(("file", "", "/etc", "", "")))

base = "http://a/b/c/d;p?q"
for rel in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x",
            "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../",
            "../../g", "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g",
            "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x",
            "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "https://other/x", "mailto:x"]:
    print(repr(rel), urljoin(base, rel))
print(urljoin("", "x"), urljoin("http://h/a", ""), urljoin("http://h", "x"), urljoin("http://h/a/", "b"))
print(urljoin("mailto:a@b", "c"), urljoin("http://h/a/b", "../../../c"), urljoin(b"http://h/a", b"b"))
print(urljoin("http://h/a#f", "#g", allow_fragments=False), urljoin("file:///a/b", "c"))
print(urldefrag("http://h/p?q#frag"), urldefrag("http://h/p"), urldefrag("http://h/p#f").geturl())
