//! The self-contained HTML report: the report model (`crate::report`) laid out as one web
//! page to read, print or file, with the JSON export embedded so the report itself can be
//! imported again.
//!
//! Safe by construction: every string that is not our own markup goes through
//! `escape::html`, the only script element is the inert JSON copy of the export
//! (escaped with `escape::script_json`), and a Content Security Policy allows nothing
//! but the report's own stylesheet. Nothing is fetched: no links, fonts or images.
//! No sentence of the record is written here: they all come from the model.

mod matrix;
mod policy;
pub mod render;

use std::fmt::Write;

use crate::assessment::{Assessment, Date};
use crate::handover::Trust;
use crate::report::Report;

use super::envelope::to_json_with;
use super::escape::{html, script_json};
use super::SCRIPT_ID;
use policy::CSS;

pub use policy::content_security_policy;

/// The self-contained HTML report, with no approver trusted (an approval shows as signed
/// by a key not on the list): where the lists are at hand, `to_html_with_previous`.
pub fn to_html(a: &Assessment, exported_at: &str, today: Option<Date>) -> String {
    to_html_with_previous(a, None, exported_at, today, &Trust::default(), None)
}

/// The report of `a`; for a review, `previous` is a copy of the version it reviews (if
/// one is at hand), whose changes the appendix lists.
pub fn to_html_with_previous(
    a: &Assessment,
    previous: Option<&Assessment>,
    exported_at: &str,
    today: Option<Date>,
    trust: &Trust,
    settings: Option<&crate::organisation::Settings>,
) -> String {
    let report = Report::checked(a, previous, today, exported_at, trust, settings);
    let json = to_json_with(
        a,
        exported_at,
        &crate::organisation::evaluate::outcome(a, settings, today),
    );
    let mut out = String::with_capacity(64 * 1024 + 2 * json.len());
    page_head(
        &mut out,
        &report.document_title,
        CSS,
        &content_security_policy(),
    );
    render::report(&report, &mut out);
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"{}\">{}</script>",
        SCRIPT_ID,
        script_json(&json)
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The start of a self-contained page: its character set, policy, title and stylesheet,
/// then `<body><main>`. Shared with the register's printable page.
pub fn page_head(out: &mut String, title: &str, css: &str, policy: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"lia {}\">\n\
         <title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n",
        html(policy),
        html(env!("CARGO_PKG_VERSION")),
        html(title),
    );
}
