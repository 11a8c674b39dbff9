//! The top of the report: title, status, the facts that identify the record, and a
//! summary of the outcome.

use std::fmt::Write;

use crate::assessment::outcome::{DpiaOutcome, SectionStatus};
use crate::assessment::{Assessment, Ctx, Date, Outcome, QuestionId, Status};

use super::super::envelope::assessment_digest;
use super::super::escape::html;
use super::answers;

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
    let hidden = a
        .answers
        .iter()
        .filter(|(q, _)| !ctx.is_visible(*q))
        .count();
    if hidden > 0 {
        fact(
            out,
            "Answers not shown",
            &html(&format!(
                "{hidden} answer{} to questions that no longer apply {} kept in the record but \
                 not shown here.",
                if hidden == 1 { "" } else { "s" },
                if hidden == 1 { "is" } else { "are" }
            )),
        );
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
        "" => format!("<span class=\"missing\">{}</span>", answers::NOT_PROVIDED),
        t => html(t),
    }
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Approved => "Approved",
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The DPIA result, to follow "A DPIA is" or "DPIA:".
pub fn dpia_label(dpia: DpiaOutcome) -> &'static str {
    match dpia {
        DpiaOutcome::NotNeeded => {
            "not needed: screening is complete and found nothing likely to result in a high risk."
        }
        DpiaOutcome::Required { done: true } => "required, and recorded as carried out.",
        DpiaOutcome::Required { done: false } => "required, but not recorded as carried out.",
        DpiaOutcome::NotYetKnown => {
            "not yet known: screening is not finished, or some of its answers are still suggestions to confirm."
        }
    }
}

/// "2026-11-22T10:15:00Z" → "22 November 2026 at 10:15 UTC"; anything else as given.
fn readable_timestamp(at: &str) -> String {
    let parsed = at.split_once('T').and_then(|(date, time)| {
        let date = Date::parse(date)?;
        let time = time.strip_suffix('Z')?;
        let (hour, minute) = (time.get(0..2)?, time.get(3..5)?);
        let in_range = |t: &str, max: u8| t.parse::<u8>().is_ok_and(|n| n <= max);
        let valid = time.get(2..3) == Some(":")
            && hour
                .bytes()
                .chain(minute.bytes())
                .all(|b| b.is_ascii_digit())
            && in_range(hour, 23)
            && in_range(minute, 59);
        valid.then(|| format!("{} at {hour}:{minute} UTC", date.long()))
    });
    parsed.unwrap_or_else(|| at.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_as_uk_dates() {
        assert_eq!(
            readable_timestamp("2026-11-22T10:15:00Z"),
            "22 November 2026 at 10:15 UTC"
        );
        assert_eq!(
            readable_timestamp("2026-11-22T10:15:00.123Z"),
            "22 November 2026 at 10:15 UTC"
        );
        for odd in [
            "yesterday",
            "2026-11-22",
            "2026-11-22T10:15",
            "2026-02-30T10:15Z",
            "2026-11-22T24:00:00Z",
            "é",
        ] {
            assert_eq!(readable_timestamp(odd), odd);
        }
    }
}
