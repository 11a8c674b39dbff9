//! The organisation's own settings, from one JSON file (issue 29, first part): its
//! questions beside the ICO's, its checks on their answers, its approvers, its review
//! policy and its defaults. This part reads and checks the file (`read`), works out its
//! findings from plain facts (`checks`), and makes what a record made under the settings
//! carries of them and gives its answers back as facts (`record`); the app does not use
//! them yet. A file with any problem is refused whole, with every problem and where it is
//! (`read::read`), so the tool keeps its previous settings or none.
//!
//! The format is `docs/settings.md`'s; `docs/settings.example.json` is a fictional
//! housing association's.

use crate::assessment::model::Risk;
use crate::assessment::questions::Section;
use crate::assessment::rules::Severity;
use crate::handover::keycard::KeyCard;

pub mod answering;
pub mod checks;
pub mod edit;
pub mod evaluate;
pub mod read;
pub mod record;
pub mod schema;
pub mod write;

pub use checks::{findings, Answer, Facts, Finding, Target};
pub use read::{read, Problem};
pub use record::{answers_of, made_under, record_of};

/// What a settings file says it is (`format`).
pub const FORMAT: &str = "lia-settings";
/// The newest settings format this tool reads (`version`).
pub const VERSION: u64 = 1;

/// A settings file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// What the organisation calls these settings ("Riverside HA assessments").
    pub name: String,
    /// The organisation's own label for this edition of them ("2026.1").
    pub revision: String,
    /// SHA-256 of the file's canonical JSON: what a record made under them names.
    pub digest: String,
    pub defaults: Defaults,
    pub questions: Vec<Question>,
    pub checks: Vec<Check>,
    pub approvers: Approvers,
    pub policy: Policy,
}

/// Filled in and used in wording: the organisation, its DPO, its privacy notice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Defaults {
    pub organisation: Option<String>,
    pub dpo_contact: Option<String>,
    pub privacy_notice_title: Option<String>,
    /// `https:` or `http:` only.
    pub privacy_notice_url: Option<String>,
}

/// One of the organisation's questions, asked in `section` after the ICO's.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Lower-case letters, digits and single hyphens; unique among the questions and the
    /// screening questions.
    pub id: String,
    pub section: Section,
    pub kind: Kind,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Text,
    YesNo,
    /// One of these options (id, label).
    Choice(Vec<(String, String)>),
}

/// A finding the organisation wants when one of its questions is answered a given way.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub id: String,
    /// The id of one of the settings' questions.
    pub question: String,
    pub when: When,
    pub severity: Severity,
    pub message: String,
}

/// When a check finds something.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    Unanswered,
    Answered,
    /// A yes/no answer (`yes`, `no`, `not-sure`) or a choice's option id.
    Is(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Approvers {
    pub cards: Vec<KeyCard>,
    pub self_approval: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// The longest time to the next review the organisation accepts, in months.
    pub max_review_months: Option<u32>,
    /// Who must be consulted when the risk is at least `above`.
    pub consult: Option<Consult>,
    /// Questions added to the ICO's DPIA screening list.
    pub screening: Vec<ScreeningQuestion>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Consult {
    pub at_least: Risk,
    pub who: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScreeningQuestion {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
}
