//! Two versions of one assessment side by side: every answer added, changed or removed
//! (section by section, long texts word by word), every impact added, removed or
//! re-rated (matched by id, so reordering is no change), the findings newly raised and
//! resolved (the rules run on both), the overall reading, the author's own wording for
//! the privacy information, and the answers to an organisation's questions (matched by
//! the question's id, listed in their sections) and the settings each was made under. Plain Rust, tested
//! natively; the "What changed" page and the report's appendix only show what it finds.
//!
//! `chain` checks a review against a copy of the version it reviews.

pub mod chain;
pub mod listing;
pub mod words;

use crate::assessment::display::{show, Shown};
use crate::assessment::lifecycle::{approved_on, REDONE_AT_REVIEW};
use crate::assessment::organisation_answers::{OrgAnswer, OrgValue};
use crate::assessment::questions::AnswerKind;
use crate::assessment::{
    Assessment, Date, Evaluation, Finding, Impact, QuestionId, Reading, Risk, Section, Severity,
    Status,
};

pub use chain::{check_chain, Chain, ChainBreak};
pub use listing::{listing, Group, Line, Span};
pub use words::{diff, Piece};

/// One version as the comparison names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub version: u32,
    pub status: Status,
    /// The approval date as recorded in it, as typed.
    pub approved_on: Option<String>,
}

impl Side {
    fn of(a: &Assessment) -> Side {
        Side {
            version: a.version,
            status: a.status,
            approved_on: approved_on(a).map(String::from),
        }
    }

    /// "version 1 (approved on 16 April 2026)", "version 2 (draft)".
    pub fn describe(&self) -> String {
        match (self.status, &self.approved_on) {
            (Status::Approved, Some(on)) => format!(
                "version {} (approved on {})",
                self.version,
                Date::parse(on).map_or_else(|| on.clone(), Date::long)
            ),
            (Status::Approved, None) => format!("version {} (approved)", self.version),
            (Status::Draft, _) => format!("version {} (draft)", self.version),
        }
    }
}

/// What happened to an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Added,
    Changed,
    Removed,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Added => "Added",
            Kind::Changed => "Changed",
            Kind::Removed => "Removed",
        }
    }
}

/// One answer that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    pub question: QuestionId,
    pub kind: Kind,
    pub before: Shown,
    pub after: Shown,
    /// For a changed long text: the words taken out and put in.
    pub words: Option<Vec<Piece>>,
}

/// An impact as the comparison shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImpactSide {
    pub id: u32,
    /// Its place in the list, from 1.
    pub number: usize,
    pub description: String,
    pub risk: Option<Risk>,
    pub residual_risk: Option<Risk>,
    /// Likelihood and severity before safeguards, and after (as given; `None` after
    /// means unchanged by the safeguards).
    pub rated: [Option<&'static str>; 4],
    pub safeguards: String,
}

impl ImpactSide {
    fn of(number: usize, impact: &Impact) -> ImpactSide {
        ImpactSide {
            id: impact.id,
            number,
            description: impact.description.clone(),
            risk: impact.risk(),
            residual_risk: impact.residual_risk(),
            rated: [
                impact.likelihood.map(|l| l.label()),
                impact.severity.map(|s| s.label()),
                impact
                    .residual_likelihood
                    .or(impact.likelihood)
                    .map(|l| l.label()),
                impact
                    .residual_severity
                    .or(impact.severity)
                    .map(|s| s.label()),
            ],
            safeguards: impact.safeguards.clone(),
        }
    }
}

/// One impact that differs; matched by id, so moving it in the list is no change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImpactChange {
    Added(ImpactSide),
    Removed(ImpactSide),
    /// Described, rated or safeguarded differently: each part that changed is `Some`.
    Changed {
        before: ImpactSide,
        after: ImpactSide,
        description: Option<Vec<Piece>>,
        /// Ratings before safeguards and after, when either changed (a re-rating).
        rated: bool,
        safeguards: Option<Vec<Piece>>,
    },
}

/// A finding raised or resolved between the versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingChange {
    pub id: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    pub detail: Option<String>,
}

impl FindingChange {
    fn of(f: &Finding) -> FindingChange {
        FindingChange {
            id: f.id,
            severity: f.severity,
            message: f.message,
            detail: f.detail.clone(),
        }
    }
}

/// One answer to an organisation's question that differs, matched by the question's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgChange {
    /// The question as asked: in the later version, or the earlier if it is removed.
    pub label: String,
    pub kind: Kind,
    /// The answer as shown (text, "Yes", the option's label); empty when none.
    pub before: String,
    pub after: String,
    /// For a changed text: the words taken out and put in.
    pub words: Option<Vec<Piece>>,
}

/// The changes within one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChanges {
    pub section: Section,
    pub answers: Vec<AnswerChange>,
    /// The answers to the organisation's questions asked in this section.
    pub organisation: Vec<OrgChange>,
    /// Only in the impact section.
    pub impacts: Vec<ImpactChange>,
}

/// Which organisation's settings a version was made under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsSide {
    pub name: String,
    pub revision: String,
    pub digest: String,
}

/// The settings the versions were made under, when they differ (none: made without).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsChange {
    pub before: Option<SettingsSide>,
    pub after: Option<SettingsSide>,
}

/// A change to the author's wording for the privacy information.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivacyChange {
    pub kind: Kind,
    pub words: Vec<Piece>,
}

/// Everything that differs between two versions, each change once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    pub before: Side,
    pub after: Side,
    /// Sections with changes, in order.
    pub sections: Vec<SectionChanges>,
    pub raised: Vec<FindingChange>,
    pub resolved: Vec<FindingChange>,
    /// The overall reading, when it changed: before, after.
    pub reading: Option<(Reading, Reading)>,
    /// The author's own wording for the privacy information, when it changed (added,
    /// changed or taken back to the suggestion): the words taken out and put in, and
    /// whether each side is the author's own.
    pub privacy: Option<PrivacyChange>,
    /// The organisation's settings they were made under, when they differ. (Boxed, so
    /// `Changes` stays small where it is passed by value.)
    pub settings: Option<Box<SettingsChange>>,
    /// The later version is a draft of a review whose sign-off is not done yet: the
    /// sign-off answers it has not filled in again are not listed as removed.
    pub sign_off_pending: bool,
}

impl Changes {
    /// How many changes there are, each counted once.
    pub fn len(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.answers.len() + s.organisation.len() + s.impacts.len())
            .sum::<usize>()
            + self.raised.len()
            + self.resolved.len()
            + usize::from(self.reading.is_some())
            + usize::from(self.privacy.is_some())
            + usize::from(self.settings.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What changed from `before` to `after` (two versions of one assessment; `today`
/// dates the rules that need a date, as for each version's own findings). Record
/// fields (id, version, status, the link back, the review log) are not answers and are
/// not listed. When `after` is a draft and `before` approved, as for a review being
/// worked on, the sign-off answers a review clears are listed only once `after` has
/// them again (approval is done again for each version; see `sign_off_pending`).
pub fn compare(before: &Assessment, after: &Assessment, today: Option<Date>) -> Changes {
    let mut baseline = before.clone();
    let mut sign_off_pending = false;
    if before.status == Status::Approved && after.status == Status::Draft {
        for q in REDONE_AT_REVIEW {
            if after.answers.get(q).is_none() && baseline.answers.get(q).is_some() {
                baseline.answers.clear(q);
                sign_off_pending = true;
            }
        }
    }
    let (old, new) = (
        Evaluation::of(&baseline, today),
        Evaluation::of(after, today),
    );

    let mut sections = Vec::new();
    for section in Section::ALL {
        let mut answers = Vec::new();
        for question in section.questions() {
            if matches!(question.kind, AnswerKind::Impacts) {
                continue;
            }
            let q = question.id;
            let was = old.answer(&baseline, q);
            let is = new.answer(after, q);
            if was == is {
                continue;
            }
            let (before_shown, after_shown) = (show(q, was), show(q, is));
            if before_shown == after_shown {
                // Different keys that read the same (such as a date typed another way).
                continue;
            }
            let kind = match (&before_shown, &after_shown) {
                (Shown::Empty, _) => Kind::Added,
                (_, Shown::Empty) => Kind::Removed,
                _ => Kind::Changed,
            };
            let words = match (&before_shown, &after_shown, question.kind) {
                (Shown::Text(x), Shown::Text(y), AnswerKind::LongText) => Some(diff(x, y)),
                _ => None,
            };
            answers.push(AnswerChange {
                question: q,
                kind,
                before: before_shown,
                after: after_shown,
                words,
            });
        }
        let organisation = org_changes(section, &baseline, after);
        let impacts = if section == Section::Impact {
            impact_changes(&baseline.impacts, &after.impacts)
        } else {
            Vec::new()
        };
        if !answers.is_empty() || !organisation.is_empty() || !impacts.is_empty() {
            sections.push(SectionChanges {
                section,
                answers,
                organisation,
                impacts,
            });
        }
    }

    // A finding is the same one when its rule and its detail (which impact, which
    // channel) are; the lists are short.
    let same = |a: &Finding, b: &Finding| a.id == b.id && a.detail == b.detail;
    let only_in = |these: &[Finding], those: &[Finding]| -> Vec<FindingChange> {
        these
            .iter()
            .filter(|f| !those.iter().any(|g| same(f, g)))
            .map(FindingChange::of)
            .collect()
    };
    let raised = only_in(&new.outcome.findings, &old.outcome.findings);
    let resolved = only_in(&old.outcome.findings, &new.outcome.findings);
    let reading = (old.outcome.reading != new.outcome.reading)
        .then_some((old.outcome.reading, new.outcome.reading));
    let own = |a: &Assessment| a.privacy_wording.as_ref().map(|p| p.text.clone());
    let privacy = match (own(before), own(after)) {
        (was, is) if was == is => None,
        (was, is) => Some(PrivacyChange {
            kind: match (&was, &is) {
                (None, _) => Kind::Added,
                (_, None) => Kind::Removed,
                _ => Kind::Changed,
            },
            words: diff(&was.unwrap_or_default(), &is.unwrap_or_default()),
        }),
    };

    let settings_of = |a: &Assessment| {
        a.organisation.as_ref().map(|o| SettingsSide {
            name: o.name.clone(),
            revision: o.revision.clone(),
            digest: o.digest.clone(),
        })
    };
    let (was, is) = (settings_of(before), settings_of(after));
    let settings = (was != is).then(|| {
        Box::new(SettingsChange {
            before: was,
            after: is,
        })
    });

    Changes {
        before: Side::of(before),
        after: Side::of(after),
        sections,
        raised,
        resolved,
        reading,
        privacy,
        settings,
        sign_off_pending,
    }
}

/// The organisation's answers in `section` that differ, matched by question id: in the
/// later version's order, then those removed in the earlier's. An option is the same
/// answer when its id is (a label reworded by new settings is the settings' change).
fn org_changes(section: Section, before: &Assessment, after: &Assessment) -> Vec<OrgChange> {
    fn answers(a: &Assessment) -> &[OrgAnswer] {
        a.organisation.as_ref().map_or(&[], |o| &o.answers)
    }
    let (was, is) = (answers(before), answers(after));
    let same = |x: &OrgValue, y: &OrgValue| match (x, y) {
        (OrgValue::Choice(x), OrgValue::Choice(y)) => x.id == y.id,
        _ => x == y,
    };
    let mut out = Vec::new();
    for now in is.iter().filter(|x| x.section == section) {
        let then = was.iter().find(|w| w.id == now.id);
        if then.is_some_and(|then| same(&then.value, &now.value)) {
            continue;
        }
        let before = then.map_or("", |t| t.value.shown()).to_string();
        let words = match (then.map(|t| &t.value), &now.value) {
            (Some(OrgValue::Text(x)), OrgValue::Text(y)) => Some(diff(x, y)),
            _ => None,
        };
        out.push(OrgChange {
            label: now.label.clone(),
            kind: if then.is_some() {
                Kind::Changed
            } else {
                Kind::Added
            },
            before,
            after: now.value.shown().to_string(),
            words,
        });
    }
    for then in was
        .iter()
        .filter(|w| w.section == section && !is.iter().any(|i| i.id == w.id))
    {
        out.push(OrgChange {
            label: then.label.clone(),
            kind: Kind::Removed,
            before: then.value.shown().to_string(),
            after: String::new(),
            words: None,
        });
    }
    out
}

/// Impacts matched by id: added, removed, or changed in any part, in the later order
/// (removed ones last, in their earlier order).
fn impact_changes(before: &[Impact], after: &[Impact]) -> Vec<ImpactChange> {
    let mut out = Vec::new();
    for (i, now) in after.iter().enumerate() {
        let side = ImpactSide::of(i + 1, now);
        match before.iter().enumerate().find(|(_, b)| b.id == now.id) {
            None => out.push(ImpactChange::Added(side)),
            Some((j, was)) => {
                let old = ImpactSide::of(j + 1, was);
                let description = (was.description != now.description)
                    .then(|| diff(&was.description, &now.description));
                let rated = (was.likelihood, was.severity) != (now.likelihood, now.severity)
                    || (was.residual_likelihood, was.residual_severity)
                        != (now.residual_likelihood, now.residual_severity);
                let safeguards = (was.safeguards != now.safeguards)
                    .then(|| diff(&was.safeguards, &now.safeguards));
                if description.is_some() || rated || safeguards.is_some() {
                    out.push(ImpactChange::Changed {
                        before: old,
                        after: side,
                        description,
                        rated,
                        safeguards,
                    });
                }
            }
        }
    }
    for (j, was) in before.iter().enumerate() {
        if !after.iter().any(|i| i.id == was.id) {
            out.push(ImpactChange::Removed(ImpactSide::of(j + 1, was)));
        }
    }
    out
}
