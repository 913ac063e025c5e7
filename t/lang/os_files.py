# os: files, descriptors and directories in a private scratch directory
import os
import stat

here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "_os_files_tmp")
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)
os.mkdir(base)
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, os.path.exists("."), os.listdir("."))

# descriptors
fd = os.open("f.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"more")))
os.close(fd)
fd = os.open("f.bin", os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -4, os.SEEK_END))
print(os.read(fd, 100), os.read(fd, 100))
st = os.fstat(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) & 0o600)
print(os.get_inheritable(fd))
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2))
os.lseek(fd2, 0, 0)
print(os.read(fd, 5))
os.close(fd2)
os.close(fd)

r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 7), os.read(r, 100), os.read(r, 100))
os.close(r)

# stat
st = os.stat("f.bin")
print(type(st).__name__, type(st).__module__, len(st), st[6], st.st_size)
print(st.st_mtime_ns // 10**9 == st.st_mtime == st[8] or abs(st.st_mtime - st[8]) < 1)
print(isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_nlink, st.st_blksize > 0)
print(os.path.getsize("f.bin"), os.path.getmtime("f.bin") == st.st_mtime)
print(os.stat_result(range(10)))
print(os.stat_result(range(10)).st_atime, os.stat_result(range(10)).st_rdev)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print("TypeError", e)

# directories
os.makedirs("a/b/c")
os.makedirs("a/b/c", exist_ok=True)
try:
    os.makedirs("a/b")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename)
with open("a/b/one.txt", "w") as f:
    f.write("1")
with open("a/two.txt", "w") as f:
    f.write("22")
print(sorted(os.listdir("a")), sorted(os.listdir(b"a")))
print(os.path.isdir("a"), os.path.isfile("a"), os.path.isfile("a/two.txt"), os.path.exists("zz"))
for top, dirs, files in os.walk("a"):
    dirs.sort()
    print(top, dirs, sorted(files))
for top, dirs, files in os.walk("a", topdown=False):
    print(top, sorted(dirs), sorted(files))
with os.scandir("a") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e, e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size > 0,
          os.fspath(e))
print(sorted(e.name for e in os.scandir()))

os.symlink("two.txt", "a/link")
print(os.path.islink("a/link"), os.readlink("a/link"), os.path.realpath("a/link") ==
      os.path.join(base, "a", "two.txt"), os.path.lexists("a/link"))
print(stat.S_ISLNK(os.lstat("a/link").st_mode), stat.filemode(os.lstat("a/link").st_mode)[0])
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o104755))
os.remove("a/link")

os.rename("a/two.txt", "a/three.txt")
os.replace("a/three.txt", "a/b/one.txt")
print(sorted(os.listdir("a")), open("a/b/one.txt").read())
os.unlink("a/b/one.txt")
os.removedirs("a/b/c")
print(os.path.exists("a"))
os.remove("f.bin")
os.chdir(old)
os.rmdir(base)
print(os.path.exists(base))
