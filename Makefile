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
#   make format       apply .clang-format to the C sources

SRC := $(CURDIR)
VARIANT ?= release
ifeq ($(VARIANT),asan)
OUT := build/asan
# The sanitizer build also exercises the switch-dispatch fallback of the VM.
VCFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all -DPYL_NO_COMPUTED_GOTO -DPYL_DEBUG
VLDFLAGS := -fsanitize=address,undefined
else
OUT := build
VCFLAGS := -O2 -g
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
UNIT_BINS := $(patsubst t/unit/%.c,$(OUT)/t/%,$(UNIT_SRCS))

.PHONY: all deps run check check-asan format format-check clean distclean unit-tests
.DEFAULT_GOAL := all

all: deps $(OUT)/pyl

deps:
	@tools/deps.sh

build/config.mk: configure.ac config.mk.in
	@tools/deps.sh
	@mkdir -p build
	cd build && autoconf -o configure $(SRC)/configure.ac && ./configure --srcdir=$(SRC) --quiet

$(OUT)/obj/%.o: %.c build/config.mk | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(OUT)/libpyl.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(OUT)/pyl: $(CLI_OBJS) $(OUT)/libpyl.a
	$(CC) $(VLDFLAGS) -o $@ $(CLI_OBJS) $(OUT)/libpyl.a $(LIBS_ALL)

# Generated tables (from Debian's unicode-data), shared by every variant.
$(GEN)/unicode_names.h: tools/gen_unicode_names.c build/config.mk
	@mkdir -p $(GEN)
	$(CC) -O2 -o $(GEN)/gen_unicode_names tools/gen_unicode_names.c
	$(GEN)/gen_unicode_names $(UNICODE_DIR) $@

$(GEN)/unicode_db.h: tools/gen_unicode_db.c build/config.mk
	@mkdir -p $(GEN)
	$(CC) -O2 -o $(GEN)/gen_unicode_db tools/gen_unicode_db.c
	$(GEN)/gen_unicode_db $(UNICODE_DIR) $@

$(OUT)/t/%: t/unit/%.c $(wildcard t/unit/*.h) $(OUT)/libpyl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(CHECK_CFLAGS) $(VLDFLAGS) -o $@ $< $(OUT)/libpyl.a $(CHECK_LIBS) $(LIBS_ALL)

unit-tests: $(UNIT_BINS)

run: all
	$(OUT)/pyl examples/demo.py

check: all unit-tests
	@t/run $(OUT)

check-asan:
	@$(MAKE) --no-print-directory VARIANT=asan check

format:
	clang-format -i $(COMPILER_SRCS) $(VM_SRCS) $(CLI_SRCS) $(UNIT_SRCS) $(wildcard */*.h vm/modules/*.h t/unit/*.h)

clean:
	rm -rf build/obj build/asan build/t build/pyl build/libpyl.a build/gen

distclean:
	rm -rf build

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d)
