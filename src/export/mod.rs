//! Exports of an assessment (JSON and a self-contained HTML report) and import of both.
//! Pure Rust: the browser shell downloads what these functions return and passes the
//! bytes of a chosen file to `import`.
//!
//! - `to_json`: the envelope (format, versions, time, assessment, outcome, digest);
//!   documented in docs/schema.md and docs/lia-assessment.schema.json, both generated
//!   here (`schema_markdown`, `json_schema`).
//! - `to_html`: the report laid out like the ICO's template, with the JSON export
//!   embedded so the report itself can be imported again.
//! - `to_docx`: the same report as a Word document (Office Open XML), to edit and file.
//! - `import`: either kind of file back to an assessment, with the digest checked. A
//!   report's copy is found as a browser finds it (`html_scan`), and a file with any
//!   other copy, or with a key repeated in its JSON (`strict_json`), is refused.

mod envelope;
mod error;
pub mod escape;
mod file_name;
mod html;
mod html_scan;
mod import;
// Only the tests and the generated docs use these: not compiled into the wasm.
#[cfg(not(target_arch = "wasm32"))]
mod json_schema;
mod odt;
mod package;
#[cfg(not(target_arch = "wasm32"))]
mod schema_doc;
mod word;

pub use envelope::{to_json, to_json_under};
pub use error::ImportError;
pub use file_name::{file_name, handover_file_name, slug, MAX_SLUG};
pub use html::{
    content_security_policy, page_head, render as html_render, to_html, to_html_with_previous,
};
pub use html_scan::{Encoding, HiddenPlace, UnclearMarkup};
pub use import::{import, import_with_digest, DigestCheck, FileKind, Imported};
#[cfg(not(target_arch = "wasm32"))]
pub use json_schema::{json_schema, json_schema_text};
pub use odt::{to_odt, MIME as ODT_MIME};
#[cfg(not(target_arch = "wasm32"))]
pub use schema_doc::schema_markdown;
pub use word::{to_docx, to_docx_with_previous, MIME as DOCX_MIME};

/// Identifies our files (the `format` field of every export).
pub const FORMAT: &str = "lia-assessment";

/// The largest file `import` reads: 5 MB. Real exports are a few hundred kilobytes.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The id of the report's `<script type="application/json">` element holding the export.
pub const SCRIPT_ID: &str = "lia-assessment";
