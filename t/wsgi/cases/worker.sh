# Cases of the worker instance (conf/worker.conf: worker MPM, one child,
# directives per virtual host).

c_worker_env() {
    req /env/w
    status 200
    env_is PATH_INFO "'/w'"
    env_is wsgi.multithread "True"
    env_is wsgi.run_once "False"
}

c_worker_exception_then_ok() {
    req /exc/before
    status 500
    log_has 'ValueError: boom-before-headers'
    req /exc/ok
    status 200
}

c_worker_parallel_requests() {
    # With the default PylInterpreters (one VM per thread), 4 requests to one
    # application run at the same time: each waits for all 4 at a barrier.
    local i key=w$RANDOM
    for i in 1 2 3 4; do
        curl -s --max-time 10 -o "$CT/t$i" "$U/token?$key,$i,4,5" &
    done
    wait
    for i in 1 2 3 4; do
        grep -q ' met$' "$CT/t$i" || fail "request $i: '$(cat "$CT/t$i")' (the 4 requests did not overlap)"
    done
}

c_callable_default() {
    req /callable
    status 200
    body_is "from application"
}

c_callable_object_vhost() {
    req /callable -H 'Host: callable.test'
    status 200
    body_is "from handler"
}

c_pass_authorization_on() {
    req /env -H 'Host: auth.test' -u user:secret
    status 200
    env_is HTTP_AUTHORIZATION "'Basic dXNlcjpzZWNyZXQ='"
}

c_pass_authorization_off() {
    req /env -H 'Host: noauth.test' -u user:secret
    status 200
    env_lacks HTTP_AUTHORIZATION
}

c_vhost_mounts_separate() {
    # A mount point belongs to its virtual host.
    req /elsewhere/p -H 'Host: other.test'
    status 200
    body_is "SCRIPT_NAME='/elsewhere' PATH_INFO='/p'"
    req /elsewhere/p
    status 404
    req /env -H 'Host: other.test'
    status 404
}
