//! The assessment's tests: the question bank, the rules, the outcome, realistic
//! assessments, the examples, the privacy wording, comparing versions, and the shape of
//! the code.
//!
//! One test binary for several test files (Cargo.toml): each file is compiled in place as
//! a module of this one, so the crate is linked once here instead of once per file. A
//! new file in tests/ goes into one of these lists (tests/test_targets.rs fails until it
//! is).

// Each file includes the fixtures it uses itself, as it did as a binary of its own, so
// some fixtures are included more than once.
#![allow(clippy::duplicate_mod)]

#[path = "../accepted.rs"]
mod accepted;
#[path = "../architecture.rs"]
mod architecture;
#[path = "../compare.rs"]
mod compare;
#[path = "../examples.rs"]
mod examples;
#[path = "../json_by_hand.rs"]
mod json_by_hand;
#[path = "../organisation_edit.rs"]
mod organisation_edit;
#[path = "../organisation_editor.rs"]
mod organisation_editor;
#[path = "../organisation_findings.rs"]
mod organisation_findings;
#[path = "../organisation_record.rs"]
mod organisation_record;
#[path = "../organisation_settings.rs"]
mod organisation_settings;
#[path = "../outcome.rs"]
mod outcome;
#[path = "../privacy_wording.rs"]
mod privacy_wording;
#[path = "../question_bank.rs"]
mod question_bank;
#[path = "../realistic.rs"]
mod realistic;
#[path = "../rules.rs"]
mod rules;
#[path = "../test_targets.rs"]
mod test_targets;
