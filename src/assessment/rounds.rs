//! The hand-over record an assessment carries: each time it was sent for approval, the
//! digest of the content sent, and the approver's decision with their comments. The
//! record is part of the assessment (and of its files); what happens on the way (sending,
//! deciding, adopting a returned file) is `crate::handover` and `crate::session`.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::questions::Section;

/// One sending of the assessment for approval, and the decision on it once made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The day it was sent (`yyyy-mm-dd`).
    pub sent: String,
    /// The digest of the content sent (`content_digest`), to which the decision is bound.
    #[serde(deserialize_with = "super::canonical::digest_field")]
    pub content: String,
    /// The approver's decision; absent while it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

/// Approve, or return for changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Approved,
    Returned,
}

impl Verdict {
    pub const ALL: [Verdict; 2] = [Verdict::Approved, Verdict::Returned];

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Returned => "returned",
        }
    }

    /// As an option of the approver's form.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Approved => "Approve it",
            Verdict::Returned => "Return it with comments",
        }
    }
}

/// What the approver decided, who they are and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub verdict: Verdict,
    pub name: String,
    pub role: String,
    /// `yyyy-mm-dd`.
    pub date: String,
    /// A comment on the whole assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Comments on sections, in section order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

impl Decision {
    /// The approver's comment on this section, if any.
    pub fn comment(&self, section: Section) -> Option<&str> {
        self.comments
            .iter()
            .find(|c| c.section == section)
            .map(|c| c.text.as_str())
    }

    /// "Alex Morgan (Data Protection Officer)", as it reads after "by".
    pub fn who(&self) -> String {
        match (self.name.trim(), self.role.trim()) {
            (name, "") => name.to_string(),
            (name, role) => format!("{name} ({role})"),
        }
    }

    /// The date in the long UK form, or as written if it is not a date.
    pub fn date_long(&self) -> String {
        Date::parse(&self.date).map_or_else(|| self.date.clone(), Date::long)
    }
}

/// The approver's comment on one section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub section: Section,
    pub text: String,
}
