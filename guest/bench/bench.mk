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

.PHONY: guest-bench

guest-bench: $(BENCH_PROGRAMS) $(BENCH_NATIVE_PROGRAMS)

$(BENCH_PROGRAMS): guest/build/bench/%: guest/bench/%.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $< -lm

$(BENCH_NATIVE_PROGRAMS): guest/build/bench/native/%: guest/bench/%.c guest/bench/bench.mk
	@mkdir -p $(@D)
	$(BENCH_NATIVE_CC) $(BENCH_COMMON_FLAGS) -o $@ $< -lm
