# The brief pipeline's front door. `make` lists the targets; each installs what it needs first.
PRODUCT ?=
# The folder of briefs (brief's --content): point it elsewhere to work on briefs kept outside content/.
CONTENT ?= content
BRIEF := node bin/brief.js
# ALLOW_OVERFLOW=1: a draft that does not fit two pages still gets a PDF, every page marked DRAFT.
# SHARD=I/N: build part I of N of the catalogue (CI runs the parts on N machines).
BUILD_FLAGS := $(if $(ALLOW_OVERFLOW),--allow-overflow) $(if $(SHARD),--shard $(SHARD))
SETUP := node_modules/.setup-stamp

.DEFAULT_GOAL := help
.PHONY: help setup new html pdf docx all check preview bench-preview bench scale test typecheck clean release diff dist verify

# Make turns any failed recipe into its own exit code 2, so the CLI's own codes (1 a brief has
# problems, 2 a usage error) cannot come through make; help says so and where to get them.
help:
	@echo "make new PRODUCT=IF99002 [TITLE=\"…\"]   start a brief: $(CONTENT)/IF99002/brief.md, a skeleton that checks and builds"
	@echo "make check     check every brief's source and that each draft fits two pages; writes nothing (NO_FIT=1: source only)"
	@echo "make html      build the HTML of every brief     (output/<PRODUCT>/<VERSION>/<PRODUCT>.html)"
	@echo "make pdf       build the In Focus PDF of every brief"
	@echo "make docx      build the Word document of every brief"
	@echo "make all       build HTML, PDF and DOCX"
	@echo "make preview PRODUCT=IF11415 [PORT=N]   a live preview on 127.0.0.1: the two pages and the fit as you save"
	@echo "make bench-preview   measure the preview: save -> refreshed, over 15 saves of IF11415"
	@echo "make bench     measure whole commands (no-op build, check, cold builds, a 100-brief catalogue, the preview)"
	@echo "               against node -e 0 and Chromium's bare print; output/bench/results.md (BENCH_RUNS=N, BENCH_COUNT=N)"
	@echo "make scale     build a generated catalogue in shards at once (SCALE_COUNT=500, SCALE_SHARDS=4): time per shard, memory"
	@echo "make release PRODUCT=IF11415 [DATE=YYYY-MM-DD]   freeze the draft as the next published version, build it, keep its files"
	@echo "make diff PRODUCT=IF11415 [FROM=1 TO=2]   redline and tracked changes between two versions"
	@echo "make dist [BASE_URL=https://…/]   the distribution site in output/site/ (BASE_URL: absolute links in the feed)"
	@echo "make verify [PRODUCT=…]   would today's toolchain change any published file? (renders in memory, writes nothing)"
	@echo "make test      type-check and run the tests"
	@echo "make typecheck type-check only"
	@echo "make setup     install what the pipeline needs (npm ci; chromium, poppler, LibreOffice when root)"
	@echo "make clean     remove output/"
	@echo "PRODUCT=IF11415 limits a build or check to one brief; ALLOW_OVERFLOW=1 writes a DRAFT PDF of a brief that overflows;"
	@echo "SHARD=I/N builds part I of N of the catalogue (make all SHARD=2/4);"
	@echo "CONTENT=DIR reads the briefs from DIR instead of content/."
	@echo "When the command fails, make exits 2 whatever the reason; run it as node bin/brief.js … for its own"
	@echo "exit code (1 a brief has problems, 2 a usage error). node bin/brief.js help lists the commands and options."

$(SETUP): package.json package-lock.json scripts/setup.sh
	@scripts/setup.sh

# The compiled command line (bin/compile.js: src/ → dist/, a fraction of a second); bin/brief.js
# would compile a stale dist/ itself, this keeps it out of the first timed command.
COMPILED := dist/.stamp
$(COMPILED): bin/compile.js $(shell find src -type f 2>/dev/null) | $(SETUP)
	@node bin/compile.js

setup: $(SETUP)

# TITLE only when given on the command line (an empty TITLE= is passed on, and refused, as
# written; a TITLE in the environment is not ours). Its raw text ($(value …): make does not expand
# `$1.2 Trillion`) goes to the shell single-quoted, so quotes, $ and backquotes are taken literally.
TITLE_ARG = $(if $(findstring command line,$(origin TITLE)),--title '$(subst ','\'',$(value TITLE))')

new: $(COMPILED)
	@test -n "$(PRODUCT)" || { echo "make new needs PRODUCT=<code>, e.g. make new PRODUCT=IF99002 TITLE=\"Water Rights in the West\"" >&2; exit 2; }
	$(BRIEF) new $(PRODUCT) --content "$(CONTENT)" $(TITLE_ARG)

html: $(COMPILED)
	$(BRIEF) build $(PRODUCT) --content "$(CONTENT)" --format html $(if $(SHARD),--shard $(SHARD))

pdf: $(COMPILED)
	$(BRIEF) build $(PRODUCT) --content "$(CONTENT)" --format pdf $(BUILD_FLAGS)

docx: $(COMPILED)
	$(BRIEF) build $(PRODUCT) --content "$(CONTENT)" --format docx $(if $(SHARD),--shard $(SHARD))

all: $(COMPILED)
	$(BRIEF) build $(PRODUCT) --content "$(CONTENT)" --format html,pdf,docx $(BUILD_FLAGS)

check: $(COMPILED)
	$(BRIEF) check $(PRODUCT) --content "$(CONTENT)" $(if $(NO_FIT),--no-fit)

typecheck: $(SETUP)
	npx tsc --noEmit

test: $(COMPILED)
	@scripts/setup.sh --with-test-tools
	npx tsc --noEmit
	npx vitest run

release: $(COMPILED)
	@test -n "$(PRODUCT)" || { echo "make release needs PRODUCT=<code>, e.g. make release PRODUCT=IF11415" >&2; exit 2; }
	$(BRIEF) release $(PRODUCT) --content "$(CONTENT)" $(if $(DATE),--date $(DATE))

diff: $(COMPILED)
	@test -n "$(PRODUCT)" || { echo "make diff needs PRODUCT=<code> (and optionally FROM= TO=)" >&2; exit 2; }
	$(BRIEF) diff $(PRODUCT) $(FROM) $(TO) --content "$(CONTENT)"

dist: $(COMPILED)
	$(BRIEF) dist --content "$(CONTENT)" $(if $(BASE_URL),--base-url "$(BASE_URL)")

# Render the published versions again, in memory, and say whether today's toolchain would change them.
verify: $(COMPILED)
	$(BRIEF) verify $(PRODUCT) --content "$(CONTENT)"

clean:
	rm -rf output

# The live preview: the brief laid out as its PDF, rebuilt on every save, on http://127.0.0.1:4177/.
preview: $(COMPILED)
	@test -n "$(PRODUCT)" || { echo "make preview needs PRODUCT=<code>, e.g. make preview PRODUCT=IF11415 (and optionally PORT=N)" >&2; exit 2; }
	$(BRIEF) preview $(PRODUCT) --content "$(CONTENT)" $(if $(PORT),--port $(PORT))

# Save → status.json version bumped, over RUNS saves of IF11415 (default 15).
bench-preview: $(COMPILED)
	node --import tsx scripts/bench-preview.mts

# The pipeline's benchmark: whole commands, medians, ratios to their baselines and the issue's
# targets; a synthetic catalogue (scripts/generate-catalogue.mts) for throughput and memory.
# BENCH_RUNS=N runs per measurement (default 5), BENCH_COUNT=N catalogue briefs (default 100).
bench: $(COMPILED)
	node --import tsx scripts/bench.mts

# The scale proof: SCALE_COUNT generated briefs (default 500) in SCALE_SHARDS shards (default 4) at once.
scale: $(COMPILED)
	node --import tsx scripts/scale.mts
