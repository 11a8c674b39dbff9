//! What the HTML report and the Word document both say, written once: the parts of the
//! ICO's LIA template with their headings and introductions, and the phrases that
//! describe a state of the assessment (the DPIA result, a rating, a status, a time).

use crate::assessment::outcome::DpiaOutcome;
use crate::assessment::{Date, HarmSeverity, Likelihood, Risk, Section, Status};

/// Shown where a question has no answer.
pub const NOT_PROVIDED: &str = "Not provided";

/// One part of the report: its section, heading and introduction.
pub struct Part {
    pub section: Section,
    pub title: &'static str,
    pub lede: &'static str,
}

pub const ABOUT: Part = Part {
    section: Section::About,
    title: "About the processing",
    lede: "What the processing is, whose data it uses and where the data comes from.",
};

pub const TRIAGE: Part = Part {
    section: Section::Triage,
    title: "Is legitimate interests available?",
    lede: "Whether the organisation can rely on legitimate interests at all, and which other \
           rules (such as PECR for electronic marketing) apply.",
};

pub const PURPOSE: Part = Part {
    section: Section::Purpose,
    title: "Part 1: Purpose test",
    lede: "You need to assess whether there is a legitimate interest behind the processing.",
};

pub const NECESSITY: Part = Part {
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

pub const IMPACTS_TITLE: &str = "Impacts and risk";

pub const DPIA_TITLE: &str = "DPIA screening";
pub const DPIA_LEDE: &str = "Whether the processing is likely to result in a high risk, so that \
                             a data protection impact assessment is needed (UK GDPR Article 35 \
                             and the ICO's list of high-risk processing).";

pub const FINDINGS_TITLE: &str = "Findings";
pub const FINDINGS_LEDE: &str = "What the tool's checks found when this report was made. A \
                                 blocker prevents sign-off, a warning would be challenged by a \
                                 reviewer, and advice is for information.";

pub const DECISION: Part = Part {
    section: Section::Decision,
    title: "Making the decision",
    lede: "This is where you use your answers to Parts 1, 2 and 3 to decide whether or not you \
           can apply the legitimate interests basis.",
};

pub const SIGN_OFF_TITLE: &str = "Sign-off";
pub const SIGN_OFF_LEDE: &str =
    "Who completed and approved this assessment, and what they confirmed.";

pub const PRIVACY_TITLE: &str = "Suggested privacy information";
pub const PRIVACY_LEDE: &str = "Wording for your privacy information about this processing, as \
                                UK GDPR Articles 13 and 14 require where legitimate interests \
                                is the lawful basis.";

pub const HANDOVER_TITLE: &str = "Approval";
pub const HANDOVER_LEDE: &str =
    "Each time the assessment was sent for approval, and what the approver decided.";

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

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Approved => "Approved",
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

/// The heading of a review's appendix ("Changes since version N, approved on …"), or
/// `None` when `a` is not a review.
pub fn changes_title(a: &crate::assessment::Assessment) -> Option<String> {
    if a.review_of.is_none() && a.reviewed.is_none() {
        return None;
    }
    let number = a
        .reviewed
        .as_ref()
        .map_or(a.version.saturating_sub(1), |r| r.version);
    let approved = a
        .reviewed
        .as_ref()
        .and_then(|r| r.approved_on.as_deref())
        .map(|on| Date::parse(on).map_or_else(|| on.to_string(), Date::long));
    Some(match approved {
        Some(on) => format!("Changes since version {number}, approved on {on}"),
        None => format!("Changes since version {number}"),
    })
}

/// Said in a review's appendix when the version it reviews was not at hand.
pub const CHANGES_UNAVAILABLE: &str = "The version this review reviews was not available when \
     this report was made, so its changes are not listed. Open both records in the tool to see \
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
