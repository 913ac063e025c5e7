# Cases of the interp1 instance (conf/interp1.conf: PylInterpreters 1).

c_interpreters_one_serialises() {
    # Three concurrent requests share the group's one VM: same token, and
    # they take turns (3 x 0.4 s).
    local t0 t i
    t0=$(now_ms)
    for i in 1 2 3; do
        curl -s --max-time 10 -o "$CT/t$i" "$U/token?0.4" &
    done
    wait
    t=$(($(now_ms) - t0))
    for i in 1 2 3; do [ -s "$CT/t$i" ] || fail "request $i got no answer"; done
    [ "$(tokens | sort -u | wc -l)" = 1 ] || fail "tokens: $(tokens | tr '\n' ' ')"
    [ "$t" -ge 1100 ] || fail "3 requests in one VM took only $t ms"
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
