//! The Word document (`.docx`, Office Open XML): the report model laid out like the ICO's
//! LIA template, with real Heading 1–3 styles (Word's navigation pane lists the parts),
//! tables whose header rows repeat on every page, the title, state and version at the head
//! of each page and "Page N of M" with the short digest at its foot, and the title and
//! author in the document's properties. Organisations edit it as any other Word document.
//!
//! Written here, in plain Rust, rather than with a crate: a package of a few small XML
//! parts in a ZIP archive stored without compression (`package/`) needs little code, and
//! `docx-rs` would bring a deflate encoder, an XML library with encoding tables and an
//! image crate, and does not replace the characters XML 1.0 forbids (a user's stray
//! control character would make its file unreadable). See docs/performance.md.

mod parts;
mod render;

pub use parts::is_w3cdtf;

use crate::assessment::{Assessment, Date};
use crate::handover::Trust;
use crate::report::Report;

use super::package::zip::Zip;

/// The media type of a `.docx` file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The Word document of `a`, with no approver trusted: the bytes of a `.docx` file. `exported_at` (ISO 8601 UTC)
/// dates it, as for the other exports; `today` drives the date-dependent rules.
pub fn to_docx(a: &Assessment, exported_at: &str, today: Option<Date>) -> Vec<u8> {
    to_docx_with_previous(a, None, exported_at, today, &Trust::default(), None)
}

/// The Word document of `a`; for a review, `previous` is a copy of the version it
/// reviews (if one is at hand), whose changes its appendix lists, as the HTML report's.
pub fn to_docx_with_previous(
    a: &Assessment,
    previous: Option<&Assessment>,
    exported_at: &str,
    today: Option<Date>,
    trust: &Trust,
    settings: Option<&crate::organisation::Settings>,
) -> Vec<u8> {
    let report = Report::checked(a, previous, today, exported_at, trust, settings);
    let date = exported_at.get(..10).and_then(Date::parse).or(today);
    let mut zip = Zip::new(date);
    zip.add("[Content_Types].xml", parts::CONTENT_TYPES.as_bytes());
    zip.add("_rels/.rels", parts::PACKAGE_RELS.as_bytes());
    zip.add(
        "docProps/core.xml",
        parts::core(
            &report.document_title,
            report.subject,
            report.author.as_deref(),
            exported_at,
        )
        .as_bytes(),
    );
    zip.add(
        "docProps/app.xml",
        parts::app(report.application, env!("CARGO_PKG_VERSION")).as_bytes(),
    );
    zip.add(
        "word/_rels/document.xml.rels",
        parts::DOCUMENT_RELS.as_bytes(),
    );
    zip.add("word/styles.xml", parts::STYLES.as_bytes());
    zip.add("word/numbering.xml", parts::NUMBERING.as_bytes());
    zip.add(
        "word/header1.xml",
        parts::header(&report.running).as_bytes(),
    );
    zip.add(
        "word/footer1.xml",
        parts::footer(&report.running).as_bytes(),
    );
    zip.add("word/document.xml", render::document(&report).as_bytes());
    zip.finish()
}
