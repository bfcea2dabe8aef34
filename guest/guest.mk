# guest/guest.mk: builds the freestanding guest runtime (guest/lib) and the guest test suite
# (guest/tests/*.c -> guest/build/tests/<name>). Included by the top-level Makefile, so every path is
# relative to the repository root. See toolchain.md for the flags.
#
# Targets: guest-tests (every test program), guest-lib (the runtime archive), guest-clean.

CROSS ?= riscv64-linux-gnu-
GUEST_CC := $(CROSS)gcc
GUEST_AR := $(CROSS)ar
GUEST_OBJCOPY := $(CROSS)objcopy

GUEST_DIR := guest
GUEST_BUILD := $(GUEST_DIR)/build

GUEST_ARCH := -march=rv64imac_zicsr_zifencei -mabi=lp64
GUEST_CFLAGS := $(GUEST_ARCH) -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns -fno-stack-protector \
	-fno-pie -mcmodel=medany -msmall-data-limit=0 -I$(GUEST_DIR)/lib -MMD -MP
GUEST_LDFLAGS := $(GUEST_ARCH) -nostdlib -nostartfiles -static -no-pie -Wl,--build-id=none

GUEST_LIB_SOURCES := $(filter-out $(GUEST_DIR)/lib/crt0.S,$(wildcard $(GUEST_DIR)/lib/*.c $(GUEST_DIR)/lib/*.S))
GUEST_LIB_OBJECTS := $(patsubst $(GUEST_DIR)/lib/%,$(GUEST_BUILD)/lib/%.o,$(GUEST_LIB_SOURCES))
GUEST_CRT0 := $(GUEST_BUILD)/lib/crt0.S.o
GUEST_LIB := $(GUEST_BUILD)/lib/libtinyrv.a

GUEST_TEST_SOURCES := $(wildcard $(GUEST_DIR)/tests/*.c)
GUEST_TEST_OBJECTS := $(patsubst $(GUEST_DIR)/tests/%.c,$(GUEST_BUILD)/obj/tests/%.o,$(GUEST_TEST_SOURCES))
GUEST_TESTS := $(patsubst $(GUEST_DIR)/tests/%.c,$(GUEST_BUILD)/tests/%,$(GUEST_TEST_SOURCES))

.PHONY: guest-tests guest-lib guest-clean

guest-tests: $(GUEST_TESTS)

guest-lib: $(GUEST_CRT0) $(GUEST_LIB)

guest-clean:
	rm -rf $(GUEST_BUILD)

$(GUEST_BUILD)/lib/%.c.o: $(GUEST_DIR)/lib/%.c $(GUEST_DIR)/guest.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_BUILD)/lib/%.S.o: $(GUEST_DIR)/lib/%.S $(GUEST_DIR)/guest.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_LIB): $(GUEST_LIB_OBJECTS)
	@mkdir -p $(@D)
	rm -f $@
	$(GUEST_AR) rcs $@ $^

# The expectation section loses its alloc flag, so it is kept in the file but never loaded.
$(GUEST_BUILD)/obj/tests/%.o: $(GUEST_DIR)/tests/%.c $(GUEST_DIR)/guest.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@
	$(GUEST_OBJCOPY) --set-section-flags .tinyrv_expect=contents,readonly $@

$(GUEST_BUILD)/tests/%: $(GUEST_BUILD)/obj/tests/%.o $(GUEST_CRT0) $(GUEST_LIB)
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_LDFLAGS) $(GUEST_CRT0) $< $(GUEST_LIB) -lgcc -o $@

.SECONDARY: $(GUEST_TEST_OBJECTS)

-include $(GUEST_LIB_OBJECTS:.o=.d) $(GUEST_CRT0:.o=.d) $(GUEST_TEST_OBJECTS:.o=.d)
