/* cgi.h — `pyl --cgi APP`: run a WSGI application file as one CGI/1.1 request
 * (RFC 3875), with the gateway code mod_pyl uses (mod_pyl/gateway.h).
 */
#ifndef PYL_CLI_CGI_H
#define PYL_CLI_CGI_H

#include "vm/pyl.h"

/* Before the VM exists: keep the real standard output (the response) on a
 * private descriptor and point descriptor 1 at standard error, so that
 * whatever the application prints goes to the server's error log instead of
 * into the response. Returns the response descriptor, or -1 (with a message
 * on stderr). */
int pyl_cgi_prepare(void);

/* Serve the request described by the process environment and standard input
 * with the callable `application` of the file app_path; the response (Status:,
 * headers, blank line, body) goes to out_fd. Returns the process exit status:
 * 0 served (also an application's own error status), 1 the application failed
 * (a 500 or a cut response; the traceback went to stderr), 2 bad CGI input or
 * usage (a 400 / 500 response and a message on stderr). */
int pyl_cgi_run(PylVM *vm, const char *app_path, int out_fd);

#endif
