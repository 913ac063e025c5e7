# pyl — top-level Makefile.
#
# A plain `make` on a fresh clone runs the deps step (tools/deps.sh: installs
# missing Debian packages as root), generates and runs configure into build/,
# and leaves the command at build/pyl. Every output lives under build/.
#
#   make              build build/pyl
#   make run          run the demo program
#   make check        build and run every test; last line "N passed, N failed"
#   make check-asan   the same suite built with -fsanitize=address,undefined
#   make check-valgrind  the unit and lang suites under valgrind's memcheck
#   make format       apply .clang-format to the C sources
#   make embed-example   build and run examples/embed (embedding through vm/pyl.h)
#   make bench-multivm   2 VMs in 2 threads vs in sequence (bench/multivm.c)
#   make install      pyl, lib/, mod_pyl.so and conf/pyl.{load,conf} (PREFIX, DESTDIR)
#   make uninstall    remove what install put there

SRC := $(CURDIR)
VARIANT ?= release
ifeq ($(VARIANT),asan)
OUT := build/asan
# The sanitizer build also exercises the switch-dispatch fallback of the VM.
# PYL_NO_POOLS: every block is its own malloc, so the sanitizers see each one.
# -fPIC: its libpyl.a also links into build/asan/mod_pyl.so (the wsgi suite runs
# httpd with libasan preloaded).
VCFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all -DPYL_NO_COMPUTED_GOTO -DPYL_DEBUG -DPYL_NO_POOLS -fPIC
VLDFLAGS := -fsanitize=address,undefined
else ifeq ($(VARIANT),valgrind)
OUT := build/valgrind
# For memcheck: no sanitizers, no pools (valgrind sees every block), light
# optimisation so its reports point at the right lines. Valgrind computes x87
# long doubles with 64-bit doubles, so there long double is made a double
# (dtoa.c's extended-precision fast path then compiles out).
VCFLAGS := -O1 -g -DPYL_DEBUG -DPYL_NO_POOLS \
           $(if $(filter x86_64 i%86,$(shell uname -m)),-mlong-double-64)
VLDFLAGS :=
else
OUT := build
VCFLAGS := -O2 -g -fPIC
VLDFLAGS :=
endif
GEN := build/gen

NOCONF_GOALS := deps clean distclean format
ifeq ($(MAKECMDGOALS),)
include build/config.mk
else ifneq ($(filter-out $(NOCONF_GOALS),$(MAKECMDGOALS)),)
include build/config.mk
endif

CFLAGS_ALL := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
              -Wno-missing-field-initializers -fno-strict-aliasing \
              -fvisibility=hidden $(VCFLAGS) -I$(SRC) -I$(GEN) $(EXTRA_CFLAGS)
LIBS_ALL := $(CONF_LIBS) -lgmp -lm -lpthread

COMPILER_SRCS := $(sort $(wildcard compiler/*.c))
VM_SRCS := $(sort $(wildcard vm/*.c vm/modules/*.c))
CLI_SRCS := $(sort $(wildcard cli/*.c))
UNIT_SRCS := $(sort $(wildcard t/unit/test_*.c))
GEN_HDRS := $(GEN)/unicode_names.h $(GEN)/unicode_db.h

LIB_OBJS := $(patsubst %.c,$(OUT)/obj/%.o,$(COMPILER_SRCS) $(VM_SRCS))
CLI_OBJS := $(patsubst %.c,$(OUT)/obj/%.o,$(CLI_SRCS))
# `pyl --cgi` (cli/cgi.c) shares mod_pyl's server-independent gateway code.
CLI_OBJS += $(OUT)/obj/cli/gateway.o
UNIT_BINS := $(patsubst t/unit/%.c,$(OUT)/t/%,$(UNIT_SRCS))

.PHONY: install uninstall
.PHONY: all deps run check check-asan check-valgrind format format-check clean distclean unit-tests \
        embed-example bench-multivm
.DEFAULT_GOAL := all

all: deps $(OUT)/pyl $(if $(filter release asan,$(VARIANT)),$(if $(APXS),$(OUT)/mod_pyl.so))

deps:
	@tools/deps.sh

build/config.mk: configure.ac config.mk.in
	@tools/deps.sh
	@mkdir -p build
	cd build && autoconf -o configure $(SRC)/configure.ac && ./configure --srcdir=$(SRC) --quiet

$(OUT)/obj/%.o: %.c build/config.mk $(OUT)/flags.stamp | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# The variant's compiler flags: its objects are rebuilt when they change.
$(OUT)/flags.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CC) $(CFLAGS_ALL)' | cmp -s - $@ || echo '$(CC) $(CFLAGS_ALL)' >$@

$(OUT)/obj/cli/gateway.o: mod_pyl/gateway.c build/config.mk $(OUT)/flags.stamp | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(OUT)/libpyl.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# The release command is linked statically: no dynamic loader, no symbol
# relocations at start-up, which is a third of what `pyl hello.py` costs (it
# matters for CGI, where every request starts pyl). The sanitizer and valgrind
# builds stay dynamic.
PYL_LDFLAGS := $(if $(filter release,$(VARIANT)),-static)
$(OUT)/pyl: $(CLI_OBJS) $(OUT)/libpyl.a
	$(CC) $(VLDFLAGS) $(PYL_LDFLAGS) -o $@ $(CLI_OBJS) $(OUT)/libpyl.a $(LIBS_ALL)

# Generated tables (from Debian's unicode-data), shared by every variant.
$(GEN)/unicode_names.h: tools/gen_unicode_names.c build/config.mk
	@mkdir -p $(GEN)
	$(CC) -O2 -o $(GEN)/gen_unicode_names tools/gen_unicode_names.c
	$(GEN)/gen_unicode_names $(UNICODE_DIR) $@

$(GEN)/unicode_db.h: tools/gen_unicode_db.c build/config.mk
	@mkdir -p $(GEN)
	$(CC) -O2 -o $(GEN)/gen_unicode_db tools/gen_unicode_db.c
	$(GEN)/gen_unicode_db $(UNICODE_DIR) $@

# Unit tests know where the sources and this variant's outputs are (test_embed
# runs the embedding example).
$(OUT)/t/%: t/unit/%.c $(wildcard t/unit/*.h) $(OUT)/libpyl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(CHECK_CFLAGS) -DPYL_SRC_DIR='"$(SRC)"' -DPYL_OUT_DIR='"$(SRC)/$(OUT)"' \
	    $(VLDFLAGS) -o $@ $< $(OUT)/libpyl.a $(CHECK_LIBS) $(LIBS_ALL)

unit-tests: $(UNIT_BINS) $(OUT)/examples/embed

# Programs that use only the public embedding API (vm/pyl.h).
$(OUT)/examples/embed: examples/embed/embed.c vm/pyl.h $(OUT)/libpyl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -pthread $(VLDFLAGS) -o $@ $< $(OUT)/libpyl.a $(LIBS_ALL)

$(OUT)/bench/multivm: bench/multivm.c vm/pyl.h $(OUT)/libpyl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -pthread $(VLDFLAGS) -o $@ $< $(OUT)/libpyl.a $(LIBS_ALL)

embed-example: $(OUT)/examples/embed
	$(OUT)/examples/embed examples/embed/app.py

# Two VMs in two threads against the same work done one after the other.
bench-multivm: $(OUT)/bench/multivm
	$(OUT)/bench/multivm

# ---- mod_pyl: the Apache module (issue #5) ----------------------------------------
# Built with apxs's compiler flags and includes, -fPIC (the release objects of
# libpyl are PIC too, so the same libpyl.a links into build/pyl and the module).
# An installed module finds pyl's lib/ at $(PREFIX)/lib/pyl (compiled in);
# build/mod_pyl.so uses the source tree's lib/ (found next to it with dladdr).
PREFIX ?= /usr/local
APXS_LIBEXECDIR = $(shell $(APXS) -q LIBEXECDIR)
APACHE_MODS_AVAILABLE ?= /etc/apache2/mods-available
MODPYL_CFLAGS = -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
                -Wno-missing-field-initializers -fvisibility=hidden -fPIC -O2 -g \
                $(filter-out -O2 -g,$(shell $(APXS) -q CFLAGS)) -I$(shell $(APXS) -q INCLUDEDIR) \
                $(shell $(APR_CONFIG) --includes --cppflags) -I$(SRC) \
                -DPYL_LIB_DIR='"$(PREFIX)/lib/pyl"' $(MODPYL_VARIANT_CFLAGS) $(EXTRA_CFLAGS)
ifeq ($(VARIANT),asan)
MODPYL_VARIANT_CFLAGS := -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
                         -fno-sanitize-recover=all
endif
MODPYL_SRCS := $(sort $(wildcard mod_pyl/*.c))
MODPYL_OBJS := $(patsubst %.c,$(OUT)/obj/%.o,$(MODPYL_SRCS))

# The compiled-in PREFIX: objects are rebuilt when it changes.
$(OUT)/prefix.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@
FORCE:

$(OUT)/obj/mod_pyl/%.o: mod_pyl/%.c build/config.mk $(OUT)/prefix.stamp
	@mkdir -p $(dir $@)
	$(CC) $(MODPYL_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/mod_pyl.so: $(MODPYL_OBJS) $(OUT)/libpyl.a
	$(CC) -shared $(VLDFLAGS) -o $@ $(MODPYL_OBJS) $(OUT)/libpyl.a $(LIBS_ALL)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pyl \
	    $(DESTDIR)$(APXS_LIBEXECDIR) $(DESTDIR)$(APACHE_MODS_AVAILABLE)
	install -m 755 $(OUT)/pyl $(DESTDIR)$(PREFIX)/bin/pyl
	cd lib && find . -name __pycache__ -prune -o -type d -print | \
	    while read d; do install -d "$(DESTDIR)$(PREFIX)/lib/pyl/$$d"; done
	cd lib && find . -name __pycache__ -prune -o -type f -print | \
	    while read f; do install -m 644 "$$f" "$(DESTDIR)$(PREFIX)/lib/pyl/$$f"; done
	install -m 644 $(OUT)/mod_pyl.so $(DESTDIR)$(APXS_LIBEXECDIR)/mod_pyl.so
	sed 's|/usr/lib/apache2/modules/mod_pyl.so|$(APXS_LIBEXECDIR)/mod_pyl.so|' conf/pyl.load \
	    >$(DESTDIR)$(APACHE_MODS_AVAILABLE)/pyl.load
	install -m 644 conf/pyl.conf $(DESTDIR)$(APACHE_MODS_AVAILABLE)/pyl.conf

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pyl $(DESTDIR)$(APXS_LIBEXECDIR)/mod_pyl.so \
	    $(DESTDIR)$(APACHE_MODS_AVAILABLE)/pyl.load $(DESTDIR)$(APACHE_MODS_AVAILABLE)/pyl.conf
	rm -rf $(DESTDIR)$(PREFIX)/lib/pyl

run: all
	$(OUT)/pyl examples/demo.py

check: all unit-tests
	@t/run $(OUT)

check-asan:
	@$(MAKE) --no-print-directory VARIANT=asan check

# Memcheck on every unit and lang test (t/run runs each under $$PYL_WRAP): any
# error or definitely/indirectly lost block fails the test (exit status 97).
VALGRIND := valgrind -q --error-exitcode=97 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
check-valgrind:
	@$(MAKE) --no-print-directory VARIANT=valgrind all unit-tests
	@PYL_WRAP="$(VALGRIND)" PYL_TIMEOUT=900 CK_TIMEOUT_MULTIPLIER=50 t/run build/valgrind unit lang

format:
	clang-format -i $(COMPILER_SRCS) $(VM_SRCS) $(CLI_SRCS) $(UNIT_SRCS) $(wildcard */*.h vm/modules/*.h t/unit/*.h)

clean:
	rm -rf build/obj build/asan build/valgrind build/t build/pyl build/libpyl.a build/gen \
	       build/examples build/bench build/mod_pyl.so build/prefix.stamp build/flags.stamp

distclean:
	rm -rf build

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(MODPYL_OBJS:.o=.d)
