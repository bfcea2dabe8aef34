# The programs the gdb test debugs (scripts/gdb-test.py): guest/gdb/debuggee.c, a static rv64gc
# glibc program built -O0 -g, threads.c (four threads) and forker.c (fork, then exec) built alike,
# and guest/gdb/bare.S, a bare-metal one linked like the ISA suite.
# Included by the top-level Makefile.

CROSS ?= riscv64-linux-gnu-
GDB_GUEST_DIR := guest/gdb
GDB_GUEST_BUILD := guest/build/gdb
GDB_GUESTS := $(GDB_GUEST_BUILD)/debuggee $(GDB_GUEST_BUILD)/threads $(GDB_GUEST_BUILD)/forker $(GDB_GUEST_BUILD)/bare

.PHONY: guest-gdb

guest-gdb: $(GDB_GUESTS)

$(GDB_GUEST_BUILD)/%: $(GDB_GUEST_DIR)/%.c $(GDB_GUEST_DIR)/gdb.mk
	@mkdir -p $(@D)
	$(CROSS)gcc -march=rv64gc -mabi=lp64d -static -O0 -g -Wall -Wextra -Werror -pthread $< -o $@

$(GDB_GUEST_BUILD)/bare: $(GDB_GUEST_DIR)/bare.S guest/isa/env/link.ld $(GDB_GUEST_DIR)/gdb.mk
	@mkdir -p $(@D)
	$(CROSS)gcc -march=rv64imac_zicsr -mabi=lp64 -static -nostdlib -nostartfiles -no-pie -g \
		-Wl,--build-id=none -Wl,--no-warn-rwx-segments -T guest/isa/env/link.ld $< -o $@
