"""Tracebacks for CGI scripts: cgitb.enable() makes an uncaught exception show
as a readable HTML page (or plain text) in the response, instead of a bare
500 with the details only in the server's error log.

    import cgitb
    cgitb.enable()                  # HTML page in the response
    cgitb.enable(display=0, logdir="/var/log/myapp")   # only a log file
    cgitb.enable(format="text")     # plain text

pyl's own implementation of CPython's `cgitb` interface (enable, Hook, handler,
html, text, reset). pyl frames have no f_locals, so the page lists each frame's
source lines but not its local variables.
"""

import os
import sys
import time

__all__ = ["enable", "Hook", "handler", "html", "text", "reset"]


def reset():
    """Text that ends any HTML elements the script left open, before the
    traceback page."""
    return ('<!-- pyl cgitb -->\n'
            '</font></font></font></script></object></blockquote></pre>'
            '</table></table></table></font></font>\n')


class _Watch:
    """sys.stdout as enable() leaves it: the same stream, noting whether the
    script wrote anything, so that the hook knows whether the response's
    headers are still to come."""

    def __init__(self, stream):
        self._stream = stream
        self.written = False

    def write(self, s):
        if s:
            self.written = True
        return self._stream.write(s)

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _escape(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def small(text):
    return "<small>" + text + "</small>" if text else ""


def strong(text):
    return "<strong>" + text + "</strong>" if text else ""


def grey(text):
    return '<span style="color: #909090">' + text + "</span>" if text else ""


_line_cache = {}


def _source_lines(filename):
    """The lines of a source file (without line ends), [] if unreadable."""
    if filename in _line_cache:
        return _line_cache[filename]
    try:
        with open(filename, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except (OSError, ValueError):
        lines = []
    _line_cache[filename] = lines
    return lines


def _frames(tb, context):
    """(filename, lineno, function, [(n, line), ...]) for each frame of tb,
    outermost first, with `context` lines around the failing one."""
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        lineno = tb.tb_lineno
        lines = _source_lines(code.co_filename)
        around = []
        if lines and context > 0 and lineno > 0:
            first = max(1, lineno - context // 2)
            for n in range(first, min(len(lines), first + context - 1) + 1):
                around.append((n, lines[n - 1]))
        out.append((code.co_filename, lineno, code.co_name, around))
        tb = tb.tb_next
    return out


def _info(info):
    if info is None:
        info = sys.exc_info()
    etype, evalue, etb = info
    if etype is None and evalue is not None:
        etype = type(evalue)
    if etb is None and evalue is not None:
        etb = evalue.__traceback__
    return etype, evalue, etb


def _plain_traceback(etype, evalue, etb):
    lines = ["Traceback (most recent call last):\n"]
    for filename, lineno, func, around in _frames(etb, 1):
        lines.append('  File "%s", line %d, in %s\n' % (filename, lineno, func))
        for n, line in around:
            if n == lineno:
                lines.append("    " + line.strip() + "\n")
    name = getattr(etype, "__name__", str(etype))
    msg = str(evalue)
    lines.append(name + (": " + msg if msg else "") + "\n")
    return "".join(lines)


def html(einfo, context=5):
    """An HTML page describing the exception einfo = (type, value, traceback)."""
    etype, evalue, etb = _info(einfo)
    name = getattr(etype, "__name__", str(etype))
    pyver = "Python " + sys.version.split()[0] + ": " + sys.executable
    when = time.ctime(time.time())
    parts = ['<!DOCTYPE html>\n<html><head><title>%s</title></head>\n'
             '<body style="background: #fafafa; font-family: sans-serif">\n' % _escape(name)]
    parts.append('<table style="width: 100%%; background: #6622aa; color: #ffffff">'
                 '<tr><td><big><big><strong>%s</strong></big></big></td>'
                 '<td style="text-align: right">%s<br>%s</td></tr></table>\n'
                 % (_escape(name), _escape(pyver), _escape(when)))
    parts.append("<p>A problem occurred in a Python script. Here is the sequence of calls "
                 "leading up to the error, the most recent last.</p>\n")
    for filename, lineno, func, around in _frames(etb, context):
        link = '<a href="file://%s">%s</a>' % (_escape(filename), _escape(filename))
        call = "in " + strong(_escape(func)) if func != "<module>" else ""
        parts.append('<table style="width: 100%%; border-spacing: 0">'
                     '<tr><td style="background: #d8bbff">%s %s</td></tr>\n' % (link, call))
        for n, line in around:
            num = "%5d" % n
            text = "<tt>%s&nbsp;%s</tt>" % (num.replace(" ", "&nbsp;"), _escape(line))
            if n == lineno:
                parts.append('<tr><td style="background: #ffccee">%s</td></tr>\n' % text)
            else:
                parts.append("<tr><td>%s</td></tr>\n" % grey(text))
        parts.append("</table>\n")
    parts.append("<p>%s: %s</p>\n" % (strong(_escape(name)), _escape(evalue)))
    attrs = []
    for attr in sorted(dir(evalue)):
        if attr.startswith("_") or attr == "with_traceback":
            continue
        try:
            value = getattr(evalue, attr)
        except Exception:
            continue
        if callable(value):
            continue
        attrs.append("<br><tt>&nbsp;&nbsp;%s&nbsp;=</tt>\n%s\n" % (_escape(attr),
                                                                 _escape(repr(value))))
    parts.extend(attrs)
    # the plain traceback, for whoever reads the page source
    parts.append("\n\n<!-- The above is a description of an error in a Python program.\n\n%s\n-->\n"
                 % _plain_traceback(etype, evalue, etb).replace("--", "- -"))
    parts.append("</body></html>\n")
    return "".join(parts)


def text(einfo, context=5):
    """A plain-text description of the exception einfo."""
    etype, evalue, etb = _info(einfo)
    name = getattr(etype, "__name__", str(etype))
    pyver = "Python " + sys.version.split()[0] + ": " + sys.executable
    out = [name + "\n" + pyver + "\n" + time.ctime(time.time()) + "\n",
           "A problem occurred in a Python script. Here is the sequence of calls leading up "
           "to the error, the most recent last.\n\n"]
    for filename, lineno, func, around in _frames(etb, context):
        out.append(" %s %s\n" % (filename, "in " + func if func != "<module>" else ""))
        for n, line in around:
            mark = "->" if n == lineno else "  "
            out.append("%s %5d %s\n" % (mark, n, line))
        out.append("\n")
    out.append("%s: %s\n" % (name, evalue))
    out.append("\n" + _plain_traceback(etype, evalue, etb))
    return "".join(out)


class Hook:
    """A sys.excepthook that shows tracebacks as HTML (or text) on `file`
    (default sys.stdout) and/or saves them in files under `logdir`."""

    def __init__(self, display=1, logdir=None, context=5, file=None, format="html"):
        self.display = display
        self.logdir = logdir
        self.context = context
        self.file = file or sys.stdout
        self.format = format

    def __call__(self, etype, evalue, etb):
        self.handle((etype, evalue, etb))

    def handle(self, info=None):
        info = _info(info)
        if isinstance(self.file, _Watch) and not self.file.written:
            # nothing printed yet: the page is the whole response
            self.file.write("Content-Type: text/%s; charset=utf-8\n\n"
                            % ("html" if self.format == "html" else "plain"))
        elif self.format == "html":
            self.file.write(reset())
        as_html = self.format == "html"
        try:
            doc = (html if as_html else text)(info, self.context)
        except Exception:
            as_html = False
            doc = _plain_traceback(*info)
        if self.display:
            if as_html:
                self.file.write(doc)
            else:
                self.file.write("<pre>" + _escape(doc) + "</pre>\n" if self.format == "html"
                                else doc)
        else:
            self.file.write("<p>A problem occurred in a Python script.</p>\n"
                            if self.format == "html" else
                            "A problem occurred in a Python script.\n")
        if self.logdir is not None:
            suffix = ".html" if as_html else ".txt"
            path = None
            for i in range(100):
                candidate = os.path.join(self.logdir, "cgitb-%d-%d-%d%s" % (
                    os.getpid(), int(time.time() * 1000), i, suffix))
                try:
                    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    continue
                except OSError:
                    break
                with os.fdopen(fd, "w") as f:
                    f.write(doc)
                path = candidate
                break
            if path is not None:
                msg = "%s contains the description of this error." % path
            else:
                msg = "Tried to save the traceback in %s, but failed." % self.logdir
            self.file.write("<p>%s</p>\n" % _escape(msg) if self.format == "html"
                            else msg + "\n")
        try:
            self.file.flush()
        except Exception:
            pass


handler = Hook().handle


def enable(display=1, logdir=None, context=5, format="html"):
    """Install the traceback hook: uncaught exceptions are shown (display=1) in
    the response and/or saved under logdir."""
    if not isinstance(sys.stdout, _Watch):
        sys.stdout = _Watch(sys.stdout)
    sys.excepthook = Hook(display=display, logdir=logdir, context=context, file=sys.stdout,
                          format=format)
