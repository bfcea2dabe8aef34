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
	@echo "make deps     install missing Debian packages (libelf-dev, gcc-riscv64-linux-gnu, qemu-user)"
	@echo "make build    debug build of tinyrv (.build/debug/tinyrv)"
	@echo "make release  release build of tinyrv (.build/release/tinyrv)"
	@echo "make guest    cross-compile the guest programs into guest/build/"
	@echo "make bench    release build; benchmarks under tinyrv, qemu-riscv64 and natively"
	@echo "make clean    remove build outputs"

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

include guest/guest.mk
include guest/isa/isa.mk
include guest/linux/linux.mk
include guest/bench/bench.mk
include guest/busybox/busybox.mk

guest: deps guest-tests guest-isa guest-linux guest-busybox

test: build guest test-swift test-guest test-linux test-busybox

test-swift: deps
	$(SWIFT) test

test-guest: build guest
	$(TINYRV) test guest/build/tests guest/build/isa

bench: deps release guest-bench
	python3 scripts/bench.py --tinyrv $(TINYRV_RELEASE) --runs 3 --markdown guest/build/bench/results.md

demo: build guest
	$(TINYRV) test guest/build/tests guest/build/isa
	@echo
	@echo '== tinyrv run --trace syscalls,faults --stats guest/build/tests/grow-stack'
	@$(TINYRV) run --trace syscalls,faults --stats guest/build/tests/grow-stack; echo "(exit status $$?)"
	@echo
	@echo '== tinyrv run --trace faults,syscalls guest/build/tests/bad-mem-access-null (killed on purpose)'
	@$(TINYRV) run --trace faults,syscalls guest/build/tests/bad-mem-access-null; echo "(exit status $$?)"

clean:
	rm -rf .build guest/build
