//! The top of the report: title, status, the facts that identify the record, and a
//! summary of the outcome.

use std::fmt::Write;

use crate::assessment::outcome::SectionStatus;
use crate::assessment::{Assessment, Ctx, Outcome, QuestionId, Status};
use crate::handover::{self, Stage};

use super::super::escape::html;
use super::super::template::{
    dpia_label, hidden_answers, plural, readable_timestamp, status_label, NOT_PROVIDED,
};
use crate::assessment::assessment_digest;

/// Title, status banner and the facts that identify the record.
pub fn cover(a: &Assessment, ctx: &Ctx, exported_at: &str, out: &mut String) {
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Legitimate interests assessment (UK GDPR Article 6(1)(f))</p>\n\
         <h1>{}</h1>\n",
        html(a.title())
    );
    match a.status {
        Status::Approved => out.push_str(
            "<p class=\"banner approved\">Approved. This is the record as signed off.</p>\n",
        ),
        Status::Draft => out.push_str(
            "<p class=\"banner draft\">Draft: this assessment has not been approved.</p>\n",
        ),
    }
    let stage = handover::stage(a);
    if stage.approval_broken() {
        let _ = writeln!(
            out,
            "<p class=\"banner changed\">{}</p>",
            html(&handover::describe(&stage))
        );
    }
    out.push_str("<table class=\"facts\">\n<tbody>\n");
    fact(
        out,
        "Organisation",
        &text_or_missing(ctx, QuestionId::AboutOrganisation),
    );
    fact(out, "Status", &html(status_label(a.status)));
    fact(out, "Version", &html(&a.version.to_string()));
    fact(out, "Assessment reference", &html(&a.id));
    if let Some(of) = &a.review_of {
        fact(out, "Review of", &html(of));
    }
    fact(out, "Exported", &html(&readable_timestamp(exported_at)));
    fact(
        out,
        "Made with",
        &html(&format!(
            "lia {} (export format version {})",
            env!("CARGO_PKG_VERSION"),
            crate::assessment::schema::SCHEMA_VERSION
        )),
    );
    fact(
        out,
        "Digest of the assessment (SHA-256)",
        &format!(
            "<span class=\"digest\">{}</span>",
            html(&assessment_digest(a))
        ),
    );
    if stage != Stage::NotSent {
        fact(out, "Approval", &html(&handover::describe(&stage)));
    }
    let hidden = a
        .answers
        .iter()
        .filter(|(q, _)| !ctx.is_visible(*q))
        .count();
    if let Some(sentence) = hidden_answers(hidden) {
        fact(out, "Answers not shown", &html(&sentence));
    }
    out.push_str("</tbody>\n</table>\n</header>\n");
}

fn fact(out: &mut String, name: &str, value_html: &str) {
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{value_html}</td></tr>",
        html(name)
    );
}

fn text_or_missing(ctx: &Ctx, q: QuestionId) -> String {
    match ctx.text(q) {
        "" => format!("<span class=\"missing\">{NOT_PROVIDED}</span>"),
        t => html(t),
    }
}

/// The outcome at a glance: reading, counts, DPIA, sign-off and each section's status.
pub fn summary(result: &Outcome, out: &mut String) {
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    let _ = writeln!(
        out,
        "<p><strong>Overall reading:</strong> {}</p>",
        html(result.reading.label())
    );
    let c = result.counts;
    let _ = writeln!(
        out,
        "<p><strong>Findings:</strong> {} blocker{}, {} warning{}, {} advice.</p>",
        c.blockers,
        plural(c.blockers),
        c.warnings,
        plural(c.warnings),
        c.advice
    );
    let _ = writeln!(
        out,
        "<p><strong>DPIA:</strong> {}</p>",
        html(dpia_label(result.dpia))
    );
    if result.ready_for_sign_off {
        out.push_str("<p><strong>Sign-off:</strong> ready for sign-off.</p>\n");
    } else {
        out.push_str("<p><strong>Sign-off:</strong> not ready for sign-off, because:</p>\n<ul>\n");
        for refusal in &result.sign_off_refusals {
            let _ = writeln!(out, "<li>{}</li>", html(refusal));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "<table class=\"sections\">\n<thead><tr><th scope=\"col\">Section</th>\
         <th scope=\"col\">Status</th></tr></thead>\n<tbody>\n",
    );
    for s in &result.sections {
        let status = match s.status {
            SectionStatus::NotApplicable(reason) => reason.to_string(),
            other => other.label().to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            html(s.section.title()),
            html(&status)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
