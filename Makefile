# The brief pipeline's front door. `make` lists the targets; each installs what it needs first.
PRODUCT ?=
BRIEF := node --import tsx src/cli.ts
SETUP := node_modules/.setup-stamp

.DEFAULT_GOAL := help
.PHONY: help setup html pdf docx all check test typecheck clean

help:
	@echo "make html      build the HTML of every brief     (output/<PRODUCT>/<VERSION>/<PRODUCT>.html)"
	@echo "make pdf       build the In Focus PDF of every brief"
	@echo "make docx      build the Word document of every brief"
	@echo "make all       build HTML, PDF and DOCX"
	@echo "make check     check every brief's source; writes nothing"
	@echo "make test      type-check and run the tests"
	@echo "make clean     remove output/"
	@echo "PRODUCT=IF11415 limits a build to one brief."

$(SETUP): package.json package-lock.json scripts/setup.sh
	@scripts/setup.sh

setup: $(SETUP)

html: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format html

pdf: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format pdf

docx: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format docx

all: $(SETUP)
	$(BRIEF) build $(PRODUCT) --format html,pdf,docx

check: $(SETUP)
	$(BRIEF) check $(PRODUCT)

typecheck: $(SETUP)
	npx tsc --noEmit

test: $(SETUP)
	@scripts/setup.sh --with-test-tools
	npx tsc --noEmit
	npx vitest run

clean:
	rm -rf output
