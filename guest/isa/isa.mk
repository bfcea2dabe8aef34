# Bare-metal ISA suite: every guest/isa/*.S becomes guest/build/isa/<name>.
# Included by the top-level Makefile; usable alone: make -f guest/isa/isa.mk guest-isa
# `make guest-isa-check` runs them with `tinyrv test` (each bare program must exit 0 unless its
# .tinyrv_expect section declares otherwise) and prints one line per program and `N passed, N failed`.

CROSS ?= riscv64-linux-gnu-
ISA_DIR := guest/isa
ISA_BUILD := guest/build/isa
ISA_SOURCES := $(wildcard $(ISA_DIR)/*.S)
ISA_PROGRAMS := $(patsubst $(ISA_DIR)/%.S,$(ISA_BUILD)/%,$(ISA_SOURCES))
ISA_HEADERS := $(wildcard $(ISA_DIR)/env/*.h) $(ISA_DIR)/env/link.ld
ISA_CFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -static -nostdlib -nostartfiles \
	-fno-pic -no-pie -mcmodel=medany -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	-I$(ISA_DIR)/env -T $(ISA_DIR)/env/link.ld
TINYRV ?= .build/debug/tinyrv

.PHONY: guest-isa guest-isa-check

guest-isa: $(ISA_PROGRAMS)

$(ISA_BUILD)/%: $(ISA_DIR)/%.S $(ISA_HEADERS)
	@mkdir -p $(ISA_BUILD)
	$(CROSS)gcc $(ISA_CFLAGS) $< -o $@

guest-isa-check: guest-isa
	$(TINYRV) test $(ISA_BUILD)
