# The brief pipeline's front door. `make` lists the targets; each installs what it needs first.
PRODUCT ?=
BRIEF := node bin/brief.js
# ALLOW_OVERFLOW=1: a draft that does not fit two pages still gets a PDF, every page marked DRAFT.
BUILD_FLAGS := $(if $(ALLOW_OVERFLOW),--allow-overflow)
SETUP := node_modules/.setup-stamp

.DEFAULT_GOAL := help
.PHONY: help setup html pdf docx all check test typecheck clean release diff dist

help:
	@echo "make html      build the HTML of every brief     (output/<PRODUCT>/<VERSION>/<PRODUCT>.html)"
	@echo "make pdf       build the In Focus PDF of every brief"
	@echo "make docx      build the Word document of every brief"
	@echo "make all       build HTML, PDF and DOCX"
	@echo "make check     check every brief's source; writes nothing"
	@echo "make test      type-check and run the tests"
	@echo "make release PRODUCT=IF11415   freeze the draft as the next published version and build it"
	@echo "make diff PRODUCT=IF11415 [FROM=1 TO=2]   redline and tracked changes between two versions"
	@echo "make dist      the distribution site in output/site/"
	@echo "make clean     remove output/"
	@echo "PRODUCT=IF11415 limits a build to one brief; ALLOW_OVERFLOW=1 writes a DRAFT PDF of a brief that overflows."

$(SETUP): package.json package-lock.json scripts/setup.sh
	@scripts/setup.sh

setup: $(SETUP)

html: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format html

pdf: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format pdf $(BUILD_FLAGS)

docx: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format docx

all: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format html,pdf,docx $(BUILD_FLAGS)

check: $(SETUP)
	$(BRIEF) check $(PRODUCT)

typecheck: $(SETUP)
	npx tsc --noEmit

test: $(SETUP)
	@scripts/setup.sh --with-test-tools
	npx tsc --noEmit
	npx vitest run

release: $(SETUP)
	@test -n "$(PRODUCT)" || { echo "make release needs PRODUCT=<code>, e.g. make release PRODUCT=IF11415" >&2; exit 2; }
	$(BRIEF) release $(PRODUCT) $(if $(DATE),--date $(DATE))

diff: $(SETUP)
	@test -n "$(PRODUCT)" || { echo "make diff needs PRODUCT=<code> (and optionally FROM= TO=)" >&2; exit 2; }
	$(BRIEF) diff $(PRODUCT) $(FROM) $(TO)

dist: $(SETUP)
	$(BRIEF) dist

clean:
	rm -rf output

.PHONY: preview bench-preview
# The live preview: the brief laid out as its PDF, rebuilt on every save, on http://127.0.0.1:4177/.
preview: $(SETUP)
	@test -n "$(PRODUCT)" || { echo "make preview needs PRODUCT=<code>, e.g. make preview PRODUCT=IF11415 (and optionally PORT=N)" >&2; exit 2; }
	$(BRIEF) preview $(PRODUCT) $(if $(PORT),--port $(PORT))

# Save → status.json version bumped, over RUNS saves of IF11415 (default 15).
bench-preview: $(SETUP)
	node --import tsx scripts/bench-preview.mts
