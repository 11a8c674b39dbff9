//! The files' tests: the JSON export and its digest, the report model, the HTML report,
//! the Word and OpenDocument files,
//! import and its messages, and the register.
//!
//! One test binary for several test files (Cargo.toml): each file is compiled in place as
//! a module of this one, so the crate is linked once here instead of once per file. A
//! new file in tests/ goes into one of these lists (tests/test_targets.rs fails until it
//! is).

// Each file includes the fixtures it uses itself, as it did as a binary of its own, so two
// of them (export_html and export_roundtrip) both include generate.rs and html_scan.rs.
#![allow(clippy::duplicate_mod)]

#[path = "../export_digest.rs"]
mod export_digest;
#[path = "../export_documents.rs"]
mod export_documents;
#[path = "../export_file_name.rs"]
mod export_file_name;
#[path = "../export_html.rs"]
mod export_html;
#[path = "../export_import_errors.rs"]
mod export_import_errors;
#[path = "../export_roundtrip.rs"]
mod export_roundtrip;
#[path = "../import_messages.rs"]
mod import_messages;
#[path = "../organisation_exports.rs"]
mod organisation_exports;
#[path = "../organisation_reports.rs"]
mod organisation_reports;
#[path = "../register.rs"]
mod register;
#[path = "../report.rs"]
mod report;
