# Cases of the interp3 instance (conf/interp3.conf: PylInterpreters 3).

c_interpreters_three_parallel() {
    # Three concurrent requests get three VMs and run side by side: all three
    # meet at a barrier, each with its own token.
    local i key=p$RANDOM
    for i in 1 2 3; do
        curl -s --max-time 10 -o "$CT/t$i" "$U/token?$key,$i,3,5" &
    done
    wait
    for i in 1 2 3; do
        grep -q ' met$' "$CT/t$i" || fail "request $i: '$(cat "$CT/t$i")' (the 3 requests did not overlap)"
    done
    [ "$(tokens | cut -d' ' -f1 | sort -u | wc -l)" = 3 ] || fail "tokens: $(tokens | tr '\n' ' ')"
}

c_interpreters_three_bounded() {
    # Six concurrent requests still see at most three VMs.
    local i
    for i in 1 2 3 4 5 6; do
        curl -s --max-time 10 -o "$CT/t$i" "$U/token?0.3" &
    done
    wait
    for i in 1 2 3 4 5 6; do [ -s "$CT/t$i" ] || fail "request $i got no answer"; done
    [ "$(tokens | sort -u | wc -l)" -le 3 ] || fail "tokens: $(tokens | sort -u | tr '\n' ' ')"
}
