# Debian's static riscv64 busybox under tinyrv vs qemu-riscv64, included by the Makefile.
# `make guest-busybox` fetches busybox-static (Debian trixie) into guest/build/busybox/busybox; the fetch is a
# no-op once the file exists. `make test-busybox` runs every case of guest/busybox/cases.txt under $(TINYRV)
# and qemu-riscv64 (scripts/busybox-difftest.sh).
BUSYBOX_DIR := guest/build/busybox
BUSYBOX_CASES := guest/busybox/cases.txt

.PHONY: guest-busybox test-busybox

guest-busybox:
	scripts/fetch-busybox.sh $(BUSYBOX_DIR)

test-busybox: guest-busybox
	scripts/busybox-difftest.sh $(TINYRV) $(BUSYBOX_DIR)/busybox $(BUSYBOX_CASES)
