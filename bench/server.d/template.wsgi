# bench/server: a small templating application, the work of a typical page
# handler done with builtins only (pyl has no os, json or re yet): parse the
# query string by hand, compute 20 rows, HTML-escape their text by hand, fill
# the templates with str.format and put the page together with join.

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<h1>{title}</h1>
<p>Hello, {user}. You asked for page {page}.</p>
<table>
<tr><th>#</th><th>Item</th><th>Qty</th><th>Price</th><th>Amount</th></tr>
{rows}
</table>
<p>{count} lines, {total:.2f} in all.</p>
</body>
</html>
"""

ROW = ('<tr class="{parity}"><td>{n}</td><td>{name}</td><td>{qty}</td>'
       '<td>{price:.2f}</td><td>{amount:.2f}</td></tr>')

ITEMS = ["apple", "pear & plum", "<b>kiwi</b>", 'the "best" fig', "lime",
         "crème brûlée", "bread", "tea > coffee"]


def escape(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def parse_query(qs):
    params = {}
    for part in qs.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        params[name] = value.replace("+", " ")
    return params


def application(environ, start_response):
    params = parse_query(environ.get("QUERY_STRING", ""))
    user = params.get("user", "guest")
    page = params.get("page", "1")
    rows = []
    total = 0.0
    for i in range(20):
        qty = (i * 7) % 5 + 1
        price = 0.5 + i * 1.25
        amount = qty * price
        total += amount
        rows.append(ROW.format(parity="odd" if i % 2 else "even", n=i + 1,
                               name=escape(ITEMS[i % len(ITEMS)]), qty=qty,
                               price=price, amount=amount))
    body = PAGE.format(title="Order " + escape(page), user=escape(user),
                       page=escape(page), rows="\n".join(rows),
                       count=len(rows), total=total).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
