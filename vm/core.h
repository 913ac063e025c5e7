/* core.h — everything a runtime source file usually needs, in one include.
 * (vm/pyl.h is the public embedding API; this header is internal.) */
#ifndef PYL_CORE_H
#define PYL_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vm/object.h"
#include "vm/vm.h"
#include "vm/error.h"
#include "vm/mem.h"
#include "vm/args.h"
#include "vm/buf.h"
#include "vm/protocol.h"
#include "vm/type.h"
#include "vm/descr.h"
#include "vm/cfunction.h"
#include "vm/module.h"
#include "vm/exceptions.h"
#include "vm/int.h"
#include "vm/float.h"
#include "vm/complex.h"
#include "vm/str.h"
#include "vm/bytes.h"
#include "vm/tuple.h"
#include "vm/list.h"
#include "vm/dict.h"
#include "vm/set.h"
#include "vm/range.h"
#include "vm/slice.h"
#include "vm/genericalias.h"

#endif
