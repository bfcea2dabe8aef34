# Bare-metal ISA suite: every guest/isa/*.S becomes guest/build/isa/<name>.
# Included by the top-level Makefile; usable alone: make -f guest/isa/isa.mk guest-isa
# `make guest-isa-check` runs each program with `tinyrv run --bare` and prints one line per
# program and a final `N passed, N failed`.

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
	@passed=0; failed=0; \
	for program in $(ISA_PROGRAMS); do \
		$(TINYRV) run --bare --max-instructions 50000000 $$program >/dev/null 2>&1; status=$$?; \
		if [ $$status -eq 0 ]; then passed=$$((passed + 1)); echo "PASS $$program"; \
		else failed=$$((failed + 1)); echo "FAIL $$program (status $$status: failed check $$status)"; fi; \
	done; \
	echo "$$passed passed, $$failed failed"; \
	[ $$failed -eq 0 ]
