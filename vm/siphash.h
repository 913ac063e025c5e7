/* siphash.h — SipHash-1-3 (one compression round, three finalisation rounds),
 * the keyed hash of str and bytes. With a random key per VM, an attacker cannot
 * choose keys that collide in a dict (hash flooding). */
#ifndef PYL_SIPHASH_H
#define PYL_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t pyl_siphash13(const uint64_t key[2], const void *data, size_t len);

#endif
