/* gateway.h — the part of a WSGI gateway that does not depend on the server:
 * start_response's state machine, the validation of status lines and response
 * headers (PEP 3333), body chunks, and the error page. mod_pyl (Apache) and the
 * CGI gateway (`pyl --cgi`, issue #6) share it, so it uses vm/pyl.h alone: no
 * Apache, no APR.
 *
 * A PylGwResponse is what the application told start_response, in the bytes
 * that go on the wire (Latin-1), validated:
 *
 *     status        200                    (100..999)
 *     status_line   "200 OK"               NUL-terminated
 *     headers[i]    name / value           NUL-terminated, no CR/LF, no hop-by-hop
 *     content_type  the Content-Type value, or NULL
 *     content_length the Content-Length value, or -1
 *
 * All strings live in one malloc'd block (`block`), replaced as a whole when
 * start_response is called again with exc_info and freed by
 * pyl_gw_response_clear.
 *
 * The state machine:
 *
 *     NEW --start_response--> STARTED --first body bytes--> SENT
 *      STARTED --start_response(exc_info)--> STARTED (status and headers replaced)
 *      STARTED --start_response(no exc_info)--> RuntimeError
 *      SENT    --start_response(exc_info)--> exc_info[1] re-raised
 *
 * `sent` is set by the server side (pyl_gw_mark_sent) when it commits the
 * headers: PEP 3333 wants that at the first non-empty body chunk (or write()),
 * or at the end of an empty body.
 */
#ifndef PYL_GATEWAY_H
#define PYL_GATEWAY_H

#include <stddef.h>
#include <stdint.h>

#include "vm/pyl.h"

typedef struct PylGwHeader {
    const char *name;
    const char *value;
} PylGwHeader;

typedef struct PylGwResponse {
    int started; /* start_response was called: the fields below are valid */
    int sent;    /* the headers were committed to the client */
    int status;
    const char *status_line;
    PylGwHeader *headers;
    size_t nheaders;
    const char *content_type;
    int64_t content_length;
    void *block;
} PylGwResponse;

/* An empty response state (NEW). */
void pyl_gw_response_init(PylGwResponse *resp);
/* Free what it holds (back to NEW). */
void pyl_gw_response_clear(PylGwResponse *resp);

/* start_response(status, response_headers, exc_info=None), with the arguments
 * a native function receives (borrowed; kwnames may name the three
 * parameters). Validates and stores the status and headers in resp, following
 * the state machine above. 0, or -1 with an exception set (TypeError for a
 * wrong type, ValueError for a malformed value, RuntimeError for a second call
 * without exc_info, or exc_info's exception re-raised). */
int pyl_gw_start_response(PylVM *vm, PylGwResponse *resp, PylObject *const *args, size_t nargs,
                          PylObject *kwnames);

/* Commit the headers (the server is about to send them). */
static inline void pyl_gw_mark_sent(PylGwResponse *resp)
{
    resp->sent = 1;
}

/* The bytes of a body chunk (what the iterable yields or write() gets): a
 * bytes object, nothing else (PEP 3333; mod_wsgi agrees). 0 and *data / *len
 * (borrowed from item), or -1 with TypeError ("str" is the usual mistake: the
 * message says to encode it). */
int pyl_gw_body_data(PylVM *vm, PylObject *item, const char **data, size_t *len);

/* How many of the n bytes of a chunk to send when `sent` bytes went out before
 * and the application declared content_length (-1: no limit): never more than
 * the declared length. */
static inline size_t pyl_gw_body_allowed(const PylGwResponse *resp, int64_t sent, size_t n)
{
    if (resp->content_length < 0) {
        return n;
    }
    int64_t left = resp->content_length - sent;
    return left <= 0 ? 0 : (uint64_t)left < n ? (size_t)left : n;
}

/* Is name (case-insensitive) a hop-by-hop header a WSGI application must not
 * set (Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, TE,
 * Trailer(s), Transfer-Encoding, Upgrade)? */
int pyl_gw_is_hop_by_hop(const char *name);

/* The reason phrase of an HTTP status ("Internal Server Error"), "" if unknown. */
const char *pyl_gw_reason(int status);

/* A small HTML error page for status into buf (NUL-terminated, cut to size):
 * what the CGI gateway sends when the application fails before its headers.
 * Returns the length it wrote. */
size_t pyl_gw_error_page(int status, char *buf, size_t size);

#endif
