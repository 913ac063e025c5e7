# Cases of the noreload instance (conf/noreload.conf: PylScriptReloading Off).

setup() {
    cp "$ROOT/apps/reload_v1.wsgi" "$ROOT/apps/reload.wsgi"
}

c_reloading_off() {
    # The VM keeps the script it loaded, however the file changes.
    req /reload
    status 200
    body_is "version-1"
    replace_app reload.wsgi reload_v2.wsgi
    touch "$ROOT/apps/reload.wsgi"
    req /reload
    status 200
    body_is "version-1"
}
