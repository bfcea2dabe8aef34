# tinyrv: build, guest programs and tests. `make help` lists the targets.
SWIFT   ?= swift
CROSS   ?= riscv64-linux-gnu-
TINYRV  := .build/debug/tinyrv
TINYRV_RELEASE := .build/release/tinyrv

.PHONY: all help deps build release guest demo test test-swift test-guest test-gdb test-fuzz fuzz bench clean

all: build guest

help:
	@echo "make demo     build everything, run the guest suite and show traced runs"
	@echo "make test     install what is missing, build, and run every test"
	@echo "make test-gdb gdb-multiarch drives tinyrv run --gdb over guest/gdb (scripts/gdb-test.py)"
	@echo "make deps     install missing Debian packages (scripts/install-deps.sh) and check the toolchains"
	@echo "make build    debug build of tinyrv (.build/debug/tinyrv)"
	@echo "make release  release build of tinyrv (.build/release/tinyrv)"
	@echo "make guest    cross-compile the guest programs into guest/build/"
	@echo "make bench    release build; benchmarks under tinyrv, qemu-riscv64 and natively"
	@echo "make fuzz     release build; the fuzzers for FUZZ_SECONDS (default 600) with FUZZ_SEED (default 1)"
	@echo "make clean    remove build outputs"

# `deps` always checks; incremental builds only rerun the check when the install list changed.
DEPS_STAMP := .build/deps.ok

deps:
	@scripts/install-deps.sh
	@mkdir -p .build && touch $(DEPS_STAMP)

$(DEPS_STAMP): scripts/install-deps.sh
	@scripts/install-deps.sh
	@mkdir -p $(@D) && touch $@

build: $(DEPS_STAMP)
	$(SWIFT) build

release: $(DEPS_STAMP)
	$(SWIFT) build -c release --static-swift-stdlib

include guest/guest.mk
include guest/isa/isa.mk
include guest/linux/linux.mk
include guest/bench/bench.mk
include guest/busybox/busybox.mk
include guest/debian/debian.mk
include guest/threads/threads.mk
include guest/gdb/gdb.mk
include guest/dynamic/dynamic.mk
include guest/tasks/tasks.mk

guest: $(DEPS_STAMP) guest-tests guest-isa guest-linux guest-busybox guest-gdb guest-dynamic guest-tasks guest-threads

test: deps build guest test-swift test-guest test-linux test-busybox test-gdb test-dynamic test-tasks test-threads test-debian test-fuzz

test-swift: $(DEPS_STAMP)
	$(SWIFT) test

test-guest: build guest
	$(TINYRV) test guest/build/tests guest/build/isa

# gdb-multiarch drives `tinyrv run --gdb` in batch mode over the programs of guest/gdb.
test-gdb: build guest-gdb
	python3 scripts/gdb-test.py --tinyrv $(TINYRV) --programs $(GDB_GUEST_BUILD)

bench: $(DEPS_STAMP) release guest-bench guest-bench-dynamic
	python3 scripts/bench.py --tinyrv $(TINYRV_RELEASE) --runs 3 --sysroot $(DEBIAN_SYSROOT) --markdown guest/build/bench/results.md

# The fuzzers (scripts/fuzz/): `make test` runs each briefly with a fixed seed, so a regression fails
# the suite; `make fuzz` runs the release binary for FUZZ_SECONDS, at low priority.
FUZZ_SECONDS ?= 600
FUZZ_SEED ?= 1

test-fuzz: build guest-tests guest-linux guest-dynamic
	python3 scripts/fuzz/fuzz.py --tinyrv $(TINYRV) --seconds 24 --seed 1

fuzz: release guest-tests guest-linux guest-dynamic
	nice python3 scripts/fuzz/fuzz.py --tinyrv $(TINYRV_RELEASE) --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

demo: deps build guest
	$(TINYRV) test guest/build/tests guest/build/isa
	@echo
	@echo '== tinyrv run --trace syscalls,faults --stats guest/build/tests/grow-stack'
	@$(TINYRV) run --trace syscalls,faults --stats guest/build/tests/grow-stack; echo "(exit status $$?)"
	@echo
	@echo '== tinyrv run --trace syscalls,faults guest/build/tests/fork-cow (copy-on-write fork)'
	@$(TINYRV) run --trace syscalls,faults guest/build/tests/fork-cow; echo "(exit status $$?)"
	@echo
	@echo '== tinyrv run --trace faults,syscalls guest/build/tests/bad-mem-access-null (killed on purpose)'
	@$(TINYRV) run --trace faults,syscalls guest/build/tests/bad-mem-access-null; echo "(exit status $$?)"

clean:
	rm -rf .build guest/build
