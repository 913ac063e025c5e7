/* match.h — the run-time half of match statements (PEP 634): what the
 * MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS instructions ask of
 * the subject. The compiler (compiler/compile_match.c) does everything else with
 * ordinary instructions. */
#ifndef PYL_MATCH_H
#define PYL_MATCH_H

#include "vm/object.h"

/* Can a sequence pattern match o? True for list, tuple, range and their
 * subclasses (types flagged PYL_TF_SEQUENCE along the MRO); never for str,
 * bytes or bytearray. Cannot fail. */
PYL_INTERNAL bool pyl_match_is_sequence(PylThread *t, PylObject *o);
/* Can a mapping pattern match o? True for dict, mappingproxy and subclasses
 * (PYL_TF_MAPPING). Cannot fail. */
PYL_INTERNAL bool pyl_match_is_mapping(PylThread *t, PylObject *o);

/* The values of `keys` (a tuple) in mapping `map`, looked up with map.get(key,
 * sentinel) so that __missing__ never runs: a new tuple, PYL_NONE when a key is
 * missing, NULL on error (ValueError "mapping pattern checks duplicate key (k)"
 * when two keys are equal). */
PYL_INTERNAL PylObject *pyl_match_keys(PylThread *t, PylObject *map, PylObject *keys);

/* The class pattern `cls(p1, ..., pN, kw1=..., ...)` against subject: when subject
 * is an instance of cls, a new tuple of the N positional attributes (named by
 * cls.__match_args__, or the subject itself for bool, int, str ... which match
 * themselves) followed by the keyword ones (named by kwnames, a tuple of str);
 * PYL_NONE when it is not an instance or an attribute is missing; NULL on error
 * (TypeError for a non-class, a bad __match_args__, too many positional
 * sub-patterns, or an attribute matched twice). */
PYL_INTERNAL PylObject *pyl_match_class(PylThread *t, PylObject *subject, PylObject *cls,
                                        intptr_t nargs, PylObject *kwnames);

#endif
