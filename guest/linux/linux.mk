# Static glibc programs of the differential suite, included by the top-level Makefile.
# `make guest-linux` builds every guest/linux/*.c into guest/build/linux/<name>;
# `make test-linux` compares each one under $(TINYRV) and qemu-riscv64 (scripts/difftest.sh).
CROSS ?= riscv64-linux-gnu-
LINUX_CC := $(CROSS)gcc
LINUX_CFLAGS := -static -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -Wno-unused-result
LINUX_LIBS := -lm -latomic
LINUX_SOURCES := $(wildcard guest/linux/*.c)
LINUX_PROGRAMS := $(patsubst guest/linux/%.c,guest/build/linux/%,$(LINUX_SOURCES))
# Programs whose output qemu-riscv64 cannot give as Linux does (its /proc/self/stat has 44 fields and
# state 0): checked against guest/linux/expected/*.out.
LINUX_EXPECTED := $(patsubst guest/linux/expected/%.c,guest/build/linux/expected/%,$(wildcard guest/linux/expected/*.c))

.PHONY: guest-linux test-linux

guest-linux: $(LINUX_PROGRAMS) $(LINUX_EXPECTED)

# libm-modes changes the rounding mode at run time: keep GCC from folding or moving FP work across fesetround.
guest/build/linux/libm-modes: LINUX_CFLAGS += -frounding-math

# bitmanip is built for the bit-manipulation extensions, so GCC itself emits Zba/Zbb/Zbs.
guest/build/linux/bitmanip: LINUX_CFLAGS += -march=rv64gc_zba_zbb_zbs

$(LINUX_PROGRAMS): guest/build/linux/%: guest/linux/%.c guest/linux/linux.mk
	@mkdir -p $(@D)
	$(LINUX_CC) $(LINUX_CFLAGS) -o $@ $< $(LINUX_LIBS)

$(LINUX_EXPECTED): guest/build/linux/expected/%: guest/linux/expected/%.c guest/linux/linux.mk
	@mkdir -p $(@D)
	$(LINUX_CC) $(LINUX_CFLAGS) -o $@ $< $(LINUX_LIBS)

test-linux: guest-linux
	scripts/difftest.sh $(TINYRV) guest/build/linux
	@for program in $(LINUX_EXPECTED); do \
		$(TINYRV) run $$program a "b c" | diff -u guest/linux/expected/$$(basename $$program).out - \
			&& echo "PASS $$program" || { echo "FAIL $$program"; exit 1; }; \
	done
