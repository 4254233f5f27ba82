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

.PHONY: build run test bench fuzz format clean deps ready

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
# `chorus demo` still prints the sample checks without a server.
LISTEN ?= 127.0.0.1:8080
run: build
	./$(BUILD_DIR)/chorus serve --data data --listen $(LISTEN) --demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	bench/run $(BUILD_DIR)

# libFuzzer targets, built with Debian's clang into build-fuzz/.
fuzz:
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_COMPILER=clang -DCHORUS_LIBFUZZER=ON
	cmake --build build-fuzz -j $(JOBS) --target fuzz_fold fuzz_policy_loader fuzz_scan_line fuzz_policy_form
	@echo "run e.g.: build-fuzz/fuzz_fold -max_total_time=60 fuzz/corpus/fold"

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build build-san build-fuzz
