//! The findings when the report was made, grouped by severity, each with its message,
//! detail, the questions it concerns and the source it cites.

use std::fmt::Write;

use crate::assessment::{Outcome, Severity};

use super::super::escape::html;
use super::super::template::{FINDINGS_LEDE, FINDINGS_TITLE};

/// The "Findings" section.
pub fn findings(result: &Outcome, out: &mut String) {
    let _ = write!(
        out,
        "<section id=\"findings\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n",
        html(FINDINGS_TITLE),
        html(FINDINGS_LEDE)
    );
    if result.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for severity in Severity::ALL {
        let found: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if found.is_empty() {
            continue;
        }
        let class = severity.label().to_ascii_lowercase();
        let _ = writeln!(
            out,
            "<h3>{} ({})</h3>\n<ol class=\"findings\">",
            html(match severity {
                Severity::Blocker => "Blockers",
                Severity::Warning => "Warnings",
                Severity::Advice => "Advice",
            }),
            found.len()
        );
        for f in found {
            let _ = write!(
                out,
                "<li class=\"finding {}\" id=\"finding-{}\">\n<p class=\"message\">{}</p>\n",
                html(&class),
                html(f.id),
                html(f.message)
            );
            if let Some(detail) = &f.detail {
                let _ = writeln!(out, "<p class=\"detail\">{}</p>", html(detail));
            }
            if !f.questions.is_empty() {
                let names: Vec<&str> = f.questions.iter().map(|q| q.question().short).collect();
                let _ = writeln!(
                    out,
                    "<p class=\"where\">About: {}</p>",
                    html(&names.join("; "))
                );
            }
            let _ = writeln!(
                out,
                "<p class=\"source\">Source: {} ({}). Rule {}.</p>\n</li>",
                html(f.source.citation),
                html(f.source.url),
                html(f.id)
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}
