# A script that sets its own status and headers.
import os

print("Status: 404 Not Found")
print("Content-Type: text/plain")
print("X-Path-Info: %s" % os.environ.get("PATH_INFO", ""))
print()
print("nothing at %s" % os.environ.get("PATH_INFO", ""))
