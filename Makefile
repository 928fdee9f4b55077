# fundstress — the two commands are `make run` and `make test`.
SWIFT ?= swift
PATHS ?= 100000
OUT ?= reports/latest
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test test-release lint format bench compare clean

# Install the system libraries the package links (OpenBLAS with CBLAS, LAPACKE) when missing.
deps:
	@if pkg-config --exists openblas 2>/dev/null && [ -f /usr/include/lapacke.h ] && [ -f /usr/include/zlib.h ]; then :; else \
	  echo "installing libopenblas-dev liblapacke-dev pkg-config zlib1g-dev"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y libopenblas-dev liblapacke-dev pkg-config zlib1g-dev; \
	fi

build: deps
	$(SWIFT) build -c release --product fundstress

# Simulate 100,000 paths of the embedded default scenario and write reports/latest/.
run: build
	.build/release/fundstress run --paths $(PATHS) --out $(OUT)

# Build and pass every test.
test: deps
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift Benchmarks/Package.swift Benchmarks/Sources Benchmarks/*Benchmarks

format:
	$(SWIFT) format --in-place --recursive --parallel Sources Tests Package.swift Benchmarks/Package.swift Benchmarks/Sources Benchmarks/*Benchmarks

# package-benchmark suites (normals, paths, cascade step, whole run).
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

# fundstress against the numpy peers on identical work. The peers are an external benchmark,
# not part of fundstress: PEERS_DIR names their folder (default ../shared/peers).
compare: build
	scripts/compare_paths.sh
	scripts/compare_cascade.py

clean:
	rm -rf .build Benchmarks/.build
