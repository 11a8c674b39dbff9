//! The fixed words of the record: the parts of the ICO's LIA template with their headings
//! and introductions, the names of the facts and columns, and the phrases that describe a
//! state of the assessment (the DPIA result, a rating, a time). Written once; the report
//! model puts them together and the renderers only lay them out.

use crate::assessment::outcome::DpiaOutcome;
use crate::assessment::{Date, HarmSeverity, Likelihood, Risk, Section};

pub const KICKER: &str = "Legitimate interests assessment (UK GDPR Article 6(1)(f))";
pub const DOCUMENT_TITLE: &str = "Legitimate interests assessment: ";
pub const SUBJECT: &str = "Legitimate interests assessment";
pub const APPLICATION: &str = "Legitimate interests assessment tool";

/// Shown where an answer or a fact has none.
pub const NOT_PROVIDED: &str = "Not provided";

/// One part of the ICO's template: its section, heading and introduction.
pub struct Template {
    pub section: Section,
    pub title: &'static str,
    pub lede: &'static str,
}

pub const ABOUT: Template = Template {
    section: Section::About,
    title: "About the processing",
    lede: "What the processing is, whose data it uses and where the data comes from.",
};

pub const TRIAGE: Template = Template {
    section: Section::Triage,
    title: "Is legitimate interests available?",
    lede: "Whether the organisation can rely on legitimate interests at all, and which other \
           rules (such as PECR for electronic marketing) apply.",
};

pub const PURPOSE: Template = Template {
    section: Section::Purpose,
    title: "Part 1: Purpose test",
    lede: "You need to assess whether there is a legitimate interest behind the processing.",
};

pub const NECESSITY: Template = Template {
    section: Section::Necessity,
    title: "Part 2: Necessity test",
    lede: "You need to assess whether the processing is necessary for the purpose you have \
           identified.",
};

pub const BALANCING_TITLE: &str = "Part 3: Balancing test";
pub const BALANCING_LEDE: &str = "You need to consider the impact on individuals’ interests and \
                                  rights and freedoms and assess whether this overrides your \
                                  legitimate interests.";

/// The three parts of the balancing test, each with its heading.
pub const BALANCING: [(Section, &str); 3] = [
    (Section::Nature, "Nature of the personal data"),
    (Section::Expectations, "Reasonable expectations"),
    (Section::Impact, "Likely impact and safeguards"),
];

pub const DPIA: Template = Template {
    section: Section::Dpia,
    title: "DPIA screening",
    lede: "Whether the processing is likely to result in a high risk, so that a data \
           protection impact assessment is needed (UK GDPR Article 35 and the ICO's list of \
           high-risk processing).",
};
pub const DPIA_RESULT: &str = "Result";
pub const DPIA_TRIGGERS: &str = "The screening answers that make a DPIA necessary:";

pub const DECISION: Template = Template {
    section: Section::Decision,
    title: "Making the decision",
    lede: "This is where you use your answers to Parts 1, 2 and 3 to decide whether or not you \
           can apply the legitimate interests basis.",
};

pub const SIGN_OFF: Template = Template {
    section: Section::SignOff,
    title: "Sign-off",
    lede: "Who completed and approved this assessment, and what they confirmed.",
};
pub const REVIEW_TITLE: &str = "Review";
pub const REVIEW_LOG_TITLE: &str = "Review log";
pub const NO_REVIEWS: &str = "No reviews are recorded.";
pub const REVIEW_LOG_COLUMNS: [&str; 2] = ["Date", "What was reviewed or changed"];

pub const CONTROL_TITLE: &str = "Document control";
pub const SUMMARY_TITLE: &str = "Summary";

pub const IMPACTS_TITLE: &str = "Impacts and risk";
pub const IMPACT_COLUMNS: [&str; 5] = [
    "No.",
    "Impact",
    "Before safeguards",
    "Safeguards",
    "After safeguards",
];
pub const NO_IMPACTS: &str = ": no impacts are recorded.";
pub const MATRIX_TITLE: &str = "Risk matrix";
pub const MATRIX_LEDE: &str = "Likelihood against severity of each impact, before and after \
                               safeguards, on the scale of the ICO's DPIA template. Each impact \
                               is shown by its number.";
pub const MATRIX_CAPTION: &str = "Each impact is shown by its number: an open circle before \
     safeguards, a filled circle after them (as in the tool). The cell colour is the risk: low, \
     medium or high, on the scale of the ICO's DPIA template.";
pub const MATRIX_SEVERITY: &str = "Severity of harm";
pub const MATRIX_LIKELIHOOD: &str = "Likelihood of harm";
pub const MATRIX_BEFORE: &str = "Before: ";
pub const MATRIX_AFTER: &str = "After: ";

pub const FINDINGS_TITLE: &str = "Appendix A: Findings";
pub const ACCEPTED_LEDE: &str =
    "Warnings the author accepted with a written reason: they no longer \
     count as open, and the approver's decision covers them. One whose answers changed since \
     counts as open again.";
pub const FINDINGS_LEDE: &str = "What the tool's checks found when this record was made. A \
                                 blocker prevents sign-off, a warning would be challenged by a \
                                 reviewer, and advice is for information.";
pub const NO_FINDINGS: &str = "No findings.";
pub const SOURCES_TITLE: &str = "Sources cited";

pub const PRIVACY_TITLE: &str = "Privacy information";
pub const PRIVACY_LEDE: &str = "Wording for your privacy information about this processing, as \
                                UK GDPR Articles 13 and 14 require where legitimate interests \
                                is the lawful basis.";
pub const PRIVACY_CHECKS: &str = "Check before you use it";

pub const HANDOVER_TITLE: &str = "Approval";
pub const HANDOVER_LEDE: &str =
    "Each time the assessment was sent for approval, and what the approver decided.";
pub const HANDOVER_COLUMNS: [&str; 3] = ["Sent", "Decision", "Comments"];
pub const NOT_DECIDED: &str = "Not decided";

pub const CHANGES_COLUMNS: [&str; 4] = ["What", "Change", "Before", "After"];
/// How the changed words are marked in words, for a printout in black and white.
pub const REMOVED_MARK: &str = "[removed] ";
pub const ADDED_MARK: &str = "[added] ";

pub const QUESTION_COLUMNS: [&str; 2] = ["Question", "Answer"];
/// The organisation's own questions in a part (from its settings file, issue 29).
pub const ORGANISATION_COLUMNS: [&str; 2] = ["Your organisation's question", "Answer"];
pub const FACT_COLUMNS: [&str; 2] = ["Detail", "Value"];

/// The foot of each page: "Page 2 of 7 · digest a4110fb9".
pub const PAGE: &str = "Page ";
pub const PAGE_OF: &str = " of ";

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

/// "Possible likelihood, significant severity: medium risk", or "Not rated".
pub fn rating(likelihood: Option<Likelihood>, severity: Option<HarmSeverity>) -> String {
    match (likelihood, severity) {
        (Some(l), Some(s)) => format!(
            "{} likelihood, {} severity: {} risk",
            l.label(),
            s.label().to_ascii_lowercase(),
            Risk::of(l, s).label().to_ascii_lowercase()
        ),
        _ => "Not rated".to_string(),
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "2026-11-22T10:15:00Z" → "22 November 2026 at 10:15 UTC"; anything else as given.
pub fn readable_timestamp(at: &str) -> String {
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

/// A date as written in the record: the long UK form, or as given if it is not a date.
pub fn long_date(date: &str) -> String {
    Date::parse(date).map_or_else(|| date.to_string(), Date::long)
}

/// A sentence about the hidden answers kept in the record, if there are any.
pub fn hidden_answers(hidden: usize) -> Option<String> {
    (hidden > 0).then(|| {
        format!(
            "{hidden} answer{} to questions that no longer apply {} kept in the record but \
             not shown here.",
            plural(hidden),
            if hidden == 1 { "is" } else { "are" }
        )
    })
}

/// Said in a review's appendix when the version it reviews was not at hand.
pub const CHANGES_UNAVAILABLE: &str = "The version this review reviews was not available when \
     this record was made, so its changes are not listed. Open both records in the tool to see \
     them.";

/// Introduces the digest of the reviewed version when its changes cannot be listed.
pub const CHANGES_REVIEWED_DIGEST: &str =
    "Digest of the version it reviews (SHA-256, without its review log): ";

/// Said when the sign-off's changes are not listed yet.
pub const CHANGES_SIGN_OFF_PENDING: &str = "The sign-off is done again for each version; its \
     answers are listed once this version has them.";

/// The sentence that counts a review's changes, or says there are none.
pub fn changes_count(changes: &crate::compare::Changes, listed: bool) -> String {
    if !listed {
        return format!(
            "Nothing has changed since version {}.",
            changes.before.version
        );
    }
    let count = changes.len();
    format!(
        "{count} change{} from {} to {}.",
        plural(count),
        changes.before.describe(),
        changes.after.describe()
    )
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
