# tools/scale/publish.mk — publish a content tree one agency per process, so that
# `make -j` publishes agencies in parallel and a change republishes only what it touches:
#
#   make -f tools/scale/publish.mk -j2 CONTENT=content OUTPUT=output \
#        [STAGE=output.stage] [PRONGSAI=build/prongsai] [LAYOUTS=layouts] [TIME=…]
#
# Each agency is a stage: `prongsai publish --only AGENCY --output STAGE/AGENCY`, rerun
# when a file of content/AGENCY/ changes (or a layout, the content outside the agency
# folders, or prongsai itself). The output is then one ordinary publish with
# `--reuse STAGE`, which takes every fresh stage as it is, renders anything stale
# itself, writes the indexes over all agencies (CPI data, open data, website,
# manifest.json) and swaps the whole tree in at once (README.md "Publishing many
# agencies"). TIME, when set, prefixes every prongsai command (tools/scale/bench.sh
# passes /usr/bin/time to measure each process).

CONTENT  ?= content
OUTPUT   ?= output
STAGE    ?= $(OUTPUT).stage
PRONGSAI ?= build/prongsai
LAYOUTS  ?= layouts
TIME     ?=

# agencies: the first folder of every content/AGENCY/YEAR/plan.md
AGENCIES := $(sort $(foreach p,$(wildcard $(CONTENT)/*/*/plan.md),\
              $(firstword $(subst /, ,$(patsubst $(CONTENT)/%,%,$(p))))))
# what every agency depends on besides its own folder: the layouts, prongsai, and the
# content outside the agency folders (two levels deep, like content/cpi/scores.csv)
OUTSIDE  := $(filter-out $(AGENCIES:%=$(CONTENT)/%),$(wildcard $(CONTENT)/*))
SHARED   := $(PRONGSAI) $(wildcard $(LAYOUTS)/* $(LAYOUTS)/*/*) \
            $(OUTSIDE) $(wildcard $(OUTSIDE:%=%/*))

.PHONY: all
all: $(OUTPUT)/manifest.json

.SECONDEXPANSION:
# an agency's folder, its year folders and the files in them (plan.md, progress-*, …)
$(STAGE)/%/manifest.json: $$(wildcard $(CONTENT)/$$*/* $(CONTENT)/$$*/*/*) $(SHARED)
	@mkdir -p $(STAGE)
	$(TIME) $(PRONGSAI) publish --content $(CONTENT) --layouts $(LAYOUTS) --only $* --output $(STAGE)/$*

$(OUTPUT)/manifest.json: $(AGENCIES:%=$(STAGE)/%/manifest.json) $(SHARED)
	$(TIME) $(PRONGSAI) publish --content $(CONTENT) --layouts $(LAYOUTS) --reuse $(STAGE) --output $(OUTPUT)
