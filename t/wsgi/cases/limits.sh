# Cases of the limits instance (conf/limits.conf: worker MPM, one child,
# PylRequestTimeout 2, PylHeapLimit 64 MiB).

c_timeout_loop() {
    # An endless loop is stopped after ~2 s with a 504/500, logged; other
    # threads of the child keep serving meanwhile.
    local t0 t
    t0=$(now_ms)
    curl -s --max-time 12 -o "$CT/lb" -w '%{http_code}' "$U/loop" >"$CT/lst" &
    local pid=$!
    sleep 0.5
    req /hello
    status 200
    wait $pid
    t=$(($(now_ms) - t0))
    case $(cat "$CT/lst") in 500 | 504) ;; *) fail "loop answered $(cat "$CT/lst") after $t ms: $(head -c 80 "$CT/lb")" ;; esac
    [ "$t" -lt 6000 ] || fail "the timeout took $t ms"
    log_has '[Tt]ime ?out|PylRequestTimeout'
}

c_timeout_sleep() {
    # A request blocked in time.sleep() is just as much over its time.
    local t0 t
    t0=$(now_ms)
    TMAX=12 req /sleepy
    t=$(($(now_ms) - t0))
    status 500 504
    [ "$t" -lt 4500 ] || fail "the timeout took $t ms"
    log_has '[Tt]ime ?out|PylRequestTimeout'
}

c_timeout_lock_wait() {
    # A request blocked on a lock (here one it holds itself) is ended too.
    local t0 t
    t0=$(now_ms)
    TMAX=12 req /deadlock
    t=$(($(now_ms) - t0))
    status 500 504
    [ "$t" -lt 4500 ] || fail "the timeout took $t ms"
    log_has '[Tt]ime ?out|PylRequestTimeout'
}

c_timeout_mid_stream() {
    # Over time after the headers went out: the connection is aborted.
    local t0 t
    t0=$(now_ms)
    TMAX=12 req /sleepy/stream
    t=$(($(now_ms) - t0))
    aborted
    body_has "first part"
    body_lacks "loop ended"
    [ "$t" -lt 6000 ] || fail "the timeout took $t ms"
    log_has '[Tt]ime ?out|PylRequestTimeout'
}

c_timeout_child_lives() {
    req /hello
    status 200
    body_is "Hello, world!"
}

c_heap_limit_uncaught() {
    req /hog
    status 500
    log_has 'MemoryError'
}

c_heap_limit_caught() {
    req /hog/catch
    status 200
    body_is "caught MemoryError"
}

c_heap_limit_within() {
    # The limit is per VM and what a request freed is available again.
    req /hog/some
    status 200
    body_is "allocated 8 MB"
    req /hog/catch
    status 200
    body_is "caught MemoryError"
    req /hello
    status 200
}
