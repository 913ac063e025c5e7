# t/cgi/httpd.sh — the cases that need a web server: one private Apache httpd
# (t/cgi/httpd.conf.in: its own ServerRoot under $T, 127.0.0.1, a free port)
# with mod_cgid for CGI and mod_pyl for the comparison, stopped on every exit
# (CLEANUPS). Sourced by t/cgi/run; each h_NAME function is one case.

HTTPD=/usr/sbin/apache2
MODDIR=/usr/lib/apache2/modules
MODULE=$BUILD/mod_pyl.so
PY3=/usr/bin/python3
ROOT=$T/httpd
TMAX=10 # seconds any one request may take

httpd_skip() {
    echo "SKIP cgi/httpd: $1"
}

# A module built with ASan needs its runtime loaded first (httpd itself leaks
# at exit by design: no leak reports from it). The CGI programs do not inherit
# LD_PRELOAD: an ASan pyl carries its runtime.
PRELOAD=
if nm -D "$MODULE" 2>/dev/null | grep -q '__asan_init'; then
    PRELOAD=$(gcc -print-file-name=libasan.so)
fi
apache() {
    if [ -n "$PRELOAD" ]; then
        timeout 20 env LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 "$HTTPD" "$@"
    else
        timeout 20 "$HTTPD" "$@"
    fi
}

stop_httpd() {
    local pid i
    [ -f "$ROOT/run/httpd.pid" ] || return 0
    pid=$(cat "$ROOT/run/httpd.pid" 2>/dev/null)
    case $pid in '' | *[!0-9]*) return 0 ;; esac
    apache -d "$ROOT" -f "$ROOT/httpd.conf" -k stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" "$pid" 2>/dev/null
    rm -f "$ROOT/run/httpd.pid"
}

pick_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 30000))
        [ -z "$(ss -Hltn "sport = :$p" 2>/dev/null)" ] && break
    done
    echo "$p"
}

# The ServerRoot: t/wsgi's applications made CGI programs by a first line
# "#!BUILD/pyl --cgi" (mod_pyl reads it as a comment), and the plain scripts of
# t/cgi/scripts twice, under "#!BUILD/pyl" and under "#!/usr/bin/python3".
make_root() {
    local f name
    mkdir -p "$ROOT/run" "$ROOT/logs" "$ROOT/apps" "$ROOT/htdocs/ah" "$ROOT/pyl-bin" "$ROOT/py3-bin"
    cp -R "$HERE/../wsgi/apps/." "$ROOT/apps/"
    yes 'file wrapper data line' | head -c 204800 >"$ROOT/apps/data.bin"
    grep -rl '@ROOT@' "$ROOT/apps" | xargs -r sed -i "s|@ROOT@|$ROOT|g"
    for f in "$ROOT"/apps/*.wsgi; do
        { echo "#!$PYL --cgi"; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
        chmod 755 "$f"
    done
    for f in "$HERE"/scripts/*.py; do
        name=$(basename "$f")
        { echo "#!$PYL"; cat "$f"; } >"$ROOT/pyl-bin/$name"
        { echo "#!$PY3"; cat "$f"; } >"$ROOT/py3-bin/$name"
    done
    cp "$ROOT/pyl-bin/hello.py" "$ROOT/htdocs/ah/hello.py"
    chmod 755 "$ROOT"/pyl-bin/* "$ROOT"/py3-bin/* "$ROOT/htdocs/ah/hello.py"
    chmod -R a+rX "$ROOT"
    sed -e "s|@ROOT@|$ROOT|g" -e "s|@PORT@|$PORT|g" -e "s|@MODDIR@|$MODDIR|g" \
        -e "s|@MODULE@|$MODULE|g" "$HERE/httpd.conf.in" >"$ROOT/httpd.conf"
    echo "PylPath $ROOT/apps/lib1:$ROOT/apps/lib2" >>"$ROOT/httpd.conf"
}

# Start httpd and wait until it answers; 0 or 1. Retries once on another port
# (someone may have taken ours).
start_httpd() {
    local _try _i
    for _try in 1 2; do
        PORT=$(pick_port)
        rm -rf "$ROOT"
        make_root
        if apache -d "$ROOT" -f "$ROOT/httpd.conf" -k start >"$T/start.log" 2>&1; then
            for _i in $(seq 1 100); do
                curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/" && return 0
                sleep 0.1
            done
        fi
        stop_httpd
    done
    return 1
}

# req NAME URL-PATH [CURL-ARGS...]: one request; the response in $T/NAME.resp,
# split into STATUS / HEAD / BODY.
req() {
    local name=$1 path=$2
    shift 2
    curl -s -i --max-time "$TMAX" -H 'Expect:' "$@" "http://127.0.0.1:$PORT$path" >"$T/$name.resp"
    ST=$?
    split_response "$T/$name.resp"
}

# The headers both gateways should agree on: the application's own (not the
# ones the server adds or computes), values of a repeated name joined with ", ".
app_headers() {
    printf '%s\n' "$1" | awk -F': ' 'BEGIN { IGNORECASE = 1 }
        tolower($1) ~ /^(date|server|connection|keep-alive|transfer-encoding|content-length|vary|accept-ranges|etag|last-modified)$/ { next }
        NF >= 1 && $1 != "" { k = tolower($1); v = substr($0, length($1) + 3);
            if (k in h) h[k] = h[k] ", " v; else { h[k] = v; order[++n] = k } }
        END { for (i = 1; i <= n; i++) print order[i] ": " h[order[i]] }' | sort
}

# same APP-PATH [full|status] [CURL-ARGS...]: GET (or what the curl args say)
# /cgi/APP-PATH (pyl --cgi) and /pyl/APP-PATH (mod_pyl); the statuses must be
# equal, and with "full" the application's headers and the bodies too.
same() {
    local path=$1 how=$2
    shift 2
    req cgi "/cgi/$path" "$@"
    local s1=$STATUS h1 b1=$BODY
    h1=$(app_headers "$HEAD")
    req pyl "/pyl/$path" "$@"
    local s2=$STATUS h2 b2=$BODY
    h2=$(app_headers "$HEAD")
    if [ "$s1" != "$s2" ]; then
        echo "status: CGI '$s1', mod_pyl '$s2'"
        return 1
    fi
    [ "$how" = full ] || return 0
    if [ "$h1" != "$h2" ]; then
        echo "headers: CGI '$(printf '%s' "$h1" | tr '\n' '|')', mod_pyl '$(printf '%s' "$h2" | tr '\n' '|')'"
        return 1
    fi
    if [ "$b1" != "$b2" ]; then
        echo "body: CGI '$(printf '%s' "$b1" | head -c 150)', mod_pyl '$(printf '%s' "$b2" | head -c 150)'"
        return 1
    fi
    if ! cmp -s <(sed '1,/^\r*$/d' "$T/cgi.resp") <(sed '1,/^\r*$/d' "$T/pyl.resp"); then
        echo "bodies differ in their bytes (e.g. trailing newlines)"
        return 1
    fi
}

# both NAME PATH [CURL-ARGS...]: the plain script NAME under #!pyl and under
# #!python3 must give the same status, headers and body.
both() {
    local path=$1
    shift
    req pyl "/pyl-bin/$path" "$@"
    local s1=$STATUS h1 b1=$BODY
    h1=$(app_headers "$HEAD")
    req py3 "/py3-bin/$path" "$@"
    BODY=${BODY//\/py3-bin\//\/pyl-bin\/}
    h2=$(app_headers "$HEAD")
    [ "$s1" = "$STATUS" ] || { echo "status: pyl '$s1', python3 '$STATUS'"; return 1; }
    [ "$h1" = "$h2" ] || { echo "headers: pyl '$(printf '%s' "$h1" | tr '\n' '|')', python3 '$(printf '%s' "$h2" | tr '\n' '|')'"; return 1; }
    [ "$b1" = "$BODY" ] || { echo "body: pyl '$(printf '%s' "$b1" | head -c 300)', python3 '$(printf '%s' "$BODY" | head -c 300)'"; return 1; }
    BODY=$b1
}

# ---- plain CGI scripts --------------------------------------------------------------------

h_script_get() {
    both "hello.py?name=Ada&color=red&color=blue" && want_status "200 OK" &&
        want_body_has "Hello, Ada!" && want_body_has "colors=['red', 'blue']" &&
        want_body_has "has name: True, has age: False"
}

h_script_path_info() {
    both "hello.py/extra/path" && want_body_has "Hello, world!" &&
        want_body_has "script=/pyl-bin/hello.py path_info=/extra/path"
}

h_script_add_handler() {
    req ah "/ah/hello.py?name=Handler"
    want_status "200 OK" && want_header "X-Script: hello" && want_body_has "Hello, Handler!"
}

h_script_form_post() {
    both "form.py?tag=from-query" --data-urlencode "name=Zoë & Co" --data "tag=a&tag=b&empty=" &&
        want_status "200 OK" && want_body_has "name='Zoë & Co'" &&
        want_body_has "tag=['a', 'b', 'from-query']" && want_body_has "first tag: 'a'" &&
        want_body_has "missing: 'default'"
}

h_script_upload() {
    head -c 100000 /dev/urandom >"$T/upload.bin"
    printf 'line one\r\nline two\n' >"$T/notes.txt"
    both upload.py -F "title=Report été" -F "doc=@$T/notes.txt;type=text/plain" \
        -F "blob=@$T/upload.bin;type=application/octet-stream" -F "title=second" &&
        want_status "200 OK" && want_body_has "keys: ['blob', 'doc', 'title']" &&
        want_body_has "blob: file 'upload.bin', application/octet-stream, 100000 bytes" &&
        want_body_has "doc: file 'notes.txt', text/plain, 19 bytes" &&
        want_body_has "title: 'Report été'" && want_body_has "title: 'second'"
}

h_script_status() {
    both "status.py/missing/page" && want_status "404 Not Found" &&
        want_header "X-Path-Info: /missing/page" && want_body "nothing at /missing/page"
}

h_script_cgitb() {
    req tb /pyl-bin/tb.py
    want_status "200 OK" && want_header "Content-Type: text/html" &&
        want_body_has "<p>before the error</p>" && want_body_has "ValueError" &&
        want_body_has "broken on purpose 42" && want_body_has "in <strong>inner</strong>" &&
        want_body_has 'raise ValueError("broken on purpose %d" % n)' || return 1
    # CPython's page names the same exception and message
    req tb3 /py3-bin/tb.py
    want_status "200 OK" && want_body_has "ValueError" && want_body_has "broken on purpose 42"
}

h_script_cgitb_before_headers() {
    req tbe /pyl-bin/tb_early.py
    want_status "200 OK" && want_header "Content-Type: text/html; charset=utf-8" && want_body_has "KeyError" &&
        want_body_has "no-such-key"
}

h_script_wsgiref_get() {
    both "wsgiref_app.py/p/q" && want_status "200 OK" && want_header "X-App: wsgiref" &&
        want_body "method=GET body= flags=(True, False, True) path=/p/q"
}

h_script_wsgiref_post() {
    both wsgiref_app.py --data-binary 'posted data' && want_status "200 OK" &&
        want_body "method=POST body=posted data flags=(True, False, True) path="
}

# ---- WSGI applications: `pyl --cgi` against mod_pyl ------------------------------------

h_wsgi_hello() { same hello.wsgi full && want_body "Hello, world!"; }
h_wsgi_body_list() { same body.wsgi/list full && want_body "abc"; }
h_wsgi_body_generator() { same body.wsgi/generator full && want_body "gen-erated"; }
h_wsgi_body_tuple() { same body.wsgi/tuple full; }
h_wsgi_body_empty_items() { same body.wsgi/empty_items full; }
h_wsgi_body_empty() { same body.wsgi/empty full; }
h_wsgi_body_length() { same body.wsgi/length full; }
h_wsgi_body_single() { same body.wsgi/single full; }
h_wsgi_body_big() { same body.wsgi/big full && [ "${#BODY}" -eq 5242880 ] || { echo "big body: ${#BODY} bytes"; return 1; }; }
h_wsgi_body_str_item() { same body.wsgi/str_item status && want_status "500 Internal Server Error"; }
h_wsgi_sr_retry() { same start_response.wsgi/retry full; }
h_wsgi_sr_second_call() { same start_response.wsgi/second_call full; }
h_wsgi_sr_exc_info_before() { same start_response.wsgi/exc_info_before full && want_status "503 Service Unavailable"; }
h_wsgi_sr_write() { same start_response.wsgi/write full; }
h_wsgi_sr_custom_reason() { same start_response.wsgi/custom_reason full && want_status "200 Fine Thanks"; }
h_wsgi_sr_not_found() { same start_response.wsgi/not_found full && want_status "404 Not Found"; }
h_wsgi_sr_created() { same start_response.wsgi/created full && want_status "201 Created"; }
h_wsgi_sr_no_content() { same start_response.wsgi/no_content full && want_status "204 No Content"; }
h_wsgi_sr_cookies() { same start_response.wsgi/cookies full; }
h_wsgi_sr_latin1_value() { same start_response.wsgi/latin1_value full; }
h_wsgi_sr_never() { same start_response.wsgi/never status && want_status "500 Internal Server Error"; }
h_wsgi_input_read() { same input.wsgi/read full --data-binary 'line1
line2
tail'; }
h_wsgi_input_read_n() { same input.wsgi/read_n full --data-binary 'abcdefghijklmnop'; }
h_wsgi_input_readline() { same input.wsgi/readline full --data-binary $'a\nbb\n\nccc'; }
h_wsgi_input_readline_n() { same input.wsgi/readline_n full --data-binary $'abcdef\nxy\nlast'; }
h_wsgi_input_readlines() { same input.wsgi/readlines full --data-binary $'1\n22\n333\n'; }
h_wsgi_input_readlines_hint() { same input.wsgi/readlines_hint full --data-binary $'1\n22\n333\n'; }
h_wsgi_input_iter() { same input.wsgi/iter full --data-binary $'x\ny\nz'; }
h_wsgi_input_eof() { same input.wsgi/eof full --data-binary 'all of it'; }
h_wsgi_input_get() { same input.wsgi/read full; }
h_wsgi_errors_write() { same errors.wsgi/write full && want_body "logged"; }
h_wsgi_errors_print() {
    # print() goes to the error log under both gateways, never into the body
    same "errors.wsgi/print?cgi-print-marker" full && want_body "logged" &&
        grep -q "print-stdout cgi-print-marker" "$ROOT/logs/error.log" ||
        { echo "no print-stdout line in the error log"; return 1; }
}
h_wsgi_exception_before() {
    same exceptions.wsgi/before status && want_status "500 Internal Server Error" &&
        grep -q "boom-before-headers" "$ROOT/logs/error.log" ||
        { echo "no traceback in the error log"; return 1; }
}
h_wsgi_exception_after_start() { same exceptions.wsgi/after_start status && want_status "500 Internal Server Error"; }
h_wsgi_exception_first_next() { same exceptions.wsgi/first_next status && want_status "500 Internal Server Error"; }
h_wsgi_no_callable() { same no_callable.wsgi status && want_status "500 Internal Server Error"; }
h_wsgi_syntax_error() { same syntax_error.wsgi status && want_status "500 Internal Server Error"; }
h_wsgi_pylpath() { same pylpath.wsgi full; }
h_wsgi_file_wrapper() { same filewrapper.wsgi full && want_body_has "file wrapper data line"; }
h_wsgi_file_wrapper_length() { same filewrapper.wsgi/length full && [ "${#BODY}" -eq 100 ] || { echo "body of ${#BODY} bytes"; return 1; }; }
h_wsgi_file_wrapper_filelike() { same filewrapper.wsgi/filelike full && want_body_has "file-like:zzz"; }

h_wsgi_cgi_environ() {
    # what only CGI says: one request per process
    req envc /cgi/env.wsgi
    want_status "200 OK" && want_body_has "wsgi.run_once=True" &&
        want_body_has "wsgi.multiprocess=True" && want_body_has "wsgi.multithread=False" &&
        want_body_has "SCRIPT_NAME='/cgi/env.wsgi'" && want_body_has "NONSTR=[]" &&
        want_body_has "STREAMS=(True, True, True)"
}

z_httpd_no_crash() {
    # after every other case: no child crashed: no "exit signal" in the error log
    if grep -E "exit signal|AddressSanitizer|LeakSanitizer|runtime error" "$ROOT/logs/error.log"; then
        return 1
    fi
}

run_httpd_cases() {
    if [ ! -x "$HTTPD" ] || [ ! -f "$MODDIR/mod_cgid.so" ]; then
        httpd_skip "Apache httpd with mod_cgid is not installed"
    elif [ ! -f "$MODULE" ]; then
        httpd_skip "$MODULE is not built"
    elif ! command -v curl >/dev/null || ! command -v ss >/dev/null; then
        httpd_skip "curl or ss is missing"
    elif [ ! -x "$PY3" ]; then
        httpd_skip "$PY3 is missing"
    else
        CLEANUPS+=(stop_httpd)
        if start_httpd; then
            run_cases h
            run_cases z
        else
            echo "FAIL cgi/httpd_start: httpd did not start: $(tail -n 3 "$T/start.log" "$ROOT/logs/error.log" 2>/dev/null | tr '\n' ' ' | cut -c1-300)"
            fail=$((fail + 1))
        fi
        stop_httpd
    fi
}
run_httpd_cases
