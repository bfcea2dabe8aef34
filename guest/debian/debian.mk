# Debian's own dynamically linked riscv64 programs under tinyrv vs qemu-riscv64 -L, included by the Makefile.
# `make guest-debian` fetches the packages below and their library dependencies from Debian trixie into a
# root file system (scripts/fetch-debian-root.py, checked by SHA256 against the Packages index; a no-op once
# fetched) and byte-compiles Python's standard library there under qemu-riscv64 once (Debian's postinst
# would; without it every run compiles the modules it imports). `make test-debian` runs
# guest/debian/cases.txt (scripts/debian-difftest.sh).
DEBIAN_ROOT := guest/build/debian
DEBIAN_PACKAGES := lua5.4 coreutils sqlite3 python3
DEBIAN_PYTHON := python3.13

.PHONY: guest-debian test-debian

guest-debian: $(DEBIAN_ROOT)/.pycompiled

$(DEBIAN_ROOT)/.fetched: scripts/fetch-debian-root.py guest/debian/debian.mk
	scripts/fetch-debian-root.py $(DEBIAN_ROOT) $(DEBIAN_PACKAGES)

$(DEBIAN_ROOT)/.pycompiled: $(DEBIAN_ROOT)/.fetched
	QEMU_LD_PREFIX=$(DEBIAN_ROOT) qemu-riscv64 $(DEBIAN_ROOT)/usr/bin/$(DEBIAN_PYTHON) -m compileall -q \
		-x 'test|idlelib|lib2to3|tkinter|turtledemo|ensurepip|pydoc_data' $(DEBIAN_ROOT)/usr/lib/$(DEBIAN_PYTHON) >/dev/null
	touch $@

test-debian: build guest-debian
	scripts/debian-difftest.sh $(TINYRV) $(DEBIAN_ROOT) guest/debian/cases.txt
