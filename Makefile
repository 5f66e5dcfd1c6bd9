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
           gen/out/plan_json.c gen/out/csv.c gen/out/output.c \
           gen/pdf/writer.c gen/pdf/table.c gen/pdf/prose.c gen/pdf/plan_pdf.c gen/pdf/lang.c \
           gen/publish.c
MAIN_SRC := gen/main.c
UNIT_TESTS := thai_test model_test layout_test pdf_test

BUILD   := build
LIB_OBJ      := $(LIB_SRC:%.c=$(BUILD)/plain/%.o)
LIB_OBJ_ASAN := $(LIB_SRC:%.c=$(BUILD)/asan/%.o)

.PHONY: all deps build publish test unit-tests valgrind clean bench
.DEFAULT_GOAL := all

all: build

# Installs the build dependencies only when pkg-config cannot find them.
deps:
	@if pkg-config --exists $(PKGS) 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
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

# The whole suite: unit tests and end-to-end tests, plain and under ASan+UBSan.
test: deps
	@$(MAKE) --no-print-directory $(BUILD)/prongsai $(BUILD)/asan/prongsai \
	    $(UNIT_TESTS:%=$(BUILD)/plain/%) $(UNIT_TESTS:%=$(BUILD)/asan/%) $(BUILD)/text_has
	@tests/run.sh $(BUILD)

valgrind: build
	@rm -rf $(BUILD)/valgrind-out
	valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible --suppressions=tests/valgrind.supp \
	    $(BUILD)/prongsai publish --content $(CONTENT) --output $(BUILD)/valgrind-out

# Speed and memory of the PDF back end against pandoc+WeasyPrint/XeLaTeX (tools/bench/).
bench: build
	tools/bench/bench.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
