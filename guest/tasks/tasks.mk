# The multi-process suite (fork, exec, pipes, posix_spawn, system), included by the top-level Makefile.
# `make guest-tasks` builds every guest/tasks/*.c into guest/build/tasks/<name>; `make test-tasks` runs
# guest/tasks/cases.txt against the written-down outputs (scripts/tasks-test.sh).
TASKS_CC := $(CROSS)gcc
TASKS_CFLAGS := -static -O2 -march=rv64gc -mabi=lp64d -Wall -Wextra -Wno-unused-result
TASKS_SOURCES := $(wildcard guest/tasks/*.c)
TASKS_PROGRAMS := $(patsubst guest/tasks/%.c,guest/build/tasks/%,$(TASKS_SOURCES))

.PHONY: guest-tasks test-tasks

guest-tasks: $(TASKS_PROGRAMS)

$(TASKS_PROGRAMS): guest/build/tasks/%: guest/tasks/%.c guest/tasks/tasks.mk
	@mkdir -p $(@D)
	$(TASKS_CC) $(TASKS_CFLAGS) -o $@ $<

test-tasks: build guest-tasks guest-busybox
	scripts/tasks-test.sh $(TINYRV) guest/build/busybox/busybox guest/build/tasks
