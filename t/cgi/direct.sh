# t/cgi/direct.sh — cases that run `pyl --cgi` (and plain CGI scripts) directly
# with a synthetic CGI environment and standard input: no web server. Sourced
# by t/cgi/run, which provides $PYL, $T (a scratch directory), $HERE and the
# want_* checks; each d_NAME function is one case.

APP=$HERE/apps/direct.wsgi

# cgi APP PATH_INFO [VAR=VALUE...] <STDIN: run `pyl --cgi APP` in an
# environment holding only what a server would set (plus the sanitizer options
# of an ASan build); REQUEST_METHOD=GET unless a VAR overrides it. Sets ST (exit
# status), STATUS (the Status line), HEAD (the header lines), BODY; stderr is in
# $T/err. Bounded in time: a hang fails the case with status 124.
cgi() {
    local app=$1 pi=$2
    shift 2
    env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
        ${UBSAN_OPTIONS:+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} PYLHASHSEED=0 PYLDONTWRITEBYTECODE=1 \
        GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 SERVER_NAME=localhost SERVER_PORT=80 \
        REMOTE_ADDR=127.0.0.1 SCRIPT_NAME=/app.wsgi PATH_INFO="$pi" REQUEST_METHOD=GET "$@" \
        timeout 10 "$PYL" --cgi "$app" >"$T/out" 2>"$T/err"
    ST=$?
    split_response "$T/out"
}

d_hello() {
    cgi "$APP" /write </dev/null
    want_exit 0 && want_status "200 OK" && want_header "Content-Type: text/plain" &&
        want_body "written-returned"
}

d_environ() {
    cgi "$APP" /environ QUERY_STRING='a=1' X_LATIN=$'caf\xe9' </dev/null
    want_exit 0 && want_status "200 OK" &&
        want_body_has "wsgi.version=(1, 0)" && want_body_has "wsgi.url_scheme='http'" &&
        want_body_has "wsgi.multithread=False" && want_body_has "wsgi.multiprocess=True" &&
        want_body_has "wsgi.run_once=True" && want_body_has "SCRIPT_NAME='/app.wsgi'" &&
        want_body_has "QUERY_STRING='a=1'" && want_body_has "REQUEST_METHOD='GET'" &&
        want_body_has "X_LATIN='caf\\xe9'" && want_body_has "NONSTR=[]" &&
        want_body_has "STREAMS=(True, True, True)"
}

d_environ_defaults() {
    # no SCRIPT_NAME / QUERY_STRING from the server: "" (PEP 3333 wants the keys)
    env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} REQUEST_METHOD=GET \
        PATH_INFO=/environ timeout 10 "$PYL" --cgi "$APP" >"$T/out" 2>"$T/err" </dev/null
    ST=$?
    split_response "$T/out"
    want_exit 0 && want_body_has "SCRIPT_NAME=''" && want_body_has "QUERY_STRING=''"
}

d_https() {
    cgi "$APP" /environ HTTPS=on </dev/null
    want_exit 0 && want_body_has "wsgi.url_scheme='https'"
}

d_input_limited() {
    # stdin holds more than CONTENT_LENGTH: the application sees exactly that much
    printf 'abcdefghij' | cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=4
    want_exit 0 && want_status "200 OK" && want_body "b'abcd'"
}

d_input_empty_length() {
    printf 'ignored' | cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=
    want_exit 0 && want_body "b''"
}

d_input_no_length() {
    printf 'ignored' | cgi "$APP" /read REQUEST_METHOD=POST
    want_exit 0 && want_body "b''"
}

d_input_lines() {
    printf 'one\ntwo\nthree\nfour\nfive' | cgi "$APP" /lines REQUEST_METHOD=POST CONTENT_LENGTH=23
    want_exit 0 && want_body "[b'one\\n', b'tw', [b'o\\n', b'three\\n', b'four\\n', b'five'], [], b'']"
}

d_input_big() {
    head -c 3000000 /dev/zero | tr '\0' 'z' >"$T/big"
    cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=3000000 <"$T/big"
    want_exit 0 && want_body_has "zzzz" && [ "${#BODY}" = 3000003 ] ||
        { echo "body of ${#BODY} bytes, expected 3000003"; return 1; }
}

d_truncated_stdin() {
    printf 'abc' | cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=10
    want_exit 1 && want_status "400 Bad Request" &&
        want_err_has "standard input ended after 3 of the 10 bytes CONTENT_LENGTH announced"
}

d_stalled_stdin() {
    # the server keeps stdin open but sends less than CONTENT_LENGTH: a clear
    # timeout (PYL_CGI_TIMEOUT seconds), never a hang
    (printf 'abc'; sleep 4) | cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=10 PYL_CGI_TIMEOUT=1
    want_exit 1 && want_status "400 Bad Request" && want_err_has "TimeoutError" &&
        want_err_has "no data on standard input for 1 s"
}

d_closed_stdin() {
    cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH=5 <&-
    want_exit 1 && want_status "400 Bad Request" && want_err_has "reading the request body"
}

d_bad_length() {
    for v in abc -5 12x 99999999999999999999; do
        printf 'abc' | cgi "$APP" /read REQUEST_METHOD=POST CONTENT_LENGTH="$v"
        want_exit 2 && want_status "400 Bad Request" && want_err_has "invalid CONTENT_LENGTH" ||
            { echo "(CONTENT_LENGTH=$v)"; return 1; }
    done
}

d_no_method() {
    env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
        timeout 10 "$PYL" --cgi "$APP" >"$T/out" 2>"$T/err" </dev/null
    ST=$?
    split_response "$T/out"
    want_exit 2 && want_status "500 Internal Server Error" && want_err_has "REQUEST_METHOD is not set"
}

d_no_app_argument() {
    timeout 10 "$PYL" --cgi >"$T/out" 2>"$T/err" </dev/null
    ST=$?
    want_exit 2 && want_err_has "Argument expected for the --cgi option"
}

d_print_to_errors() {
    cgi "$APP" /print </dev/null
    want_exit 0 && want_body "clean body" && want_err_has "to the error log, not the response" &&
        want_err_has "wsgi.errors line"
}

d_app_raises() {
    cgi "$APP" /raise </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_header "Content-Type: text/html; charset=utf-8" &&
        want_body_has "<h1>Internal Server Error</h1>" && want_err_has "Traceback (most recent call last):" &&
        want_err_has "RuntimeError: the application broke" && want_err_has "direct.wsgi"
}

d_bad_status() {
    cgi "$APP" /badstatus </dev/null
    want_exit 1 && want_status "500 Internal Server Error" &&
        want_err_has "ValueError: start_response: status must look like '200 OK'"
}

d_hop_by_hop() {
    cgi "$APP" /hopbyhop </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_err_has "hop-by-hop header 'Connection'"
}

d_str_body() {
    cgi "$APP" /str_body </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_err_has "must be bytes, not str"
}

d_no_start_response() {
    cgi "$APP" /no_start </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_err_has "without calling start_response()"
}

d_midstream_error() {
    cgi "$APP" /midstream </dev/null
    want_exit 1 && want_status "200 OK" && want_body "first" && want_err_has "ValueError: second item" &&
        want_err_has "close() called" && want_err_has "incomplete"
}

d_exc_info() {
    cgi "$APP" /exc_info </dev/null
    want_exit 0 && want_status "503 Service Unavailable" && want_body "replaced"
}

d_content_length_cut() {
    cgi "$APP" /too_long </dev/null
    want_exit 0 && want_header "Content-Length: 3" && want_body "abc" &&
        want_err_has "more than its Content-Length of 3 bytes"
}

d_file_wrapper() {
    cgi "$APP" /filewrapper </dev/null
    want_exit 0 && want_status "200 OK" && want_body_has "The direct tests' application"
}

d_server_stops_reading() {
    # the server closes the pipe early: no crash, the generator is closed
    env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} REQUEST_METHOD=GET \
        PATH_INFO=/big timeout 10 "$PYL" --cgi "$APP" 2>"$T/err" </dev/null | head -c 100 >/dev/null
    ST=${PIPESTATUS[0]}
    want_exit 0 && want_err_has "generator closed" && want_err_has "the server stopped reading"
}

d_not_found_mode() {
    cgi "$APP" /nothing </dev/null
    want_exit 0 && want_status "404 Not Found" && want_body "no such mode: nothing"
}

d_syntax_error() {
    cgi "$HERE/apps/syntax_error.wsgi" / </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_err_has "SyntaxError"
}

d_no_callable() {
    cgi "$HERE/apps/no_callable.wsgi" / </dev/null
    want_exit 1 && want_status "500 Internal Server Error" &&
        want_err_has "AttributeError" && want_err_has "application"
}

d_missing_file() {
    cgi "$T/does_not_exist.wsgi" / </dev/null
    want_exit 1 && want_status "500 Internal Server Error" && want_err_has "does_not_exist.wsgi"
}

d_shebang() {
    # `#!/path/to/pyl --cgi` as the first line of the application file
    { echo "#!$PYL --cgi"; cat "$APP"; } >"$T/shebang.wsgi"
    chmod 755 "$T/shebang.wsgi"
    env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} REQUEST_METHOD=GET \
        PATH_INFO=/write timeout 10 "$T/shebang.wsgi" >"$T/out" 2>"$T/err" </dev/null
    ST=$?
    split_response "$T/out"
    want_exit 0 && want_status "200 OK" && want_body "written-returned"
}

d_wsgiref_cgihandler() {
    # wsgiref.handlers.CGIHandler in a plain script (no --cgi)
    printf 'xyz' | env -i PATH=/usr/bin:/bin ${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
        REQUEST_METHOD=POST CONTENT_LENGTH=3 PATH_INFO=/w SERVER_PROTOCOL=HTTP/1.1 \
        timeout 10 "$PYL" "$HERE/scripts/wsgiref_app.py" >"$T/out" 2>"$T/err"
    ST=$?
    split_response "$T/out"
    want_exit 0 && want_status "200 OK" && want_header "X-App: wsgiref" &&
        want_body "method=POST body=xyz flags=(True, False, True) path=/w"
}
