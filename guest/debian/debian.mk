# Debian's own dynamically linked riscv64 programs under tinyrv vs qemu-riscv64, included by the Makefile.
# `make guest-debian` fetches the packages and their dependencies into guest/build/sysroot (a no-op once they
# are there); `make test-debian` runs every case of guest/debian/cases.txt under the release tinyrv (python3
# runs billions of instructions: ~60x too slow in a debug build) and qemu-riscv64.
DEBIAN_SYSROOT := guest/build/sysroot
DEBIAN_PACKAGES := python3 lua5.4 sqlite3 coreutils grep sed gawk bc bash dash jq gzip xz-utils tar diffutils findutils file \
	perl-base perl m4 make openssl bzip2 zstd gcc-14 binutils libc6-dev
DEBIAN_CASES := guest/debian/cases.txt

.PHONY: guest-debian test-debian

guest-debian:
	scripts/fetch-debian-sysroot.py $(DEBIAN_SYSROOT) $(DEBIAN_PACKAGES)

# Linux gives a program an 8 MiB stack; the seed's 10-page default is too small for python3 and coreutils.
test-debian: release guest-debian
	DIFFTEST_TIMEOUT=300 DIFFTEST_SYSROOT=$(DEBIAN_SYSROOT) DIFFTEST_TINYRV_OPTIONS="--stack-pages 2048" \
		scripts/busybox-difftest.sh $(TINYRV_RELEASE) - $(DEBIAN_CASES)
	scripts/toolchain-test.sh $(TINYRV_RELEASE) $(DEBIAN_SYSROOT)
