//! The OpenDocument text (`.odt`, ODF 1.3), the open standard the UK government names for
//! sharing editable documents: the same report model as the Word document, with real
//! headings, tables, bullet lists, and the title, state and version at the head of each
//! page with "Page N of M" and the short digest at its foot. Built with the ZIP and XML
//! writers the Word document uses (`package/`); no crate of its own.

mod parts;
mod render;

use crate::assessment::{Assessment, Date};
use crate::handover::Trust;
use crate::report::Report;

use super::package::zip::Zip;

pub use parts::MIME;

/// The OpenDocument text of `a`; for a review, `previous` is a copy of the version it
/// reviews (if one is at hand), whose changes its appendix lists.
pub fn to_odt(
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
    // The media type first and stored, so a reader can tell the format from the archive's
    // first bytes (ODF 1.3, part 2, 3.3).
    zip.add("mimetype", MIME.as_bytes());
    zip.add("META-INF/manifest.xml", parts::MANIFEST.as_bytes());
    zip.add(
        "meta.xml",
        parts::meta(
            &report.document_title,
            report.author.as_deref(),
            exported_at,
            env!("CARGO_PKG_VERSION"),
        )
        .as_bytes(),
    );
    zip.add("styles.xml", parts::styles(&report.running).as_bytes());
    zip.add("content.xml", render::content(&report).as_bytes());
    zip.finish()
}
