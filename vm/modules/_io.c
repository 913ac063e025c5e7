/* _io.c — the native half of the io module: the file types open() makes
 * (vm/fileio.c), and io.UnsupportedOperation. lib/io.py adds the
 * in-memory streams (BytesIO, StringIO) and the abstract base classes. */
#include "vm/core.h"
#include "vm/fileio.h"

static const PylMethodDef io_methods[] = {
    PYL_METHOD_END,
};

static int io_init(PylThread *t, PylObject *m)
{
    PylObject *unsupported = pyl_file_unsupported_class(t);
    if (unsupported == NULL ||
        pyl_module_add(t, m, "UnsupportedOperation", pyl_incref(unsupported)) < 0 ||
        pyl_module_add(t, m, "TextIOWrapper", pyl_incref((PylObject *)PYL_TYPE(t, TEXTIO))) < 0 ||
        pyl_module_add(t, m, "BufferedReader", pyl_incref((PylObject *)PYL_TYPE(t, BUFFEREDIO))) <
            0 ||
        pyl_module_add(t, m, "DEFAULT_BUFFER_SIZE", pyl_int_from_ssize(t, 8192)) < 0) {
        return -1;
    }
    return 0;
}

const PylModuleDef pyl_module__io = {"_io", io_methods, io_init,
                                     "The file types of open() and io.UnsupportedOperation."};
