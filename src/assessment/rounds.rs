//! The hand-over record an assessment carries: each time it was sent for approval, the
//! digest of the content sent, and the approver's decision with their comments. The
//! record is part of the assessment (and of its files); what happens on the way (sending,
//! deciding, adopting a returned file) is `crate::handover` and `crate::session`.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::model::Assessment;
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
    /// The author's replies to the comments of a return, sent with the next round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// The content as it was returned (`digest::content` of the file that came back),
    /// kept by the author's side for the last returned round only, so the approver's
    /// next round can show what changed since. It is checked against `content` before
    /// it is shown, and is not part of what any signature covers (it only repeats what
    /// `content` already binds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_returned: Option<Box<Assessment>>,
}

impl Round {
    /// A new round waiting for its decision.
    pub fn sent(sent: String, content: String) -> Round {
        Round {
            sent,
            content,
            decision: None,
            replies: Vec::new(),
            as_returned: None,
        }
    }

    /// The author's reply to the comment on `section` (`None`: the comment on the whole
    /// assessment).
    pub fn reply(&self, section: Option<Section>) -> Option<&str> {
        self.replies
            .iter()
            .find(|r| r.section == section)
            .map(|r| r.text.as_str())
    }
}

/// The author's reply to one comment of a return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// The section whose comment it answers; absent for the comment on the whole
    /// assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    pub text: String,
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

/// What the approver decided, who they are and when, and their signature over it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub verdict: Verdict,
    /// The approver's name, role and organisation: those of their key card.
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Approved by the person who wrote it (allowed only where the organisation's
    /// settings allow it), and said so wherever it is shown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_author: bool,
    /// `yyyy-mm-dd`: the day it was made, set by the tool.
    pub date: String,
    /// A comment on the whole assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Comments on sections, in section order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// The approver's signature over the decision (`crate::handover::signing`); absent
    /// in files made before decisions were signed, which then verify as not signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A signature over a decision and the key that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// `"Ed25519"`; anything else is refused when verified.
    pub algorithm: String,
    /// The public key, base64 of its raw bytes.
    pub key: String,
    /// The signature, base64.
    pub value: String,
}

impl Decision {
    /// The approver's comment on this section, if any.
    pub fn comment(&self, section: Section) -> Option<&str> {
        self.comments
            .iter()
            .find(|c| c.section == section)
            .map(|c| c.text.as_str())
    }

    /// "Alex Morgan (Data Protection Officer, Acme Housing)", as it reads after "by".
    pub fn who(&self) -> String {
        who(&self.name, &self.role, &self.organisation)
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

/// A person as a record names them: "Alex Morgan (Data Protection Officer, Acme
/// Housing)", the role and organisation left out where not given.
pub fn who(name: &str, role: &str, organisation: &str) -> String {
    let about: Vec<&str> = [role.trim(), organisation.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if about.is_empty() {
        name.trim().to_string()
    } else {
        format!("{} ({})", name.trim(), about.join(", "))
    }
}
