//! The approval in the report: the approver's comments beside each section, and every
//! round of the hand-over with its decision and whether the content still matches.

use std::fmt::Write;

use crate::assessment::{Assessment, Section};
use crate::assessment::{Decision, Verdict};
use crate::handover;

use super::super::escape::html;
use super::super::template::{HANDOVER_LEDE, HANDOVER_TITLE};

/// The approver's comment on `section`, where the assessment was returned with one.
pub fn comment(returned: Option<&Decision>, section: Section, out: &mut String) {
    let Some((decision, text)) = returned.and_then(|d| Some((d, d.comment(section)?))) else {
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"comment\"><strong>Comment from {}, {}:</strong><br><span class=\"text\">{}</span></p>",
        html(&decision.who()),
        html(&decision.date_long()),
        html(text)
    );
}

/// The "Approval" section: where it stands, then each round.
pub fn history(a: &Assessment, out: &mut String) {
    let stage = handover::stage(a);
    let class = if stage.approval_broken() {
        "banner changed"
    } else {
        "banner"
    };
    let _ = writeln!(
        out,
        "<section id=\"approval\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n<p class=\"{class}\">{}</p>",
        html(HANDOVER_TITLE),
        html(HANDOVER_LEDE),
        html(&handover::describe(&stage))
    );
    if a.handover.is_empty() {
        out.push_str("</section>\n");
        return;
    }
    out.push_str(
        "<table class=\"log\">\n<thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">Decision</th>\
         <th scope=\"col\">Comments</th></tr></thead>\n<tbody>\n",
    );
    for round in &a.handover {
        let sent = crate::assessment::Date::parse(&round.sent)
            .map_or_else(|| round.sent.clone(), |d| d.long());
        let _ = write!(out, "<tr><td>{}</td><td>", html(&sent));
        match &round.decision {
            None => out.push_str("Not decided"),
            Some(d) => {
                let verdict = match d.verdict {
                    Verdict::Approved => "Approved",
                    Verdict::Returned => "Returned with comments",
                };
                let _ = write!(
                    out,
                    "{} by {} on {}",
                    verdict,
                    html(&d.who()),
                    html(&d.date_long())
                );
            }
        }
        out.push_str("</td><td>");
        if let Some(d) = &round.decision {
            if !d.note.is_empty() {
                let _ = write!(out, "<p><span class=\"text\">{}</span></p>", html(&d.note));
            }
            for c in &d.comments {
                let _ = write!(
                    out,
                    "<p><strong>{}:</strong> <span class=\"text\">{}</span></p>",
                    html(c.section.title()),
                    html(&c.text)
                );
            }
        }
        let _ = writeln!(
            out,
            "<p class=\"note\">Content digest: <span class=\"digest\">{}</span></p></td></tr>",
            html(&round.content)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
