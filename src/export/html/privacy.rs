//! The suggested privacy information, with what is missing marked as such and the
//! checks to make before using it.

use std::fmt::Write;

use crate::assessment::privacy_notice::{gap_text, privacy_wording, Part, Route, DRAFT_NOTE};
use crate::assessment::Assessment;

use super::super::escape::html;
use super::super::template::{PRIVACY_LEDE, PRIVACY_TITLE};

pub fn privacy(a: &Assessment, out: &mut String) {
    let wording = privacy_wording(a);
    let _ = writeln!(
        out,
        "<section id=\"privacy-information\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n<p class=\"banner\">{}</p>",
        html(PRIVACY_TITLE),
        html(PRIVACY_LEDE),
        html(DRAFT_NOTE)
    );
    if let Route::NotApplicable(reason) = wording.route {
        let _ = writeln!(out, "<p>{}</p>\n</section>", html(reason));
        return;
    }
    for paragraph in &wording.paragraphs {
        out.push_str("<p class=\"wording\">");
        for part in paragraph {
            match part {
                Part::Text(t) => out.push_str(&html(t)),
                Part::Gap(m) => {
                    let _ = write!(
                        out,
                        "<strong class=\"missing\">{}</strong>",
                        html(&gap_text(m))
                    );
                }
            }
        }
        out.push_str("</p>\n");
    }
    let missing = wording.missing();
    if !missing.is_empty() {
        out.push_str("<h3>What is missing</h3>\n<ul>\n");
        for m in missing {
            match m.question {
                Some(q) => {
                    let _ = writeln!(
                        out,
                        "<li>{}: answer “{}”.</li>",
                        html(m.what),
                        html(q.question().text)
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "<li>{}: the assessment does not ask for it.</li>",
                        html(m.what)
                    );
                }
            }
        }
        out.push_str("</ul>\n");
    }
    if !wording.checks.is_empty() {
        out.push_str("<h3>Check before you use it</h3>\n<ul>\n");
        for c in &wording.checks {
            let _ = writeln!(out, "<li>{}</li>", html(c));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}
