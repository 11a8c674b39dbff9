//! The self-contained HTML report, laid out like the ICO's LIA template: about the
//! processing, the purpose, necessity and balancing tests, impacts and the risk matrix,
//! DPIA screening, findings, the decision, sign-off and review.
//!
//! Safe by construction: every string that is not our own markup goes through
//! `escape::html`, the only script element is the inert JSON copy of the export
//! (escaped with `escape::script_json`), and a Content Security Policy allows nothing
//! but the report's own stylesheet. Nothing is fetched: no links, fonts or images.

mod answers;
mod approval;
mod changes;
mod cover;
mod findings;
mod impacts;
mod matrix;
mod policy;
mod privacy;

use std::fmt::Write;

use crate::assessment::screening::Screening;
use crate::assessment::{outcome, AnswerKind, Assessment, Ctx, Date, Outcome, QuestionId, Section};

use super::envelope::to_json_with;
use super::escape::{html, script_json};
use super::template::{
    dpia_label, Part, ABOUT, BALANCING, BALANCING_LEDE, BALANCING_TITLE, DECISION, DPIA_LEDE,
    DPIA_TITLE, NECESSITY, PURPOSE, SIGN_OFF_LEDE, SIGN_OFF_TITLE, TRIAGE,
};
use super::SCRIPT_ID;
use crate::assessment::Decision;
use crate::handover;
use cover::{cover, summary};
use findings::findings;
use impacts::impacts;
use policy::CSS;

pub use policy::content_security_policy;

/// The self-contained HTML report.
pub fn to_html(a: &Assessment, exported_at: &str, today: Option<Date>) -> String {
    to_html_with_previous(a, None, exported_at, today)
}

/// The report of `a`; for a review, `previous` is a copy of the version it reviews (if
/// one is at hand), whose changes the appendix lists.
pub fn to_html_with_previous(
    a: &Assessment,
    previous: Option<&Assessment>,
    exported_at: &str,
    today: Option<Date>,
) -> String {
    let result = outcome(a, today);
    let json = to_json_with(a, exported_at, &result);
    let ctx = Ctx::new(a, today);
    let mut out = String::with_capacity(64 * 1024 + 2 * json.len());
    head(a, &mut out);
    out.push_str("<body>\n<main>\n");
    cover(a, &ctx, exported_at, &mut out);
    summary(&result, &mut out);
    body(&ctx, &result, &mut out);
    changes::appendix(a, previous, today, &mut out);
    footer(&mut out);
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"{}\">{}</script>",
        SCRIPT_ID,
        script_json(&json)
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn head(a: &Assessment, out: &mut String) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"lia {}\">\n\
         <title>Legitimate interests assessment: {}</title>\n<style>{CSS}</style>\n</head>\n",
        html(&content_security_policy()),
        html(env!("CARGO_PKG_VERSION")),
        html(a.title()),
    );
}

/// The assessment itself, part by part.
fn body(ctx: &Ctx, result: &Outcome, out: &mut String) {
    let comments = handover::stage(ctx.assessment);
    let comments = comments.comments();
    for p in [&ABOUT, &TRIAGE, &PURPOSE, &NECESSITY] {
        part(ctx, out, p, comments);
    }
    balancing(ctx, out, comments);
    dpia(ctx, result, out);
    findings(result, out);
    part(ctx, out, &DECISION, comments);
    sign_off(ctx, out, comments);
    privacy::privacy(ctx.assessment, out);
    approval::history(ctx.assessment, out);
}

fn part(ctx: &Ctx, out: &mut String, p: &Part, comments: Option<&Decision>) {
    let _ = write!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n",
        html(p.section.key()),
        html(p.title),
        html(p.lede)
    );
    approval::comment(comments, p.section, out);
    questions(ctx, out, p.section, |_| true);
    out.push_str("</section>\n");
}

/// The section's visible questions (those `keep` accepts) as a question-and-answer table.
fn questions(ctx: &Ctx, out: &mut String, section: Section, keep: impl Fn(QuestionId) -> bool) {
    if let Some(reason) = ctx.not_applicable(section) {
        let _ = writeln!(out, "<p class=\"banner\">{}</p>", html(reason));
        return;
    }
    out.push_str("<table class=\"qa\">\n<tbody>\n");
    for q in section.questions() {
        if ctx.is_visible(q.id) && keep(q.id) && !matches!(q.kind, AnswerKind::Impacts) {
            answers::row(ctx, q, out);
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn balancing(ctx: &Ctx, out: &mut String, comments: Option<&Decision>) {
    let _ = write!(
        out,
        "<section id=\"balancing\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n",
        html(BALANCING_TITLE),
        html(BALANCING_LEDE)
    );
    for (section, title) in BALANCING {
        let _ = writeln!(
            out,
            "<h3 id=\"{}\">{}</h3>",
            html(section.key()),
            html(title)
        );
        approval::comment(comments, section, out);
        questions(ctx, out, section, |_| true);
    }
    if ctx.applies(Section::Impact) {
        impacts(ctx, out);
    }
    out.push_str("</section>\n");
}

fn dpia(ctx: &Ctx, result: &Outcome, out: &mut String) {
    let _ = write!(
        out,
        "<section id=\"dpia\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n",
        html(DPIA_TITLE),
        html(DPIA_LEDE)
    );
    let comments = handover::stage(ctx.assessment);
    approval::comment(comments.comments(), Section::Dpia, out);
    questions(ctx, out, Section::Dpia, |_| true);
    let _ = writeln!(
        out,
        "<h3>Result</h3>\n<p class=\"banner\">A DPIA is {}</p>",
        html(dpia_label(result.dpia))
    );
    let screening = Screening::of(ctx);
    if !screening.triggers.is_empty() {
        out.push_str("<p>The screening answers that make a DPIA necessary:</p>\n<ul>\n");
        for q in &screening.triggers {
            let _ = writeln!(out, "<li>{}</li>", html(q.question().short));
        }
        out.push_str("</ul>\n");
    }
    if screening.high_risk_impacts > 0 {
        let _ = writeln!(
            out,
            "<p>{} impact{} still high risk after safeguards, which also makes a DPIA \
             necessary.</p>",
            screening.high_risk_impacts,
            if screening.high_risk_impacts == 1 {
                " is"
            } else {
                "s are"
            }
        );
    }
    out.push_str("</section>\n");
}

fn sign_off(ctx: &Ctx, out: &mut String, comments: Option<&Decision>) {
    let _ = write!(
        out,
        "<section id=\"sign-off\">\n<h2>{}</h2>\n<p class=\"lede\">{}</p>\n",
        html(SIGN_OFF_TITLE),
        html(SIGN_OFF_LEDE)
    );
    approval::comment(comments, Section::SignOff, out);
    questions(ctx, out, Section::SignOff, |q| {
        q != QuestionId::SignOffReviewDate
    });
    out.push_str("</section>\n<section id=\"review\">\n<h2>Review</h2>\n");
    out.push_str("<table class=\"qa\">\n<tbody>\n");
    if ctx.is_visible(QuestionId::SignOffReviewDate) {
        answers::row(ctx, QuestionId::SignOffReviewDate.question(), out);
    }
    out.push_str("</tbody>\n</table>\n<h3>Review log</h3>\n");
    let log = &ctx.assessment.review_log;
    if log.is_empty() {
        out.push_str("<p>No reviews are recorded.</p>\n");
    } else {
        out.push_str(
            "<table class=\"log\">\n<thead><tr><th scope=\"col\">Date</th>\
             <th scope=\"col\">What was reviewed or changed</th></tr></thead>\n<tbody>\n",
        );
        for entry in log {
            let date = match Date::parse(&entry.date) {
                Some(d) => html(&d.long()),
                None => format!("<span class=\"text\">{}</span>", html(&entry.date)),
            };
            let _ = writeln!(
                out,
                "<tr><td>{date}</td><td><span class=\"text\">{}</span></td></tr>",
                html(&entry.note)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn footer(out: &mut String) {
    out.push_str(
        "<footer>\n<p>This report was made by the legitimate interests assessment tool. It \
         holds a complete copy of the assessment in machine-readable form: to open the \
         assessment again, import this file into the tool. The digest above lets anyone \
         check that the assessment has not been changed since it was exported.</p>\n</footer>\n",
    );
}
