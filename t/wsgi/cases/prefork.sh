# Cases of the prefork instance (conf/prefork.conf: prefork MPM, one child,
# PylRequestTimeout 2, PylHeapLimit 64 MiB).

c_prefork_env() {
    req /env/p
    status 200
    env_is PATH_INFO "'/p'"
    env_is wsgi.multithread "False"
    env_is wsgi.run_once "False"
}

c_prefork_hello() {
    req /hello
    status 200
    hdr_has 'Content-Length: 13$'
    body_is "Hello, world!"
}

c_prefork_input() {
    req /input/read --data-binary 'prefork body'
    status 200
    body_is "[b'prefork body', b'']"
}

c_prefork_exception_then_ok() {
    req /exc/before
    status 500
    log_has 'ValueError: boom-before-headers'
    req /exc/ok
    status 200
}

c_prefork_timeout() {
    local t0 t
    t0=$(now_ms)
    TMAX=12 req /loop
    t=$(($(now_ms) - t0))
    status 500 504
    [ "$t" -lt 6000 ] || fail "the timeout took $t ms"
    log_has '[Tt]ime ?out|PylRequestTimeout'
    req /hello
    status 200
}

c_prefork_heap_limit() {
    req /hog
    status 500
    log_has 'MemoryError'
    req /hello
    status 200
}
