# Cases of the maxreq instance (conf/maxreq.conf: PylMaxRequests 3).

c_max_requests_recycles() {
    # A fresh VM loads the script again, so its counter restarts at 1.
    local i got=
    for i in 1 2 3 4 5 6 7; do
        req /counter
        status 200
        got="$got$(cat "$CT/b") "
    done
    [ "$got" = "1 2 3 1 2 3 1 " ] || fail "counters: $got"
}
