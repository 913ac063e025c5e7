# Faulty directive values: httpd must refuse to start and name the file and
# line (t/wsgi/run's badconf: the last line given is the faulty one).

badconf bad_interpreters_zero 'PylScriptAlias /x @ROOT@/apps/hello.wsgi' 'PylInterpreters 0'
badconf bad_interpreters_word 'PylInterpreters many'
badconf bad_reloading_value 'PylScriptReloading Maybe'
badconf bad_pass_authorization_value 'PylPassAuthorization yes-please'
badconf bad_request_timeout 'PylRequestTimeout -5'
badconf bad_heap_limit 'PylHeapLimit lots'
badconf bad_max_requests 'PylMaxRequests x'
badconf bad_alias_match_regex 'PylScriptAliasMatch ^/x( @ROOT@/apps/hello.wsgi'
badconf bad_alias_arguments 'PylScriptAlias /only-one-argument'
badconf bad_callable_object_arguments 'PylCallableObject'
