# Benchmark programs, included by the top-level Makefile.
# `make guest-bench` builds every guest/bench/*.c twice: static rv64gc into guest/build/bench/<name>, and with
# the host compiler into guest/build/bench/native/<name>. scripts/bench.py runs and compares them.
# -ffp-contract=off: no fused multiply-add on either side, so the floating-point checksums agree bit for bit.
CROSS ?= riscv64-linux-gnu-
BENCH_CC := $(CROSS)gcc
BENCH_NATIVE_CC ?= gcc
BENCH_COMMON_FLAGS := -O2 -ffp-contract=off -Wall -Wextra
BENCH_CFLAGS := -static -march=rv64gc -mabi=lp64d $(BENCH_COMMON_FLAGS)
BENCH_SOURCES := $(wildcard guest/bench/*.c)
BENCH_PROGRAMS := $(patsubst guest/bench/%.c,guest/build/bench/%,$(BENCH_SOURCES))
BENCH_NATIVE_PROGRAMS := $(patsubst guest/bench/%.c,guest/build/bench/native/%,$(BENCH_SOURCES))

.PHONY: guest-bench guest-bench-dynamic

guest-bench: $(BENCH_PROGRAMS) $(BENCH_NATIVE_PROGRAMS)

$(BENCH_PROGRAMS): guest/build/bench/%: guest/bench/%.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $< -lm

$(BENCH_NATIVE_PROGRAMS): guest/build/bench/native/%: guest/bench/%.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_NATIVE_CC) $(BENCH_COMMON_FLAGS) -o $@ $< -lm

# Dynamic programs: a dynamically linked hello (start-up time) and Debian's python3 on guest/debian/data/compute.py,
# both run through the Debian sysroot (guest/debian/debian.mk); `scripts/bench.py --sysroot` adds their rows.
BENCH_DYNAMIC := guest/build/bench/dynamic/hello guest/build/bench/dynamic/native/hello

guest-bench-dynamic: $(BENCH_DYNAMIC) guest-debian

guest/build/bench/dynamic/hello: guest/bench/dynamic/hello.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_CC) -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -o $@ $<

guest/build/bench/dynamic/native/hello: guest/bench/dynamic/hello.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_NATIVE_CC) -O2 -Wall -Wextra -o $@ $<
