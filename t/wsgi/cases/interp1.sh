# Cases of the interp1 instance (conf/interp1.conf: PylInterpreters 1).

c_interpreters_one_serialises() {
    # Two concurrent requests share the group's one VM: same token, and they
    # never overlap (the first waits 1 s at a barrier for the second in vain).
    local i key=s$RANDOM
    for i in 1 2; do
        curl -s --max-time 10 -o "$CT/t$i" "$U/token?$key,$i,2,1" &
    done
    wait
    for i in 1 2; do [ -s "$CT/t$i" ] || fail "request $i got no answer"; done
    [ "$(tokens | cut -d' ' -f1 | sort -u | wc -l)" = 1 ] || fail "tokens: $(tokens | tr '\n' ' ')"
    tokens | grep -q ' alone$' || fail "the two requests ran at the same time: $(tokens | tr '\n' ' ')"
}

c_group_default_per_mount() {
    # By default each mount point has its own group: /sb does not see the
    # mark /sa leaves, and the two group names differ.
    req /sa
    status 200
    local ga
    ga=$(cat "$CT/b")
    req /sb
    status 200
    body_has "no-mark"
    [ "$ga" != "$(sed 's/^no-mark //' "$CT/b")" ] || fail "both mounts report $ga"
}

c_application_group_shared() {
    req /ga -H 'Host: group.test'
    status 200
    body_is "group=shared-group"
    req /gb -H 'Host: group.test'
    status 200
    body_is "set-by-/ga group=shared-group"
}

c_threads_run_between_requests() {
    # The app's own thread counts every 10 ms; between two requests 0.5 s apart
    # it must have gone on counting, not only while a request ran.
    req /background
    status 200
    local a b
    a=$(cat "$CT/b")
    sleep 0.5
    req /background
    status 200
    b=$(cat "$CT/b")
    [ $((b - a)) -ge 10 ] || fail "the thread counted $a then $b"
}
