//! What is generated from the code, checked against the code: docs/rules.md, the
//! settings file's JSON Schema (docs/lia-settings.schema.json),
//! docs/schema.md and its JSON Schema, and scripts/app-facts.json. `UPDATE_DOCS=1 cargo
//! test --test docs` writes them all again.
//!
//! One test binary for several test files (Cargo.toml): each file is compiled in place as
//! a module of this one, so the crate is linked once here instead of once per file. A
//! new file in tests/ goes into one of these lists (tests/test_targets.rs fails until it
//! is).

// Each file includes the fixtures it uses itself, as it did as a binary of its own, so
// some fixtures are included more than once.
#![allow(clippy::duplicate_mod)]

#[path = "../app_facts.rs"]
mod app_facts;
#[path = "../docs.rs"]
mod docs;
#[path = "../export_docs.rs"]
mod export_docs;
