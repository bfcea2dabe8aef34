# Debian's own dynamically linked riscv64 programs under tinyrv vs qemu-riscv64, included by the Makefile.
# `make guest-debian` fetches the packages and their dependencies into guest/build/sysroot (a no-op once they
# are there); `make test-debian` runs every case of guest/debian/cases.txt under $(TINYRV) and qemu-riscv64.
DEBIAN_SYSROOT := guest/build/sysroot
DEBIAN_PACKAGES := python3 lua5.4 sqlite3 coreutils grep sed gawk bc
DEBIAN_CASES := guest/debian/cases.txt

.PHONY: guest-debian test-debian

guest-debian:
	scripts/fetch-debian-sysroot.py $(DEBIAN_SYSROOT) $(DEBIAN_PACKAGES)

test-debian: guest-debian
	DIFFTEST_SYSROOT=$(DEBIAN_SYSROOT) scripts/busybox-difftest.sh $(TINYRV) - $(DEBIAN_CASES)
