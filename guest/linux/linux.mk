# Static glibc programs of the differential suite, included by the top-level Makefile.
# `make guest-linux` builds every guest/linux/*.c into guest/build/linux/<name>;
# `make test-linux` compares each one under $(TINYRV) and qemu-riscv64 (scripts/difftest.sh).
CROSS ?= riscv64-linux-gnu-
LINUX_CC := $(CROSS)gcc
LINUX_CFLAGS := -static -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -Wno-unused-result
LINUX_LIBS := -lm -latomic
LINUX_SOURCES := $(wildcard guest/linux/*.c)
LINUX_PROGRAMS := $(patsubst guest/linux/%.c,guest/build/linux/%,$(LINUX_SOURCES))

.PHONY: guest-linux test-linux

guest-linux: $(LINUX_PROGRAMS)

# libm-modes changes the rounding mode at run time: keep GCC from folding or moving FP work across fesetround.
guest/build/linux/libm-modes: LINUX_CFLAGS += -frounding-math

# bitmanip is built for the bit-manipulation extensions, so GCC itself emits Zba/Zbb/Zbs.
guest/build/linux/bitmanip: LINUX_CFLAGS += -march=rv64gc_zba_zbb_zbs

$(LINUX_PROGRAMS): guest/build/linux/%: guest/linux/%.c guest/linux/linux.mk
	@mkdir -p $(@D)
	$(LINUX_CC) $(LINUX_CFLAGS) -o $@ $< $(LINUX_LIBS)

test-linux: guest-linux
	scripts/difftest.sh $(TINYRV) guest/build/linux
