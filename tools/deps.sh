#!/bin/sh
# The deps step: make sure the Debian packages pyl builds and tests with are
# installed. As root it installs what is missing with apt-get; otherwise it
# prints the exact apt-get line and fails.
set -u
PKGS="gcc make autoconf pkg-config libgmp-dev check libsubunit-dev
      apache2 apache2-dev libapr1-dev libaprutil1-dev libpcre2-dev libssl-dev
      libsqlite3-dev unicode-data curl clang-format valgrind"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "pyl needs these Debian packages; run as root:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing \
    || { apt-get update && apt-get install -y --no-install-recommends $missing; }
