# os.path (posixpath): pure string operations on str and bytes
import os
import os.path
import posixpath

print(os.path is posixpath, os.sep, os.curdir, os.pardir, repr(os.linesep), os.name)
print(os.extsep, os.pathsep, os.altsep, os.devnull)

for parts in [("a", "b"), ("a/", "b"), ("/a", "/b"), ("a", ""), ("", "b"), ("a", "b/", "c"),
              ("/", "x"), ("a", "b", "/c", "d")]:
    print("join", parts, os.path.join(*parts))
print(os.path.join(b"a", b"b"))

for p in ["a/b/c", "/a/b/", "/", "//", "a", "", "a/b.txt", "//x//y", "///z"]:
    print(repr(p), os.path.split(p), os.path.dirname(p), os.path.basename(p))

for p in ["a.txt", "a.tar.gz", ".bashrc", "a/.b", "a./b", "a/b.", "...", "..x", "dir.d/file",
          "a..b", ".", ".."]:
    print("splitext", repr(p), os.path.splitext(p))
print(os.path.splitext(b"x/y.z"), os.path.splitdrive("c:/x"))

for p in ["", ".", "..", "a/./b", "a/../b", "../../a", "/../a", "//a/b", "///a/b", "a//b///c/",
          "/a/b/../../..", "a/b/c/../../../..", "./x/", "x/.."]:
    print("normpath", repr(p), repr(os.path.normpath(p)))
print(os.path.normpath(b"a/../b//c"))

print(os.path.isabs("/x"), os.path.isabs("x"), os.path.isabs(b"/"))
print(os.path.commonprefix(["interspecies", "interstellar", "interstate"]))
print(os.path.commonprefix([]), os.path.commonpath(["/usr/lib", "/usr/local/lib"]))
print(os.path.commonpath(["a/b/c", "a/b", "a/b/d"]))
try:
    os.path.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
print(os.path.relpath("a/b/c", "a/d"), os.path.relpath("a", "a"), os.path.relpath("/x/y", "/x/z/w"))
print(os.path.normcase("AbC"), os.path.expanduser("x~"), os.path.expandvars("$NO_SUCH_VAR_PYL/${x"))

try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    os.path.join("a", 3)
except TypeError as e:
    print("TypeError", e)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.path.join(P("x"), P("y")), os.fspath(P(b"q")), os.path.basename(P("a/b")))
print(isinstance(P("x"), os.PathLike), isinstance("x", os.PathLike), issubclass(P, os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
try:
    os.fspath(P(3))
except TypeError as e:
    print("TypeError", e)
print(os.fsencode("a\udcff"), os.fsdecode(b"a\xff") == "a\udcff")
