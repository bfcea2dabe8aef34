# Threaded static glibc programs (C with pthreads and C11 atomics, C++ with std::thread), included by the
# Makefile. `make guest-threads` builds guest/threads/*.c and *.cc into guest/build/threads/<name>;
# `make test-threads` compares each one under $(TINYRV) and qemu-riscv64 (scripts/difftest.sh), then runs the
# lock-free counters under THREADS_SEEDS random schedules and the racy one (guest/threads/racy, not compared
# with qemu: its total depends on the interleaving) until a seed breaks it (scripts/schedule-seeds.py).
CROSS ?= riscv64-linux-gnu-
THREADS_CFLAGS := -static -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -Wno-unused-result
THREADS_C_PROGRAMS := $(patsubst guest/threads/%.c,guest/build/threads/%,$(wildcard guest/threads/*.c))
THREADS_CXX_PROGRAMS := $(patsubst guest/threads/%.cc,guest/build/threads/%,$(wildcard guest/threads/*.cc))
THREADS_RACY := guest/build/threads/racy/counter-racy
THREADS_SEEDS ?= 200
# Programs qemu-riscv64 cannot run as Linux does (robust lists, clone3): checked against guest/threads/expected/*.out.
THREADS_EXPECTED := $(patsubst guest/threads/expected/%.c,guest/build/threads/expected/%,$(wildcard guest/threads/expected/*.c))

.PHONY: guest-threads test-threads

guest-threads: $(THREADS_C_PROGRAMS) $(THREADS_CXX_PROGRAMS) $(THREADS_RACY) $(THREADS_EXPECTED)

$(THREADS_C_PROGRAMS): guest/build/threads/%: guest/threads/%.c guest/threads/counter.h guest/threads/threads.mk
	@mkdir -p $(@D)
	$(CROSS)gcc $(THREADS_CFLAGS) -o $@ $< -pthread

$(THREADS_EXPECTED): guest/build/threads/expected/%: guest/threads/expected/%.c guest/threads/threads.mk
	@mkdir -p $(@D)
	$(CROSS)gcc $(THREADS_CFLAGS) -o $@ $< -pthread

$(THREADS_RACY): guest/build/threads/racy/%: guest/threads/racy/%.c guest/threads/counter.h guest/threads/threads.mk
	@mkdir -p $(@D)
	$(CROSS)gcc $(THREADS_CFLAGS) -o $@ $< -pthread

$(THREADS_CXX_PROGRAMS): guest/build/threads/%: guest/threads/%.cc guest/threads/threads.mk
	@mkdir -p $(@D)
	$(CROSS)g++ $(THREADS_CFLAGS) -o $@ $< -pthread

test-threads: guest-threads
	DIFFTEST_CASES=guest/threads/cases.txt scripts/difftest.sh $(TINYRV) guest/build/threads
	python3 scripts/schedule-seeds.py --tinyrv $(TINYRV) --seeds $(THREADS_SEEDS) \
		--exact guest/build/threads/counter-lrsc guest/build/threads/counter-amo --racy $(THREADS_RACY)
	@for program in $(THREADS_EXPECTED); do \
		$(TINYRV) run $$program | diff -u guest/threads/expected/$$(basename $$program).out - \
			&& echo "PASS $$program" || { echo "FAIL $$program"; exit 1; }; \
	done
