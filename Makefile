# tinyrv: build, guest programs and tests. `make help` lists the targets.
SWIFT   ?= swift
CROSS   ?= riscv64-linux-gnu-
TINYRV  := .build/debug/tinyrv
TINYRV_RELEASE := .build/release/tinyrv

.PHONY: all help deps build release guest demo test test-swift test-guest bench clean

all: build guest

help:
	@echo "make demo     build everything, run the guest suite and show traced runs"
	@echo "make test     install what is missing, build, and run every test"
	@echo "make deps     install missing Debian packages (scripts/install-deps.sh) and check the toolchains"
	@echo "make build    debug build of tinyrv (.build/debug/tinyrv)"
	@echo "make release  release build of tinyrv (.build/release/tinyrv)"
	@echo "make guest    cross-compile the guest programs into guest/build/"
	@echo "make bench    release build; benchmarks under tinyrv, qemu-riscv64 and natively"
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
include guest/dynamic/dynamic.mk
include guest/debian/debian.mk

guest: $(DEPS_STAMP) guest-tests guest-isa guest-linux guest-busybox guest-dynamic guest-debian

test: deps build guest test-swift test-guest test-linux test-busybox test-dynamic test-debian

test-swift: $(DEPS_STAMP)
	$(SWIFT) test

test-guest: build guest
	$(TINYRV) test guest/build/tests guest/build/isa

bench: $(DEPS_STAMP) release guest-bench guest-dynamic guest-debian
	python3 scripts/bench.py --tinyrv $(TINYRV_RELEASE) --runs 3 --real --markdown guest/build/bench/results.md

demo: deps build guest
	$(TINYRV) test guest/build/tests guest/build/isa
	@echo
	@echo '== tinyrv run --trace syscalls,faults --stats guest/build/tests/grow-stack'
	@$(TINYRV) run --trace syscalls,faults --stats guest/build/tests/grow-stack; echo "(exit status $$?)"
	@echo
	@echo '== tinyrv run --trace faults,syscalls guest/build/tests/bad-mem-access-null (killed on purpose)'
	@$(TINYRV) run --trace faults,syscalls guest/build/tests/bad-mem-access-null; echo "(exit status $$?)"

clean:
	rm -rf .build guest/build
