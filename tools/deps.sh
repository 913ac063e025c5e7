#!/bin/sh
# The deps step: make sure the Debian packages pyl builds and tests with are
# installed. As root it installs what is missing with apt-get; otherwise it
# prints the exact apt-get line and fails.
set -u
PKGS="gcc make autoconf pkg-config libgmp-dev check libsubunit-dev
      apache2 apache2-dev libapr1-dev libaprutil1-dev libpcre2-dev libssl-dev
      libsqlite3-dev unicode-data curl clang-format valgrind
      wrk libapache2-mod-wsgi-py3"
# wrk and mod_wsgi (Python 3) are for bench/server: it drives mod_pyl and
# mod_wsgi's embedded mode side by side.
# One dpkg-query for all of them keeps this step quick when nothing is missing.
# shellcheck disable=SC2086
installed=" $(dpkg-query -W -f='${Package} ${Status}\n' $PKGS 2>/dev/null \
    | awk '$NF == "installed" && $(NF-1) == "ok" {printf "%s ", $1}')"
missing=""
for p in $PKGS; do
    case "$installed" in *" $p "*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "pyl needs these Debian packages; run as root:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# Another make running this step at the same time holds the dpkg lock: wait.
APT="apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=120"
# shellcheck disable=SC2086
$APT $missing || { apt-get update && $APT $missing; }
