/* fileio.h — file objects: open(), sys.stdin/stdout/stderr.
 *
 * One C type per kind of stream: textio (str in and out, UTF-8 by default,
 * universal newlines when reading) and bufferedio (bytes). Both sit directly on
 * a file descriptor with their own read and write buffers.
 */
#ifndef PYL_FILEIO_H
#define PYL_FILEIO_H

#include "vm/object.h"

typedef struct PylFile {
    PylObject ob;
    int fd;
    bool readable, writable, appending, closed, closefd, text, line_buffered, seekable;
    PylObject *name;     /* str or int */
    PylObject *mode;     /* str */
    PylObject *encoding; /* str (text only) */
    PylObject *errors;   /* str (text only) */
    char *rbuf;          /* read buffer: rbuf[rpos..rlen) not yet consumed */
    intptr_t rpos, rlen, rcap;
    char *wbuf; /* write buffer: wbuf[0..wlen) not yet written */
    intptr_t wlen, wcap;
    bool eof;
    uint8_t newline; /* text: PYL_NL_* (the newline argument of open) */
    uint8_t seen_nl; /* text: PYL_SEEN_* newline kinds read (for .newlines) */
    PylObject *dict;
    /* A std stream routed to an embedder's hook (fd is -1): what would be
     * written to the fd goes to hook(hook_ctx, data, n) instead. */
    void (*hook)(void *ctx, const char *data, size_t n);
    void *hook_ctx;
} PylFile;

/* newline=None: universal newlines, translated to \n on reading; newline='':
 * universal newlines, untranslated; '\n', '\r', '\r\n': lines end with that
 * string only, and writing '\n' writes it. */
enum { PYL_NL_UNIVERSAL, PYL_NL_UNTRANSLATED, PYL_NL_LF, PYL_NL_CR, PYL_NL_CRLF };
enum { PYL_SEEN_CR = 1, PYL_SEEN_LF = 2, PYL_SEEN_CRLF = 4 };

/* A file object over fd (takes ownership when closefd). */
PYL_INTERNAL PylObject *pyl_file_from_fd(PylThread *t, int fd, const char *name, const char *mode,
                                         bool closefd, bool line_buffered);
/* A write-only, line-buffered text stream whose output goes to hook(ctx, ...)
 * (sys.stdout / sys.stderr of an embedded VM). */
PYL_INTERNAL PylObject *pyl_file_from_hook(PylThread *t, void (*hook)(void *, const char *, size_t),
                                           void *ctx, const char *name);
/* open(...) */
PYL_INTERNAL PylObject *pyl_file_open(PylThread *t, PylObject *const *args, intptr_t nargs,
                                      PylObject *kwnames);
/* Write UTF-8 text to a text file object (fast path for print). -1 + exception. */
PYL_INTERNAL int pyl_file_write_utf8(PylThread *t, PylObject *file, const char *s, intptr_t n);
/* file.write(s) for our file objects (encoding, errors and all). */
PYL_INTERNAL int pyl_file_write_str(PylThread *t, PylObject *file, PylObject *s);
PYL_INTERNAL int pyl_file_flush(PylThread *t, PylObject *file);
/* io.UnsupportedOperation (made on first use, kept by the VM): borrowed, NULL +
 * exception on failure. */
PYL_INTERNAL PylObject *pyl_file_unsupported_class(PylThread *t);
/* Read one line (text: str with its newline; NULL + no exception at EOF... returns "" ) */
PYL_INTERNAL PylObject *pyl_file_readline(PylThread *t, PylObject *file, intptr_t limit);

#endif
