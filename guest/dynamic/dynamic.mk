# Dynamically linked guest programs, included by the top-level Makefile: built with the cross gcc
# without -static (and one -static-pie), run under $(TINYRV) and under qemu-riscv64 with Debian's
# riscv64 cross C library as the sysroot, and compared (scripts/difftest.sh with QEMU_LD_PREFIX).
# The test tree's own shared libraries go into guest/build/dynamic/lib/, found through DT_RUNPATH
# $ORIGIN/lib (or by dlopen with a path).
CROSS ?= riscv64-linux-gnu-
DYNAMIC_CC := $(CROSS)gcc
DYNAMIC_CXX := $(CROSS)g++
DYNAMIC_DIR := guest/build/dynamic
DYNAMIC_CFLAGS := -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra
DYNAMIC_RUNPATH := -Wl,-rpath,'$$ORIGIN/lib'
DYNAMIC_SYSROOT := /usr/riscv64-linux-gnu

DYNAMIC_LIBS := $(DYNAMIC_DIR)/lib/libplugin.so $(DYNAMIC_DIR)/lib/libctor.so $(DYNAMIC_DIR)/lib/libtls.so
DYNAMIC_PROGRAMS := $(addprefix $(DYNAMIC_DIR)/,hello pie-hello nopie-hello dlopen ctor tls cxx static-pie shared-anon)
# Programs that write files, run with --fs-write by a second pass of test-dynamic.
DYNAMIC_WRITING_DIR := $(DYNAMIC_DIR)/fs-write
DYNAMIC_WRITING_PROGRAMS := $(DYNAMIC_WRITING_DIR)/shared-file $(DYNAMIC_WRITING_DIR)/file-changes $(DYNAMIC_WRITING_DIR)/file-coherence $(DYNAMIC_WRITING_DIR)/fifos \
	$(DYNAMIC_WRITING_DIR)/record-locks

.PHONY: guest-dynamic test-dynamic

guest-dynamic: $(DYNAMIC_LIBS) $(DYNAMIC_PROGRAMS) $(DYNAMIC_WRITING_PROGRAMS)

$(DYNAMIC_DIR)/lib/lib%.so: guest/dynamic/lib/%.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -fPIC -shared -o $@ $<

$(DYNAMIC_DIR)/hello: guest/dynamic/hello.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -o $@ $<

$(DYNAMIC_DIR)/pie-hello: guest/dynamic/hello.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -fPIE -pie -o $@ $<

$(DYNAMIC_DIR)/nopie-hello: guest/dynamic/hello.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -fno-PIE -no-pie -o $@ $<

$(DYNAMIC_DIR)/dlopen: guest/dynamic/dlopen.c $(DYNAMIC_DIR)/lib/libplugin.so guest/dynamic/dynamic.mk
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -o $@ $< -ldl

$(DYNAMIC_DIR)/ctor: guest/dynamic/ctor.c $(DYNAMIC_DIR)/lib/libctor.so guest/dynamic/dynamic.mk
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) $(DYNAMIC_RUNPATH) -o $@ $< -L$(DYNAMIC_DIR)/lib -lctor

$(DYNAMIC_DIR)/tls: guest/dynamic/tls.c $(DYNAMIC_DIR)/lib/libtls.so guest/dynamic/dynamic.mk
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) $(DYNAMIC_RUNPATH) -o $@ $< -L$(DYNAMIC_DIR)/lib -ltls

$(DYNAMIC_DIR)/cxx: guest/dynamic/cxx.cpp guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CXX) $(DYNAMIC_CFLAGS) -std=c++17 -o $@ $<

$(DYNAMIC_DIR)/shared-anon: guest/dynamic/shared-anon.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -o $@ $<

$(DYNAMIC_WRITING_DIR)/%: guest/dynamic/%.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) $(DYNAMIC_CFLAGS) -o $@ $<

$(DYNAMIC_DIR)/static-pie: guest/dynamic/static-pie.c guest/dynamic/dynamic.mk
	@mkdir -p $(@D)
	$(DYNAMIC_CC) -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -fPIE -static-pie -Wl,--no-dynamic-linker -nostdlib -nostartfiles -ffreestanding -o $@ $<

test-dynamic: build guest-dynamic
	QEMU_LD_PREFIX=$(DYNAMIC_SYSROOT) DIFFTEST_CASES=guest/dynamic/cases.txt scripts/difftest.sh $(TINYRV) $(DYNAMIC_DIR)
	QEMU_LD_PREFIX=$(DYNAMIC_SYSROOT) DIFFTEST_CASES=guest/dynamic/cases.txt DIFFTEST_TINYRV_OPTIONS=--fs-write \
		scripts/difftest.sh $(TINYRV) $(DYNAMIC_WRITING_DIR)
