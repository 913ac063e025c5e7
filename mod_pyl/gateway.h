/* gateway.h — the part of a WSGI gateway that does not depend on the server:
 * start_response's state machine, the validation of status lines and response
 * headers (PEP 3333), body chunks, the error page, and the objects a request
 * hands to the application (wsgi.input, start_response, write,
 * wsgi.file_wrapper) with the loop that sends the response body. mod_pyl
 * (Apache) and the CGI gateway (`pyl --cgi`, issue #6) share it, so it uses
 * vm/pyl.h alone: no Apache, no APR. What differs between the two servers
 * (where body bytes come from and go to, how messages are logged) is a table
 * of callbacks, PylGwServer.
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

/* Make *buf (malloc'd, *cap bytes; NULL and 0 at first) hold at least need
 * bytes, doubling from first (a power of two). 0, or -1 when out of memory
 * (*buf unchanged). */
int pyl_gw_grow(char **buf, size_t *cap, size_t need, size_t first);

/* The name a WSGI script at path is imported under ("_pyl_app_" and a 64-bit
 * FNV-1a hash of the path, so one path is one module): into out (NUL-terminated,
 * cut to size; 64 bytes are enough). */
void pyl_gw_module_name(const char *path, char *out, size_t size);

/* ---- one request ---------------------------------------------------------------------- */

/* The request body as wsgi.input sees it: a buffer that the server's fill
 * callback appends to, and that read / readline take from.
 *
 *     buf:  [ taken ... | start ... end: buffered, not yet read | ... cap ]
 *
 * After eof (the body ended, or reading it failed: then error is the HTTP
 * status to answer with, e.g. 400) fill is not called again. */
typedef struct PylGwInput {
    char *buf; /* malloc'd, NULL until the first fill */
    size_t start, end, cap;
    int eof;
    int error;
} PylGwInput;

/* Room for n more bytes at in->buf + in->end (the buffer compacted or grown);
 * the fill callback writes there and adds what it wrote to in->end. NULL with
 * MemoryError. */
char *pyl_gw_input_space(PylVM *vm, PylGwInput *in, size_t n);

/* What a server does for the shared request code; ctx is the server's own
 * request state (PylGwRequest.ctx). */
typedef struct PylGwServer {
    /* Read more of the body into in (pyl_gw_input_space), about want bytes
     * (8 KiB to 1 MiB). 0, with in->eof set at the end of the body; or -1 with
     * an exception, in->eof set and in->error the HTTP status to answer with. */
    int (*fill)(void *ctx, PylGwInput *in, size_t want);
    /* Commit the status and headers of the request's resp (started); must call
     * pyl_gw_mark_sent. 0, or -1 with an exception. */
    int (*headers)(void *ctx);
    /* Queue n body bytes (borrowed: the caller keeps them alive until the next
     * send or the end of the request). 0, or -1 with an exception. */
    int (*body)(void *ctx, const char *data, size_t n);
    /* Send what is queued now (write(), an item of a streamed body). 0, or -1
     * (no exception) when the client is gone: the rest is dropped. */
    int (*send)(void *ctx);
    /* Optional (NULL: iterate): send the whole body from the file a file
     * wrapper returned by the application wraps (start_response was called).
     * 1 sent, 0 not possible (iterate instead), -1 with an exception. */
    int (*send_file)(void *ctx, PylObject *filelike);
    /* One line for the error log (the server adds its prefix). */
    void (*note)(void *ctx, const char *msg);
    /* The application failed, what says how ("exception", "exception in
     * close()", "error"); the exception is pending: log it, clear it and
     * decide the answer (an error page, a cut response). */
    void (*fail)(void *ctx, const char *what);
    /* Log the pending exception after a line saying what, and clear it. */
    void (*log_exception)(void *ctx, const char *what);
} PylGwServer;

/* The native classes of the objects given to an application, made once per
 * VM: wsgi.input, start_response, the write callable it returns, the objects
 * wsgi.file_wrapper returns, and wsgi.file_wrapper itself. */
typedef struct PylGwTypes {
    PylObject *input, *start, *write, *wrapper, *file_wrapper; /* owned */
} PylGwTypes;

/* Make the five classes in vm, named names[0..5) in the order of the fields
 * ("module.Name"; string literals: they must outlive the VM). 0, or -1 with an
 * exception (the ones made are released). */
int pyl_gw_types_init(PylVM *vm, PylGwTypes *types, const char *const names[5]);
void pyl_gw_types_clear(PylVM *vm, PylGwTypes *types);

#define PYL_GW_OWNED 16 /* objects a request keeps without allocating */

/* The server-independent state of one request, on the server's C stack. The
 * native objects given to the application point at it (or into the server's
 * state); pyl_gw_request_end points them at NULL, so an application that kept
 * one gets an exception instead of a dangling pointer. */
typedef struct PylGwRequest {
    PylVM *vm;
    const PylGwServer *srv;
    void *ctx;
    const PylGwTypes *types;
    PylGwResponse resp;
    PylGwInput in;
    int64_t body_sent; /* body bytes queued so far (cut to Content-Length) */
    int cut;           /* more body than Content-Length was dropped (noted once) */
    PylObject *write;  /* what start_response returns; borrowed from owned */
    /* the native objects pointing here and the objects they borrow (owned) */
    PylObject *owned[PYL_GW_OWNED];
    int nowned;
    PylObject **extra; /* past PYL_GW_OWNED (file wrappers and their files) */
    size_t nextra, capextra;
    struct PylGwFileWrap *wraps; /* the file wrappers' state, freed at the end */
} PylGwRequest;

/* Start a request (g is overwritten). types and srv must outlive it. */
void pyl_gw_request_init(PylGwRequest *g, PylVM *vm, const PylGwTypes *types,
                         const PylGwServer *srv, void *ctx);
/* End it: point every owned native object at NULL and release it, free the
 * buffers. */
void pyl_gw_request_end(PylGwRequest *g);

/* Keep o (a new reference, stolen) until the request ends. 0, or -1 with
 * MemoryError (o released). */
int pyl_gw_own(PylGwRequest *g, PylObject *o);
/* A native object of type holding data, also kept until the request ends (a
 * new reference), or NULL with an exception. */
PylObject *pyl_gw_native_new(PylGwRequest *g, PylObject *type, void *data);

/* Raise OSError "the request this object belonged to has ended" (what a native
 * object of a request does once its data is NULL); returns NULL. */
PylObject *pyl_gw_ended(PylVM *vm);

/* The application's result: the body sent (through the file's descriptor when
 * it is a file wrapper and the server can, else item by item), then
 * result.close(), then the check that start_response was called. The server
 * still sends the headers of an empty body and ends the response. 0 done, 1
 * the client went away (the rest was dropped), -1 the application failed
 * (already reported through srv->fail; close()'s own error after a failed body
 * through srv->log_exception). */
int pyl_gw_respond(PylGwRequest *g, PylObject *result);

#endif
