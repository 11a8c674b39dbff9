//! The chain of records: a review records the digest of the approved version it was
//! started from (`Assessment::reviewed`), so a copy of that version, from this browser
//! or from a file, can be checked to be exactly what was reviewed.

use crate::assessment::reviewed_digest;
use crate::assessment::{Assessment, Status};

/// Why a copy is not the version a review reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainBreak {
    /// The review names another assessment (its `review_of`).
    OtherAssessment { expected: String, found: String },
    /// The review was started from another version number.
    OtherVersion { expected: u32, found: u32 },
    /// The copy is not approved.
    NotApproved,
    /// The copy differs from what was reviewed (its digest is not the recorded one).
    Changed,
    /// The review records no digest (it was started before reviews recorded one).
    NoDigest,
}

impl ChainBreak {
    /// The reason in a sentence.
    pub fn describe(&self) -> String {
        match self {
            ChainBreak::OtherAssessment { expected, found } => format!(
                "It reviews the assessment with id “{expected}”, and this copy has the id “{found}”."
            ),
            ChainBreak::OtherVersion { expected, found } => format!(
                "It was started from version {expected}, and this copy is version {found}."
            ),
            ChainBreak::NotApproved => "This copy is not approved.".into(),
            ChainBreak::Changed => {
                "This copy is not exactly the version that was reviewed: its content differs from what the review recorded (its digest does not match).".into()
            }
            ChainBreak::NoDigest => {
                "The review does not record a digest of the version it reviews, so the copy cannot be checked.".into()
            }
        }
    }
}

/// Whether a review and a copy of its predecessor form an unbroken chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chain {
    /// The copy is exactly the approved version the review reviews.
    Holds { version: u32, previous: u32 },
    /// It is not, for these reasons (each once, in the order above).
    Broken {
        version: u32,
        previous: u32,
        reasons: Vec<ChainBreak>,
    },
    /// The later one is not a review at all.
    NotAReview { version: u32 },
}

impl Chain {
    pub fn holds(&self) -> bool {
        matches!(self, Chain::Holds { .. })
    }

    /// "Version 2 reviews exactly the approved version 1." or why not.
    pub fn describe(&self) -> String {
        match self {
            Chain::Holds { version, previous } => {
                format!("Version {version} reviews exactly the approved version {previous}.")
            }
            Chain::Broken {
                version,
                previous,
                reasons,
            } => {
                let mut text = format!(
                    "Version {version} does not review exactly this copy of version {previous}."
                );
                for reason in reasons {
                    text.push(' ');
                    text.push_str(&reason.describe());
                }
                text
            }
            Chain::NotAReview { version } => {
                format!("Version {version} is not a review of another version.")
            }
        }
    }
}

/// Checks `review` against `previous`, a copy of the version it says it reviews.
pub fn check_chain(review: &Assessment, previous: &Assessment) -> Chain {
    let version = review.version;
    let Some(of) = review.review_of.as_deref() else {
        return Chain::NotAReview { version };
    };
    let mut reasons = Vec::new();
    if of != previous.id {
        reasons.push(ChainBreak::OtherAssessment {
            expected: of.to_string(),
            found: previous.id.clone(),
        });
    }
    let expected_version = review
        .reviewed
        .as_ref()
        .map_or(version.saturating_sub(1), |r| r.version);
    if expected_version != previous.version {
        reasons.push(ChainBreak::OtherVersion {
            expected: expected_version,
            found: previous.version,
        });
    }
    if previous.status != Status::Approved {
        reasons.push(ChainBreak::NotApproved);
    }
    match &review.reviewed {
        None => reasons.push(ChainBreak::NoDigest),
        Some(r) if r.digest != reviewed_digest(previous) => reasons.push(ChainBreak::Changed),
        Some(_) => {}
    }
    if reasons.is_empty() {
        Chain::Holds {
            version,
            previous: previous.version,
        }
    } else {
        Chain::Broken {
            version,
            previous: previous.version,
            reasons,
        }
    }
}
