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
    char *wbuf;          /* write buffer: wbuf[0..wlen) not yet written */
    intptr_t wlen, wcap;
    bool eof;
    bool pending_cr;     /* text read: a '\r' ended the last chunk */
    PylObject *dict;
} PylFile;

/* A file object over fd (takes ownership when closefd). */
PYL_INTERNAL PylObject *pyl_file_from_fd(PylThread *t, int fd, const char *name, const char *mode,
                                         bool closefd, bool line_buffered);
/* open(...) */
PYL_INTERNAL PylObject *pyl_file_open(PylThread *t, PylObject *const *args, intptr_t nargs,
                                      PylObject *kwnames);
/* Write UTF-8 text to a text file object (fast path for print). -1 + exception. */
PYL_INTERNAL int pyl_file_write_utf8(PylThread *t, PylObject *file, const char *s, intptr_t n);
/* file.write(s) for our file objects (encoding, errors and all). */
PYL_INTERNAL int pyl_file_write_str(PylThread *t, PylObject *file, PylObject *s);
PYL_INTERNAL int pyl_file_flush(PylThread *t, PylObject *file);
/* Read one line (text: str with its newline; NULL + no exception at EOF... returns "" ) */
PYL_INTERNAL PylObject *pyl_file_readline(PylThread *t, PylObject *file, intptr_t limit);

#endif
