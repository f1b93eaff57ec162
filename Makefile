# tongbao — common tasks. `make demo` converts the bundled bulletins, `make test` runs every test.
CARGO ?= cargo
OUT ?= out

.PHONY: all build demo test lint fmt schemas golden fixtures bench fuzz clean

all: build

build:
	$(CARGO) build --release -p tongbao-cli

# Convert the bundled August 2019 bulletin (Word, Excel, legacy Excel) into $(OUT)/.
demo: build
	./target/release/tongbao convert fixtures/bulletin-2019-08.docx fixtures/bulletin-2019-08.xlsx fixtures/bulletin-2019-08.xls -o $(OUT)
	./target/release/tongbao convert fixtures/bulletin-2019-08.docx --format csv -o $(OUT)
	@echo "wrote $(OUT)/"

# The whole suite: formatting, lints, unit, integration, golden and doc tests.
test: lint
	$(CARGO) test --workspace --all-targets
	$(CARGO) test --workspace --doc

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

# Regenerate schemas/ from the Rust types (a test fails while they differ).
schemas:
	UPDATE_SCHEMAS=1 $(CARGO) test -p tongbao --test schema

# Rewrite tests/golden/ from the current conversions (review the diff by eye).
golden: build
	./target/release/tongbao check fixtures/bulletin-2019-08.docx fixtures/bulletin-2019-08.xlsx fixtures/bulletin-2019-08.xls --expected tests/golden --update
	./target/release/tongbao check fixtures/layouts --expected tests/golden/layouts --update

# Regenerate the layout and error fixtures from crates/tongbao-fixtures (byte-for-byte stable).
fixtures:
	$(CARGO) run -p tongbao-fixtures --bin make-fixtures -- .

# A long mutation run (truncations, byte flips, zip-entry damage) through the whole
# pipeline; the default test run does 2,000 cases. Set TONGBAO_MUTATION_SEED to vary it.
fuzz:
	TONGBAO_MUTATIONS=$${TONGBAO_MUTATIONS:-50000} $(CARGO) test --release -p tongbao --test mutation -- --nocapture

# Throughput against the zip + quick-xml floor, stage shares and scaling (see BENCHMARKS.md).
bench:
	scripts/bench.sh

clean:
	$(CARGO) clean
	rm -rf $(OUT)
