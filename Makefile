# prongsai — `make publish` and `make test` are the two commands (see README.md).

CONTENT ?= content
OUTPUT  ?= output

CC      ?= cc
# Debian packages that provide what pkg-config below looks for.
APT_PACKAGES := build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
                libjansson-dev libglib2.0-dev libcairo2-dev libpango1.0-dev libfontconfig-dev \
                fonts-thai-tlwg valgrind jq poppler-utils qpdf
PKGS    := libcmark-gfm jansson glib-2.0 cairo cairo-pdf pangocairo pangoft2 fontconfig
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

WARN    := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wno-format-nonliteral
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lm
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(WARN) $(CFLAGS) -Igen $(PKG_CFLAGS) -MMD -MP
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# One module per concern: thai values, readers, the model, the validator, back ends.
LIB_SRC := gen/thai/thai.c \
           gen/util/arena.c gen/util/buf.c gen/util/text.c gen/util/fs.c \
           gen/diag.c gen/model.c \
           gen/read/source.c gen/read/markdown.c gen/read/frontmatter.c gen/read/plan_md.c gen/read/plan.c \
           gen/read/layout.c \
           gen/validate.c \
           gen/out/plan_json.c gen/out/csv.c gen/out/output.c gen/out/stage.c \
           gen/pdf/writer.c gen/pdf/table.c gen/pdf/prose.c gen/pdf/plan_pdf.c gen/pdf/lang.c gen/pdf/spans.c \
           gen/publish.c
MAIN_SRC := gen/main.c
# Progress rounds (gen/progress/): progress CSV is read with libcsv (libcsv-dev), which
# ships no pkg-config file.
LIB_SRC += gen/progress/read.c gen/progress/read_csv.c gen/progress/read_json.c \
           gen/read/json_pos.c gen/progress/join.c gen/progress/out_json.c \
           gen/progress/out_csv.c gen/progress/report_pdf.c gen/progress/charts.c \
           gen/progress/publish.c
APT_PACKAGES += libcsv-dev
PKG_LIBS += -lcsv
# open data (data.go.th payloads, Data Package, Excel copies) and the website bundle;
# chromium opens the site in the tests (tests/e2e/site.sh)
LIB_SRC += gen/opendata/schema.c gen/opendata/meta.c gen/opendata/tables.c gen/opendata/excel.c \
           gen/opendata/opendata.c gen/opendata/ckan.c gen/site/template.c gen/site/site.c
APT_PACKAGES += chromium
UNIT_TESTS := thai_test model_test layout_test pdf_test
UNIT_TESTS += progress_test
# CPI (gen/cpi/: content/cpi CSV files, TI workbooks through libzip and expat; gen/chart/:
# cairo charts with pango labels, to PDF, SVG and PNG)
LIB_SRC += gen/cpi/surveys.c gen/cpi/csvrows.c gen/cpi/xlsx.c gen/cpi/model.c gen/cpi/read.c \
           gen/cpi/ti.c gen/cpi/out.c gen/cpi/report.c gen/cpi/cpi_publish.c \
           gen/chart/chart.c gen/chart/cpi_charts.c
APT_PACKAGES += libzip-dev libexpat1-dev
PKGS += libzip expat cairo-svg cairo-png
UNIT_TESTS += cpi_test
UNIT_TESTS += opendata_test

BUILD   := build
LIB_OBJ      := $(LIB_SRC:%.c=$(BUILD)/plain/%.o)
LIB_OBJ_ASAN := $(LIB_SRC:%.c=$(BUILD)/asan/%.o)

.PHONY: all deps build publish test unit-tests valgrind clean bench upload
.DEFAULT_GOAL := all

all: build

# Installs the build dependencies only when pkg-config cannot find them.
deps:
	@if pkg-config --exists $(PKGS) 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
	    && [ -f /usr/include/csv.h ] \
	    && command -v chromium >/dev/null \
	    && [ -f /usr/share/fonts/truetype/tlwg/Laksaman.ttf ] && command -v valgrind >/dev/null \
	    && command -v jq >/dev/null && command -v pdftotext >/dev/null && command -v qpdf >/dev/null; \
	then :; else \
	  echo "make: installing build dependencies: $(APT_PACKAGES)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

build: deps
	@$(MAKE) --no-print-directory $(BUILD)/prongsai

$(BUILD)/plain/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -c $< -o $@

$(BUILD)/prongsai: $(LIB_OBJ) $(BUILD)/plain/gen/main.o
	$(CC) $(CFLAGS) $^ $(PKG_LIBS) -o $@

$(BUILD)/asan/prongsai: $(LIB_OBJ_ASAN) $(BUILD)/asan/gen/main.o
	$(CC) $(CFLAGS) $(SAN) $^ $(PKG_LIBS) -o $@

$(BUILD)/plain/%_test: $(BUILD)/plain/tests/unit/%_test.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $^ $(PKG_LIBS) -o $@

$(BUILD)/asan/%_test: $(BUILD)/asan/tests/unit/%_test.o $(LIB_OBJ_ASAN)
	$(CC) $(CFLAGS) $(SAN) $^ $(PKG_LIBS) -o $@

$(BUILD)/text_has: tests/tools/text_has.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $< -o $@

publish: build
	$(BUILD)/prongsai publish --content $(CONTENT) --output $(OUTPUT)

# Posts output/ckan/ (the data.go.th payloads) to a CKAN portal with curl:
#   make upload CKAN_URL=https://data.go.th CKAN_API_KEY=… [CKAN_OWNER_ORG=…]
upload:
	@CKAN_URL='$(CKAN_URL)' CKAN_API_KEY='$(CKAN_API_KEY)' CKAN_OWNER_ORG='$(CKAN_OWNER_ORG)' \
	    tools/ckan-upload.sh $(OUTPUT)

# Test-time validators from the npm registry (the Frictionless Data library), pinned by
# tests/node/package-lock.json and installed into tests/node/node_modules.
NODE_VALIDATORS := tests/node/node_modules/.package-lock.json
$(NODE_VALIDATORS): tests/node/package.json tests/node/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is needed for the test validators" >&2; exit 1; }
	cd tests/node && npm ci --no-audit --no-fund --loglevel=error

# The whole suite: unit tests and end-to-end tests, plain and under ASan+UBSan.
test: deps
	@$(MAKE) --no-print-directory $(BUILD)/prongsai $(BUILD)/asan/prongsai \
	    $(UNIT_TESTS:%=$(BUILD)/plain/%) $(UNIT_TESTS:%=$(BUILD)/asan/%) $(BUILD)/text_has \
	    $(FUZZ_HARNESSES:%=$(BUILD)/plain/fuzz-replay-%) $(FUZZ_HARNESSES:%=$(BUILD)/asan/fuzz-replay-%) \
	    $(NODE_VALIDATORS)
	@tests/run.sh $(BUILD)

VALGRIND := valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible --suppressions=tests/valgrind.supp

# a whole publish, then the staged one (the first agency's stage, and the run that takes it)
VALGRIND_AGENCY = $(firstword $(foreach p,$(wildcard $(CONTENT)/*/*/plan.md),\
                    $(firstword $(subst /, ,$(patsubst $(CONTENT)/%,%,$(p))))))
valgrind: build
	@rm -rf $(BUILD)/valgrind-out $(BUILD)/valgrind-stage
	$(VALGRIND) $(BUILD)/prongsai publish --content $(CONTENT) --output $(BUILD)/valgrind-out
	$(VALGRIND) $(BUILD)/prongsai publish --content $(CONTENT) --only $(VALGRIND_AGENCY) \
	    --output $(BUILD)/valgrind-stage/$(VALGRIND_AGENCY)
	$(VALGRIND) $(BUILD)/prongsai publish --content $(CONTENT) --reuse $(BUILD)/valgrind-stage \
	    --output $(BUILD)/valgrind-out

# Speed and memory of the PDF back end against pandoc+WeasyPrint/XeLaTeX (tools/bench/).
bench: build
	tools/bench/bench.sh

# ---- hardening: fuzzing and scale (tests/fuzz/, tools/scale/) -------------------------
# One libFuzzer harness per parser, tests/fuzz/fuzz_NAME.c. `make fuzz` builds them with
# clang (installed by fuzz-deps, not by deps: only fuzzing needs it) and runs each for
# FUZZ_SECONDS; make test replays tests/fuzz/regressions/NAME/ through the same harnesses
# linked with a plain main() (tests/fuzz/replay.c), so it needs no clang.
FUZZ_HARNESSES := plan thai layout progress cpi
FUZZ_SECONDS ?= 60
FUZZ_CC      := clang
FUZZ_APT_PACKAGES := clang libclang-rt-14-dev
FUZZ_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/fuzz/%.o)

.PHONY: fuzz fuzz-deps bench-scale
.PRECIOUS: $(BUILD)/plain/tests/fuzz/%.o $(BUILD)/asan/tests/fuzz/%.o $(BUILD)/fuzz/%.o

fuzz-deps:
	@if command -v $(FUZZ_CC) >/dev/null && printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	    | $(FUZZ_CC) -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then :; else \
	  echo "make: installing fuzzing dependencies: $(FUZZ_APT_PACKAGES)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(FUZZ_APT_PACKAGES); \
	fi

# -Wno-error: clang warns where gcc does not; the project's warnings are gcc's (build)
$(BUILD)/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -Wno-error -O1 $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/fuzz-%: $(BUILD)/fuzz/tests/fuzz/fuzz_%.o $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer $^ $(PKG_LIBS) -o $@

$(BUILD)/plain/fuzz-replay-%: $(BUILD)/plain/tests/fuzz/fuzz_%.o $(BUILD)/plain/tests/fuzz/replay.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $^ $(PKG_LIBS) -o $@

$(BUILD)/asan/fuzz-replay-%: $(BUILD)/asan/tests/fuzz/fuzz_%.o $(BUILD)/asan/tests/fuzz/replay.o $(LIB_OBJ_ASAN)
	$(CC) $(CFLAGS) $(SAN) $^ $(PKG_LIBS) -o $@

# Scale: N synthetic agencies' plans (tools/scale/gen.c) published one process per
# agency with make -j (tools/scale/publish.mk); prints files/s, MB/s, peak memory per
# process, the incremental republish of one agency, and checks the result against one
# single-process publish.
N ?= 10
$(BUILD)/scale-gen: $(BUILD)/plain/tools/scale/gen.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $^ $(PKG_LIBS) -o $@

bench-scale: build
	@$(MAKE) --no-print-directory $(BUILD)/scale-gen
	@tools/scale/bench.sh $(BUILD) $(N)

fuzz: deps fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/fuzz-%)
	@tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
