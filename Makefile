# fasttrack-onboarding. Every target installs what it needs first (scripts/setup.sh), idempotently.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk's update check ignores `offline = true`; nothing may be fetched.
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
# Chromium and ChromeDriver leave profile folders behind: keep them in the ignored build area.
export TMPDIR := $(CURDIR)/.tmp

.PHONY: help setup setup-test serve build test bench bench-receiver screenshots docs schema clean

## help: this list (what `make` alone prints)
help:
	@echo "make TARGET, where TARGET is one of:"
	@sed -n 's/^## \([a-z-]*\): /  \1\t/p; s/^##   /\t/p' $(MAKEFILE_LIST) | expand -t 18

## setup: installs what building and serving need (Rust target, Trunk, wasm tools, Node packages)
setup:
	@mkdir -p .tmp
	@scripts/setup.sh serve

## setup-test: setup, and what the tests need too (Chromium, ChromeDriver, the test runner)
setup-test:
	@mkdir -p .tmp
	@scripts/setup.sh test

## serve: the app on http://127.0.0.1:8080 with live reload, and the reference receiver
serve: setup
	cargo fetch --locked
	cargo build -p receiver --locked
	@scripts/serve.sh

## build: the release bundle in dist/
build: setup
	cargo fetch --locked
	trunk build --release

## test: formatting, lints, native, browser-component and end-to-end tests
test: setup-test
	@scripts/test.sh

## bench: sizes, Lighthouse scores and load times of the release build, then the receiver's
##   figures (bench-receiver); fails on a missed budget or a failed receiver check
bench: setup-test
	@scripts/setup.sh bench
	cargo fetch --locked
	SITE_URL=http://127.0.0.1:4180/ trunk build --release
	@# The receiver's figures are taken even when a page budget is missed; either fails the target.
	@node bench/measure.mjs; pages=$$?; $(MAKE) --no-print-directory bench-receiver && exit $$pages

## bench-receiver: the release receiver on loopback under load, kill -9, slow-loris and a locked
##   database (bench/receiver-figures.mjs, needs python3); fails when a request is lost or duplicated
bench-receiver:
	@mkdir -p .tmp
	cargo build --release -p receiver --locked
	node bench/receiver-figures.mjs

## screenshots: docs/images/guide.png and wizard.png, taken from a fresh release build
screenshots: setup-test
	$(MAKE) build
	node scripts/screenshots.mjs

## docs: rewrite the settings table in docs/deploying.md from the settings' declarations
docs:
	UPDATE_DOCS=1 cargo test --locked --test docs the_settings_table

## schema: regenerate schema/request.schema.json from the Rust model
schema:
	UPDATE_SCHEMA=1 cargo test -p fasttrack-model --test schema

## clean: removes dist/, .tmp/ and target/
clean:
	rm -rf dist .tmp target
