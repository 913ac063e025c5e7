# Cases of the main instance (conf/main.conf: event MPM, server-level mounts).
# Sourced by t/wsgi/run; each c_NAME runs in a subshell; see the helpers there.
# Expected values are PEP 3333's (and mod_wsgi's where the PEP leaves a choice).

setup() {
    cp "$ROOT/apps/reload_v1.wsgi" "$ROOT/apps/reload.wsgi"
    cp "$ROOT/apps/reload_v1.wsgi" "$ROOT/apps/reloadc.wsgi"
    cp "$ROOT/apps/reload_v1.wsgi" "$ROOT/apps/reloadb.wsgi"
    yes 'file wrapper data line' | head -c 204800 >"$ROOT/apps/data.bin"
    mkdir -p "$ROOT/htdocs/sh" "$ROOT/htdocs/ah"
    cp "$ROOT/apps/who.wsgi" "$ROOT/htdocs/sh/who.py"
    cp "$ROOT/apps/who.wsgi" "$ROOT/htdocs/ah/who.wsgi"
    echo 'plain text' >"$ROOT/htdocs/ah/plain.txt"
}

# ---- environ -------------------------------------------------------------------

c_env_method_get() {
    req /env
    status 200
    env_is REQUEST_METHOD "'GET'"
}

c_env_method_post() {
    req /env --data-binary 'abc'
    status 200
    env_is REQUEST_METHOD "'POST'"
    env_is CONTENT_LENGTH "'3'"
    env_is CONTENT_TYPE "'application/x-www-form-urlencoded'"
}

c_env_method_put() {
    req /env -X PUT --data-binary 'abc' -H 'Content-Type: text/x-test'
    status 200
    env_is REQUEST_METHOD "'PUT'"
    env_is CONTENT_TYPE "'text/x-test'"
}

c_env_script_name_path_info() {
    req /env/a/b
    status 200
    env_is SCRIPT_NAME "'/env'"
    env_is PATH_INFO "'/a/b'"
}

c_env_mount_point_only() {
    # At the mount point itself PATH_INFO is empty (PEP 3333: may be absent).
    req /env
    status 200
    env_is SCRIPT_NAME "'/env'"
    grep -q '^PATH_INFO=' "$CT/b" && line_is "PATH_INFO=''"
    return 0
}

c_env_path_info_decoded() {
    req '/env/a%20b/c'
    status 200
    env_is PATH_INFO "'/a b/c'"
    env_is REQUEST_URI "'/env/a%20b/c'"
}

c_env_path_info_latin1() {
    # The URL's bytes, decoded as Latin-1: é in UTF-8 is two characters.
    req '/env/caf%C3%A9'
    status 200
    env_is PATH_INFO "'/caf\\xc3\\xa9'"
}

c_env_query_string() {
    req '/env?a=1&b=%20x&c'
    status 200
    env_is QUERY_STRING "'a=1&b=%20x&c'"
}

c_env_query_string_empty() {
    req /env
    status 200
    env_is QUERY_STRING "''"
}

c_env_request_uri() {
    req '/env/x/y?z=1'
    status 200
    env_is REQUEST_URI "'/env/x/y?z=1'"
}

c_env_server_vars() {
    req /env
    status 200
    env_is SERVER_NAME "'127.0.0.1'"
    env_is SERVER_PORT "'$PORT'"
    env_is SERVER_PROTOCOL "'HTTP/1.1'"
}

c_env_http10() {
    req /env --http1.0
    status 200
    env_is SERVER_PROTOCOL "'HTTP/1.0'"
}

c_env_remote() {
    req /env
    status 200
    env_is REMOTE_ADDR "'127.0.0.1'"
    grep -qxE "REMOTE_PORT='[1-9][0-9]*'" "$CT/b" || fail "REMOTE_PORT: $(grep '^REMOTE_PORT=' "$CT/b")"
}

c_env_https_off() {
    req /env
    status 200
    env_is wsgi.url_scheme "'http'"
    if grep -q '^HTTPS=' "$CT/b"; then
        grep -qxiE "HTTPS='(off|0|)'" "$CT/b" || fail "plain http has $(grep '^HTTPS=' "$CT/b")"
    fi
}

c_env_http_headers() {
    req /env -H 'X-Foo-Bar: baz' -H 'Accept-Language: de' -A 'pyl-test/1'
    status 200
    env_is HTTP_X_FOO_BAR "'baz'"
    env_is HTTP_ACCEPT_LANGUAGE "'de'"
    env_is HTTP_USER_AGENT "'pyl-test/1'"
    env_is HTTP_HOST "'127.0.0.1:$PORT'"
}

c_env_header_latin1() {
    # Header bytes arrive as Latin-1-decoded str, whatever they encode.
    req /env -H $'X-Latin: caf\xe9' -H $'X-Utf8: caf\xc3\xa9'
    status 200
    env_is HTTP_X_LATIN "'caf\\xe9'"
    env_is HTTP_X_UTF8 "'caf\\xc3\\xa9'"
}

c_env_no_http_content_vars() {
    req /env --data-binary 'abc' -H 'Content-Type: text/plain'
    status 200
    env_is CONTENT_TYPE "'text/plain'"
    env_lacks HTTP_CONTENT_TYPE
    env_lacks HTTP_CONTENT_LENGTH
}

c_env_underscore_header_dropped() {
    # As Apache does for CGI: a header named with '_' could pose as one with '-'.
    req /env -H 'X_Under: 1' -H 'X-Dash: 2'
    status 200
    env_is HTTP_X_DASH "'2'"
    env_lacks HTTP_X_UNDER
}

c_env_repeated_header() {
    req /env -H 'X-Multi: a' -H 'X-Multi: b'
    status 200
    env_is HTTP_X_MULTI "'a, b'"
}

c_env_setenv() {
    req /env
    status 200
    env_is PYL_TEST_VAR "'hello-env'"
}

c_env_wsgi_keys() {
    req /env
    status 200
    env_is wsgi.version "(1, 0)"
    env_is wsgi.run_once "False"
    line_is "STREAMS=(True, True, True)"
    grep -q '^wsgi.input=<' "$CT/b" || fail "no wsgi.input object"
    grep -q '^wsgi.errors=<' "$CT/b" || fail "no wsgi.errors object"
}

c_env_threading_flags_event() {
    req /env
    status 200
    env_is wsgi.multithread "True"
    env_is wsgi.multiprocess "True"
}

c_env_mod_pyl_keys() {
    req /env
    status 200
    grep -q '^mod_pyl.version=' "$CT/b" || fail "no mod_pyl.version"
    env_is mod_pyl.process_group "''"
    grep -qE "^mod_pyl.application_group='.+'$" "$CT/b" ||
        fail "mod_pyl.application_group: '$(grep '^mod_pyl.application_group' "$CT/b")'"
}

c_env_native_str() {
    req '/env/x?y' -H 'X-Any: v' --data-binary 'q'
    status 200
    line_is "NONSTR=[]"
}

c_env_cookie_and_accept() {
    req /env -b 'session=abc; theme=dark' -H 'Accept: text/html'
    status 200
    env_is HTTP_COOKIE "'session=abc; theme=dark'"
    env_is HTTP_ACCEPT "'text/html'"
}

c_env_is_dict() {
    req /env
    status 200
    line_is "ENVIRON_TYPE=dict"
}

c_env_authorization_hidden() {
    # PylPassAuthorization is Off by default: credentials stay with Apache.
    req /env -u user:secret
    status 200
    env_lacks HTTP_AUTHORIZATION
}

# ---- wsgi.input ----------------------------------------------------------------

c_input_read() {
    req /input/read --data-binary 'hello world'
    status 200
    body_is "[b'hello world', b'']"
}

c_input_read_all() {
    req /input/read_all --data-binary 'all of it'
    status 200
    body_is "[b'all of it', b'']"
}

c_input_expect_continue() {
    # curl waits for "100 Continue", which Apache sends when the body is read.
    head -c 200000 /dev/zero | tr '\0' 'e' >"$CT/data"
    req /input/len --data-binary "@$CT/data" -H 'Expect: 100-continue'
    status 200
    body_is "len=200000 nl=0 first=b'eeeeeeee' last=b'eeeeeeee'"
}

c_input_read_n() {
    req /input/read_n --data-binary '0123456789abcdef'
    status 200
    body_is "[b'01234', b'56789', b'abcdef', b'']"
}

c_input_readline() {
    req /input/readline --data-binary $'a\nbb\nccc'
    status 200
    body_is "[b'a\\n', b'bb\\n', b'ccc', b'']"
}

c_input_readline_n() {
    req /input/readline_n --data-binary $'abcdef\nxyz\n'
    status 200
    body_is "[b'ab', b'cdef\\n', b'xyz\\n', b'']"
}

c_input_readlines() {
    req /input/readlines --data-binary $'a\nbb\nccc'
    status 200
    body_is "[[b'a\\n', b'bb\\n', b'ccc'], b'']"
}

c_input_readlines_hint() {
    # As io.IOBase.readlines(hint): stop once the lines read reach hint bytes.
    req /input/readlines_hint --data-binary $'a\nbb\nccc\n'
    status 200
    body_is "[[b'a\\n', b'bb\\n'], b'ccc\\n']"
}

c_input_iteration() {
    req /input/iter --data-binary $'a\nbb\nccc'
    status 200
    body_is "[b'a\\n', b'bb\\n', b'ccc']"
}

c_input_eof() {
    req /input/eof --data-binary 'xyz'
    status 200
    body_is "[b'xyz', b'', b'', b'', []]"
}

c_input_get_is_empty() {
    req /input/read
    status 200
    body_is "[b'', b'']"
}

c_input_no_overread() {
    # Two POSTs on one keep-alive connection: the first read(100000) must stop
    # at the end of its own body, not wait for (or eat) the next request.
    curl -sS --max-time "$TMAX" --data-binary 'hello' -w '%{http_code}:%{num_connects} ' \
        "$U/input/overread" -o "$CT/b1" "$U/input/overread" -o "$CT/b2" >"$CT/w" 2>"$CT/cerr" ||
        fail "curl: $(cat "$CT/cerr") $(cat "$CT/w")"
    [ "$(cat "$CT/w")" = "200:1 200:0 " ] || fail "statuses/connections: $(cat "$CT/w")"
    for f in b1 b2; do
        [ "$(cat "$CT/$f")" = "[b'hello', b'']" ] || fail "$f: $(head -c 100 "$CT/$f")"
    done
}

c_input_unread_body() {
    # An application that ignores the body: the server discards it, and the
    # keep-alive connection carries the next request correctly.
    head -c 100000 /dev/zero | tr '\0' 'u' >"$CT/data"
    curl -sS --max-time "$TMAX" --data-binary "@$CT/data" -H 'Expect:' -w '%{http_code}:%{num_connects} ' \
        "$U/hello" -o "$CT/b1" "$U/hello" -o "$CT/b2" >"$CT/w" 2>"$CT/cerr" ||
        fail "curl: $(cat "$CT/cerr") $(cat "$CT/w")"
    [ "$(cat "$CT/w")" = "200:1 200:0 " ] || fail "statuses/connections: $(cat "$CT/w")"
    for f in b1 b2; do
        [ "$(cat "$CT/$f")" = "Hello, world!" ] || fail "$f: $(head -c 100 "$CT/$f")"
    done
}

c_input_large() {
    yes 0123456789abcde | head -c 1048576 >"$CT/data"
    req /input/len --data-binary "@$CT/data" -H 'Content-Type: application/octet-stream'
    status 200
    body_is "len=1048576 nl=65536 first=b'01234567' last=b'89abcde\\n'"
}

c_input_chunked() {
    yes 0123456789abcde | head -c 65536 >"$CT/data"
    req /input/len --data-binary "@$CT/data" -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/octet-stream'
    status 200
    body_is "len=65536 nl=4096 first=b'01234567' last=b'89abcde\\n'"
}

c_input_chunked_read_n() {
    head -c 1000 /dev/zero | tr '\0' 'q' >"$CT/data"
    req /input/loop --data-binary "@$CT/data" -H 'Transfer-Encoding: chunked'
    status 200
    grep -qE '^chunks=(14[3-9]|1[5-9][0-9]|[2-9][0-9][0-9]|1000) total=1000$' "$CT/b" || fail "read(7) loop: $(cat "$CT/b")"
}

c_input_limit_within() {
    head -c 500 /dev/zero | tr '\0' 'q' >"$CT/data"
    req /inputlim/len --data-binary "@$CT/data"
    status 200
    body_has "len=500 "
}

c_input_limit_exceeded() {
    # LimitRequestBody 1000 and a 2000-byte Content-Length: Apache's 413.
    head -c 2000 /dev/zero | tr '\0' 'q' >"$CT/data"
    req /inputlim/len --data-binary "@$CT/data"
    status 413
}

c_input_limit_chunked() {
    # The same limit on a chunked body is found while reading: the read fails.
    head -c 2000 /dev/zero | tr '\0' 'q' >"$CT/data"
    req /inputlim/len --data-binary "@$CT/data" -H 'Transfer-Encoding: chunked'
    status 413 400 500
    body_lacks "len=2000"
}

# ---- wsgi.errors, print(), sys.stderr -> the error log -------------------------

c_errors_write() {
    local m=m$RANDOM$RANDOM
    req "/errors/write?$m"
    status 200
    log_has "\[client 127\.0\.0\.1:[0-9]+\].*errors-write $m"
}

c_errors_writelines() {
    local m=m$RANDOM$RANDOM
    req "/errors/writelines?$m"
    status 200
    log_has "\[client 127\.0\.0\.1:[0-9]+\].*errors-writelines $m"
}

c_print_stdout() {
    local m=m$RANDOM$RANDOM
    req "/errors/print?$m"
    status 200
    log_has "\[client 127\.0\.0\.1:[0-9]+\].*print-stdout $m"
}

c_print_stderr() {
    local m=m$RANDOM$RANDOM
    req "/errors/stderr?$m"
    status 200
    log_has "\[client 127\.0\.0\.1:[0-9]+\].*print-stderr $m"
    log_has "stderr-write $m"
}

# ---- start_response --------------------------------------------------------------

c_sr_status_not_str() {
    req /sr/status_bytes
    status 500
    log_has 'TypeError'
}

c_sr_status_no_code() {
    req /sr/status_no_code
    status 500
    log_has 'ValueError'
}

c_sr_status_no_reason() {
    req /sr/status_no_reason
    status 500
    log_has 'ValueError'
}

c_sr_status_bad_code() {
    req /sr/status_bad_code
    status 500
    log_has 'ValueError'
}

c_sr_headers_not_list() {
    req /sr/headers_tuple
    status 500
    log_has 'TypeError'
}

c_sr_header_name_not_str() {
    req /sr/header_name_bytes
    status 500
    log_has 'TypeError'
}

c_sr_header_value_not_str() {
    req /sr/header_value_int
    status 500
    log_has 'TypeError'
}

c_sr_header_not_pair() {
    req /sr/header_not_pair
    status 500
    log_has 'TypeError|ValueError'
}

c_sr_header_crlf() {
    req /sr/header_crlf
    status 500
    hdr_lacks 'X-Injected'
    log_has 'ValueError'
}

c_sr_header_name_lf() {
    req /sr/header_lf_name
    status 500
    log_has 'ValueError'
}

c_sr_header_not_latin1() {
    req /sr/header_non_latin1
    status 500
    log_has 'ValueError|UnicodeEncodeError'
}

c_sr_hop_by_hop() {
    req /sr/hop_by_hop
    status 500
    log_has 'ValueError|TypeError'
}

c_sr_hop_by_hop_te() {
    req /sr/hop_by_hop_te
    status 500
    log_has 'ValueError|TypeError'
}

c_sr_retry_after_invalid() {
    # A rejected call sets nothing: calling again with valid values works.
    req /sr/retry
    status 200
    body_is "first call: ValueError"
}

c_sr_second_call_raises() {
    req /sr/second_call
    status 200
    body_has "second call raised"
}

c_sr_exc_info_before_headers() {
    # With exc_info and nothing sent yet, the new status and headers replace
    # the old ones.
    req /sr/exc_info_before
    status 503
    body_is "error page"
    hdr_lacks 'X-Dropped'
}

c_sr_exc_info_after_headers() {
    # With exc_info after the headers went out, start_response re-raises: the
    # connection is aborted and the original exception logged.
    req /sr/exc_info_after
    aborted
    body_has "part one;"
    body_lacks "not reached"
    log_has "KeyError: 'late-marker'"
}

c_sr_write_before_iterable() {
    req /sr/write
    status 200
    body_is "ABCD"
}

c_sr_custom_reason() {
    req /sr/custom_reason
    status 200
    grep -qx 'HTTP/1.1 200 Fine Thanks' "$CT/h" || fail "status line: $(head -1 "$CT/h")"
}

c_sr_app_404() {
    req /sr/not_found
    status 404
    body_is "app's own 404 page"
}

c_sr_201_location() {
    req /sr/created
    status 201
    hdr_has 'Location: (http://127\.0\.0\.1:[0-9]+)?/x/1$'
    body_is "made"
}

c_sr_204_no_body() {
    req /sr/no_content
    status 204
    body_empty
}

c_sr_repeated_headers() {
    req /sr/cookies
    status 200
    hdr_has 'Set-Cookie: a=1$'
    hdr_has 'Set-Cookie: b=2$'
    hdr_has 'X-Test: yes$'
}

c_sr_header_latin1_ok() {
    # Latin-1 is what header values may hold: the byte goes out as is.
    req /sr/latin1_value
    status 200
    LC_ALL=C grep -q $'^X-Latin: caf\xe9$' "$CT/h" || fail "header: $(grep -i '^X-Latin' "$CT/h" | od -c | head -2 | tr '\n' ' ')"
}

c_sr_never_called() {
    req /sr/never
    status 500
    log_has 'start_response|not (been )?started'
}

# ---- the response body -------------------------------------------------------------

c_body_list() {
    req /body/list
    status 200
    body_is "abc"
}

c_body_generator() {
    req /body/generator
    status 200
    body_is "gen-erated"
}

c_body_tuple() {
    req /body/tuple
    status 200
    body_is "tuple"
}

c_body_empty_items() {
    req /body/empty_items
    status 200
    body_is "ab"
}

c_body_empty() {
    req /body/empty
    status 200
    body_empty
}

c_body_large() {
    req /body/big
    status 200
    curl_ok
    [ "$(stat -c %s "$CT/b")" = 5242880 ] || fail "got $(stat -c %s "$CT/b") bytes, expected 5242880"
    [ "$(head -c 16 "$CT/b")" = 0123456789abcdef ] || fail "wrong content"
}

c_body_content_length_honoured() {
    req /body/length
    status 200
    hdr_has 'Content-Length: 11$'
    hdr_lacks 'Transfer-Encoding'
    body_is "hello world"
}

c_body_content_length_short() {
    # The app promised 100 bytes and sent 11: the client must see a truncated
    # response (not a complete one) and the log says why.
    req /body/length_short
    aborted
    log_has '[Cc]ontent.[Ll]ength'
}

c_body_content_length_long() {
    # The app promised 5 bytes and sent 10: only 5 go out, and the connection
    # stays usable for the next request.
    curl -sS --max-time "$TMAX" -w '%{http_code}:%{num_connects} ' "$U/body/length_long" -o "$CT/b1" \
        "$U/body/length_long" -o "$CT/b2" >"$CT/w" 2>"$CT/cerr" || fail "curl: $(cat "$CT/cerr") $(cat "$CT/w")"
    [ "$(cat "$CT/w")" = "200:1 200:0 " ] || fail "statuses/connections: $(cat "$CT/w")"
    for f in b1 b2; do
        [ "$(cat "$CT/$f")" = hello ] || fail "$f: $(head -c 100 "$CT/$f")"
    done
}

c_body_single_item_length() {
    req /body/single
    status 200
    hdr_has 'Content-Length: 5$'
    body_is "hello"
}

c_body_head() {
    # HEAD: the headers of a GET, no body bytes at all on the wire.
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || fail "cannot connect"
    printf 'HEAD /body/generator HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    timeout 5 cat <&3 >"$CT/raw"
    exec 3<&-
    head -1 "$CT/raw" | grep -q '^HTTP/1.1 200' || fail "status line: $(head -1 "$CT/raw")"
    local rest
    rest=$(sed -e '1,/^\r$/d' "$CT/raw" | head -c 100)
    [ -z "$rest" ] || fail "HEAD response has a body: '$rest'"
}

c_body_str_item() {
    req /body/str_item
    status 500
    log_has 'TypeError'
}

c_body_bytearray_item() {
    req /body/bytearray
    status 500
    log_has 'TypeError'
}

c_body_not_iterable() {
    req /body/none
    status 500
    log_has 'TypeError'
}

c_body_close_called() {
    req '/closing?close_ok'
    status 200
    body_is "item1;item2;item3;"
    wait_file "$ROOT/marks/close_ok"
    grep -q 'closed after 4' "$ROOT/marks/close_ok" || fail "marker: $(cat "$ROOT/marks/close_ok")"
}

c_body_close_on_error() {
    req '/closing/raise?close_err'
    aborted
    log_has 'RuntimeError: iterable-failed'
    wait_file "$ROOT/marks/close_err"
    grep -q 'closed after 2' "$ROOT/marks/close_err" || fail "marker: $(cat "$ROOT/marks/close_err")"
}

c_body_streamed_incrementally() {
    # The first part arrives long before the generator produces the second
    # (it sleeps 1.2 s in between); a buffered body would bring both at once.
    curl -sN --max-time "$TMAX" "$U/slow" | {
        IFS= read -r line
        echo "$line $(now_ms)"
        IFS= read -r line
        echo "$line $(now_ms)"
    } >"$CT/r"
    local first second
    first=$(sed -n 1p "$CT/r")
    second=$(sed -n 2p "$CT/r")
    [ "${first%% *}" = first ] || fail "first line: $first"
    [ "${second%% *}" = second ] || fail "second line: $second"
    [ $((${second##* } - ${first##* })) -ge 800 ] ||
        fail "the parts arrived $((${second##* } - ${first##* })) ms apart (the generator sleeps 1200 ms between them)"
}

c_body_disconnect_close() {
    # The client hangs up after 4 KiB: the server stops iterating and calls
    # close() well before the iterable's 1000 items are done.
    curl -sN --max-time 10 "$U/drip?disc_cls" 2>/dev/null | head -c 4096 >/dev/null
    wait_file "$ROOT/marks/disc_cls" 6 " (close() not called after the client went away)"
    local n
    n=$(sed -n 's/closed after \([0-9]*\)/\1/p' "$ROOT/marks/disc_cls")
    [ "${n:-1000}" -lt 500 ] || fail "iterated $n items after the client left"
}

c_body_disconnect_generator() {
    curl -sN --max-time 10 "$U/drip/generator?disc_gen" 2>/dev/null | head -c 4096 >/dev/null
    wait_file "$ROOT/marks/disc_gen" 6 " (generator not closed after the client went away)"
    local n
    n=$(sed -n 's/finally after \([0-9]*\)/\1/p' "$ROOT/marks/disc_gen")
    [ "${n:-1000}" -lt 500 ] || fail "iterated $n items after the client left"
}

c_file_wrapper() {
    req /fw
    status 200
    cmp -s "$CT/b" "$ROOT/apps/data.bin" || fail "body differs from the file ($(stat -c %s "$CT/b") bytes)$(seen)"
}

c_file_wrapper_length() {
    # The app's Content-Length of 100 is honoured for a wrapped file too.
    req /fw/length
    status 200
    curl_ok
    hdr_has 'Content-Length: 100$'
    head -c 100 "$ROOT/apps/data.bin" | cmp -s - "$CT/b" || fail "body is not the file's first 100 bytes$(seen)"
}

c_file_wrapper_filelike() {
    req /fw/filelike
    status 200
    [ "$(stat -c %s "$CT/b")" = 20010 ] || fail "got $(stat -c %s "$CT/b") bytes, expected 20010$(seen)"
    body_has "file-like:zzzz"
}

# ---- exceptions --------------------------------------------------------------------

c_exc_before_headers() {
    req /exc/before
    status 500
    log_has 'Traceback \(most recent call last\)'
    log_has 'exceptions\.wsgi'
    log_has 'ValueError: boom-before-headers'
}

c_exc_after_start_response() {
    req /exc/after_start
    status 500
    log_has 'ValueError: boom-after-start-response'
}

c_exc_in_first_next() {
    # Headers wait for the first body bytes, so this still becomes a 500.
    req /exc/first_next
    status 500
    log_has 'LookupError: boom-in-first-next'
}

c_exc_after_headers() {
    req /exc/after
    aborted
    body_has "xxxxxxxxxx"
    log_has 'Traceback \(most recent call last\)'
    log_has 'RuntimeError: boom-after-headers'
}

c_exc_sys_exit() {
    # SystemExit in an application ends the request, never the child.
    req /exc/exit
    status 500
    log_has 'SystemExit'
    req /exc/ok
    status 200
    body_is "no failure"
}

c_exc_recursion() {
    req /exc/recursion
    status 500
    log_has 'RecursionError'
    req /exc/ok
    status 200
}

c_app_syntax_error() {
    req /syntax
    status 500
    log_has 'SyntaxError'
}

c_app_no_callable() {
    # mod_wsgi answers 404 here, a 500 says it as well.
    req /nocallable
    status 500 404
    log_has 'application'
}

c_app_import_error() {
    req /importerror
    status 500
    log_has "ModuleNotFoundError.*no_such_module_pyl_test"
}

c_app_missing_script() {
    req /missing
    status 404
}

# ---- mounting and directives -------------------------------------------------------

c_scriptalias_file() {
    req /who/a/b
    status 200
    body_is "SCRIPT_NAME='/who' PATH_INFO='/a/b'"
}

c_scriptalias_segment_boundary() {
    # /who does not mount /whoami.
    req /whoami
    status 404
}

c_scriptalias_dir() {
    req /dir/who.wsgi/x/y
    status 200
    body_is "SCRIPT_NAME='/dir/who.wsgi' PATH_INFO='/x/y'"
}

c_scriptalias_dir_missing() {
    req /dir/nothere.wsgi
    status 404
}

c_scriptaliasmatch() {
    req /m/who/x/y
    status 200
    body_is "SCRIPT_NAME='/m/who' PATH_INFO='/x/y'"
}

c_sethandler() {
    req /sh/who.py/x
    status 200
    body_is "SCRIPT_NAME='/sh/who.py' PATH_INFO='/x'"
}

c_addhandler() {
    req /ah/who.wsgi
    status 200
    body_is "SCRIPT_NAME='/ah/who.wsgi' PATH_INFO=''"
    req /ah/plain.txt
    status 200
    body_is $'plain text\n'
}

c_pylpath() {
    req /pylpath
    status 200
    body_is "one two"
}

c_reload_changed_script() {
    # PylScriptReloading is On by default: after the file changes, every
    # request (whichever child and VM serves it) runs the new version.
    local i
    for i in $(seq 1 12); do
        req "/reload?$i"
        status 200
        body_is "version-1"
    done
    replace_app reload.wsgi reload_v2.wsgi
    for i in $(seq 1 12); do
        req "/reload?$i"
        status 200
        body_is "version-2 (changed)"
    done
}

c_reload_under_load() {
    # 300 requests, 8 at a time; the script changes in the middle. Every
    # request must succeed with one version or the other; afterwards only the
    # new version answers.
    mkdir -p "$CT/r"
    curl -s --max-time 30 --parallel --parallel-max 8 "$U/reloadc?i=[1-300]" -o "$CT/r/#1" \
        -w '%{http_code}\n' >"$CT/codes" 2>"$CT/cerr" &
    local pid=$! i
    for i in $(seq 1 100); do
        [ "$(ls "$CT/r" | wc -l)" -ge 40 ] && break
        sleep 0.05
    done
    replace_app reloadc.wsgi reload_v2.wsgi
    wait $pid
    [ "$(grep -c '^200$' "$CT/codes")" = 300 ] ||
        fail "$(grep -vc '^200$' "$CT/codes") of 300 requests failed: $(sort "$CT/codes" | uniq -c | tr '\n' ' ')"
    local v1=0 v2=0 f body
    for f in "$CT"/r/*; do
        IFS= read -r body <"$f"
        case $body in
        version-1) v1=$((v1 + 1)) ;;
        "version-2 (changed)") v2=$((v2 + 1)) ;;
        *) fail "$(basename "$f"): unexpected body '$(head -c 80 "$f")'" ;;
        esac
    done
    [ $((v1 + v2)) = 300 ] || fail "only $((v1 + v2)) bodies"
    [ $v2 -gt 0 ] || fail "the change was not seen during the run ($v1 old answers)"
    for i in $(seq 1 10); do
        req "/reloadc?after$i"
        body_is "version-2 (changed)"
    done
}

c_reload_broken_then_fixed() {
    # A broken new version gives 500 and a logged SyntaxError; the next fixed
    # version is served again without a restart.
    req /reloadb
    body_is "version-1"
    replace_app reloadb.wsgi syntax_error.wsgi
    req /reloadb
    status 500
    log_has 'SyntaxError'
    replace_app reloadb.wsgi reload_v2.wsgi
    req /reloadb
    status 200
    body_is "version-2 (changed)"
}

c_keepalive_1000() {
    # 1,000 requests over at most 50 keep-alive connections, all answered right.
    mkdir -p "$CT/r"
    curl -s --max-time 30 --parallel --parallel-max 50 "$U/count?i=[1-1000]" -o "$CT/r/#1" \
        -w '%{http_code} %{num_connects}\n' >"$CT/codes" 2>"$CT/cerr"
    local ok conns bad body i
    ok=$(grep -c '^200 ' "$CT/codes")
    [ "$ok" = 1000 ] || fail "$ok of 1000 answered 200: $(cut -d' ' -f1 "$CT/codes" | sort | uniq -c | tr '\n' ' ')"
    conns=$(awk '{s += $2} END {print s}' "$CT/codes")
    [ "$conns" -le 100 ] || fail "$conns connections for 1000 requests (keep-alive not used)"
    bad=$(for i in $(seq 1 1000); do
        body=
        IFS= read -r body <"$CT/r/$i"
        [ "$body" = "ok i=$i" ] || echo "$i"
    done 2>/dev/null | head -3)
    [ -z "$bad" ] || fail "wrong bodies, e.g. request $bad: '$(head -c 60 "$CT/r/${bad%%$'\n'*}" 2>/dev/null)'"
}
