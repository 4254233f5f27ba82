# Chorus — the two commands a newcomer needs are `make run` and `make test`.
# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer into build-san/.

JOBS      ?= $(shell nproc)
BUILD_TYPE ?= RelWithDebInfo
ifeq ($(SAN),1)
BUILD_DIR ?= build-san
CMAKE_EXTRA := -DCHORUS_SANITIZE=ON
else
BUILD_DIR ?= build
CMAKE_EXTRA :=
endif

.PHONY: build run test bench golden fuzz format clean deps ready

# Every build first makes sure the Debian packages and web/node_modules are there: as root
# scripts/install-deps installs what is missing, otherwise it stops with one line saying what
# to run. Silent and quick when nothing is missing.
ready:
	@scripts/install-deps --ensure

build: $(BUILD_DIR)/Makefile
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Configured once; cmake --build reconfigures by itself when CMakeLists.txt changes. The
# target is the generated Makefile, which CMake writes only when the configure succeeded: a
# failed configure removes its cache so that the next try starts clean.
$(BUILD_DIR)/Makefile: | ready
	@rm -f $(BUILD_DIR)/CMakeCache.txt
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_EXTRA) || \
	  { rm -f $(BUILD_DIR)/CMakeCache.txt; \
	    echo "make: configuring $(BUILD_DIR)/ failed (the error is above); its cache is removed, so the next make configures afresh" >&2; \
	    exit 1; }

deps:
	scripts/install-deps

# The server with the demo organisation (seeded on first start), data in ./data/.
# `make run PORT=8081 DATA=/tmp/chorus` picks another port and data directory; LISTEN=host:port
# sets both host and port. `chorus demo` still prints the sample checks without a server.
HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= data
LISTEN ?= $(HOST):$(PORT)
run: build
	./$(BUILD_DIR)/chorus serve --data $(DATA) --listen $(LISTEN) --demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	bench/run $(BUILD_DIR)

# Rewrites tests/scan_golden/expected.jsonl from the current build (after an intended change
# of findings); review and commit the diff.
golden: build
	tests/scan_golden/run.sh $(BUILD_DIR)/chorus $(BUILD_DIR)/scan_golden --update

# libFuzzer targets (every fuzz/fuzz_*.cc), built with Debian's clang into build-fuzz/.
FUZZ_TARGETS ?= $(basename $(notdir $(wildcard fuzz/fuzz_*.cc)))
fuzz:
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_COMPILER=clang -DCHORUS_LIBFUZZER=ON
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	@echo "run e.g.: build-fuzz/fuzz_fold -max_total_time=60 fuzz/corpus/fold"

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build build-san build-fuzz

# Long fuzzing: every fuzz/fuzz_*.cc target for FUZZ_SECONDS each (default 600), JOBS of them
# at a time, each under -rss_limit_mb=FUZZ_RSS_MB; executions and findings are written to
# build-fuzz/fuzz-long/summary.txt (see fuzz/run-long). FUZZ_TARGETS picks some targets.
FUZZ_SECONDS ?= 600
FUZZ_RSS_MB ?= 2048
.PHONY: fuzz-long
fuzz-long:
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_COMPILER=clang -DCHORUS_LIBFUZZER=ON
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	FUZZ_PARALLEL=$(JOBS) fuzz/run-long $(FUZZ_SECONDS) $(FUZZ_RSS_MB) $(FUZZ_TARGETS)
