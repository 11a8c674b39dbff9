//! The shape of the question bank: sections, question ids, answer kinds and the
//! conditions that decide when a question is shown. The questions themselves are
//! data, in `bank.rs`.

use serde::{Deserialize, Serialize};

pub use super::bank::{QuestionId, QUESTIONS};
use super::model::YesNo;

/// The sections of an assessment, in the order they are worked through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    About,
    Triage,
    Purpose,
    Necessity,
    Nature,
    Expectations,
    Impact,
    Dpia,
    Decision,
    SignOff,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::About,
        Section::Triage,
        Section::Purpose,
        Section::Necessity,
        Section::Nature,
        Section::Expectations,
        Section::Impact,
        Section::Dpia,
        Section::Decision,
        Section::SignOff,
    ];

    /// The task name, as a verb phrase (GOV.UK task list pattern).
    pub fn title(self) -> &'static str {
        match self {
            Section::About => "Describe the processing",
            Section::Triage => "Check whether legitimate interests is available",
            Section::Purpose => "Identify the legitimate interest (purpose test)",
            Section::Necessity => "Show the processing is necessary (necessity test)",
            Section::Nature => "Consider the nature of the data",
            Section::Expectations => "Consider people's reasonable expectations",
            Section::Impact => "Assess the likely impact and safeguards",
            Section::Dpia => "Screen for a data protection impact assessment (DPIA)",
            Section::Decision => "Make the decision",
            Section::SignOff => "Sign off and set a review date",
        }
    }

    /// What the section is for, shown under its heading (drawn from the ICO guidance).
    pub fn intro(self) -> &'static str {
        match self {
            Section::About => "Describe the processing this assessment covers. Keep to one purpose: if you have several, do an assessment for each.",
            Section::Triage => "Some processing cannot use legitimate interests at all, and some purposes have rules of their own. Answer these first, so the rest of the assessment asks the right questions.",
            Section::Purpose => "Part 1, the purpose test: identify the legitimate interest behind the processing. Be as specific as possible; it makes the necessity and balancing tests easier.",
            Section::Necessity => "Part 2, the necessity test: is the processing actually necessary for the purpose? Be honest: if there is a less intrusive way to achieve it, say clearly why it is not reasonable.",
            Section::Nature => "Part 3, the balancing test, starts here. The more sensitive or private the data, the more likely the processing is to be intrusive, and the more compelling your reason must be. Whatever your lawful basis, special category and criminal offence data also need a condition of their own.",
            Section::Expectations => "Would people reasonably expect you to use their data in this way? This is an objective test: what a reasonable person would expect in the circumstances.",
            Section::Impact => "Consider the likely impact on people and any damage the processing might cause: how likely it is, how severe it would be, and what safeguards could reduce it.",
            Section::Dpia => "Some processing is likely to result in a high risk and needs a data protection impact assessment (DPIA), whatever your lawful basis. Some answers are suggested from what you said earlier: check them.",
            Section::Decision => "Weigh up everything for and against the processing, and decide whether your interests take priority over any risk to people. The more significant the risks, the more compelling your justification must be.",
            Section::SignOff => "Record who completed and who approved the assessment, and when it will be reviewed. Revisit it sooner if the purpose, nature or context of the processing changes.",
        }
    }

    /// The next section in order, if any.
    pub fn next(self) -> Option<Section> {
        let i = Section::ALL.iter().position(|s| *s == self)?;
        Section::ALL.get(i + 1).copied()
    }

    /// Its position, from 1.
    pub fn number(self) -> usize {
        Section::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }

    /// The section with this key.
    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A stable key for URLs, ids and exports.
    pub fn key(self) -> &'static str {
        match self {
            Section::About => "about",
            Section::Triage => "triage",
            Section::Purpose => "purpose",
            Section::Necessity => "necessity",
            Section::Nature => "nature",
            Section::Expectations => "expectations",
            Section::Impact => "impact",
            Section::Dpia => "dpia",
            Section::Decision => "decision",
            Section::SignOff => "sign-off",
        }
    }

    /// The balancing-test sections that a recognised legitimate interest does not need at
    /// all. The nature of the data is not one of them: whatever the route, special category
    /// and criminal offence data need their conditions (UK GDPR Articles 9 and 10); only its
    /// weighing questions are left out (`OnRoute::Ordinary`).
    pub fn is_balancing(self) -> bool {
        matches!(self, Section::Expectations | Section::Impact)
    }

    /// The questions of this section, in bank order.
    pub fn questions(self) -> impl Iterator<Item = &'static Question> {
        QUESTIONS.iter().filter(move |q| q.section == self)
    }
}

/// The wording of each impact's fields in the impacts list (the `AnswerKind::Impacts`
/// question), kept with the rest of the bank.
pub mod impact_fields {
    pub const DESCRIPTION: &str = "What could happen to people?";
    pub const DESCRIPTION_HINT: &str =
        "For example a barrier to a service, financial loss, distress or loss of control over their data.";
    pub const LIKELIHOOD: &str = "How likely is it?";
    pub const SEVERITY: &str = "How severe would it be?";
    pub const SAFEGUARDS: &str = "What safeguards reduce it?";
    pub const RESIDUAL_LIKELIHOOD: &str = "How likely is it with the safeguards?";
    pub const RESIDUAL_SEVERITY: &str = "How severe would it be with the safeguards?";
    pub const RESIDUAL_HINT: &str = "Leave these if the safeguards do not change the rating.";
    pub const MISSING_DESCRIPTION: &str = "Describe what could happen to people";
}

/// One option of a single or multiple choice question.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    /// Stored in answers and exports; never changes once released.
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    /// In a multiple choice, "none of these": it cannot be combined with the others.
    pub exclusive: bool,
}

impl Choice {
    pub const fn new(key: &'static str, label: &'static str) -> Choice {
        Choice {
            key,
            label,
            hint: "",
            exclusive: false,
        }
    }

    pub const fn hint(mut self, hint: &'static str) -> Choice {
        self.hint = hint;
        self
    }

    pub const fn exclusive(mut self) -> Choice {
        self.exclusive = true;
        self
    }
}

/// What kind of answer a question takes, and so which control the interface shows.
#[derive(Clone, Copy, Debug)]
pub enum AnswerKind {
    /// One line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
    /// Yes / No / Not sure.
    YesNo,
    /// Exactly one of the options.
    Single(&'static [Choice]),
    /// Any number of the options.
    Multiple(&'static [Choice]),
    /// A calendar date, stored as `yyyy-mm-dd`.
    Date,
    /// The list of impacts with likelihood, severity and safeguards (`Assessment::impacts`).
    Impacts,
}

impl AnswerKind {
    pub fn choices(self) -> &'static [Choice] {
        match self {
            AnswerKind::Single(c) | AnswerKind::Multiple(c) => c,
            _ => &[],
        }
    }
}

/// Where a question's wording comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Verbatim from the ICO's guidance "How do we apply legitimate interests in practice?".
    IcoGuidance,
    /// Verbatim from the ICO's sample LIA template.
    IcoTemplate,
    /// The tool's own wording, drawn from the source named in the hint.
    Tool,
}

/// When a question is shown. Conditions only refer to questions earlier in the bank,
/// so visibility can be worked out in one pass (a test checks this).
#[derive(Clone, Copy, Debug)]
pub enum Cond {
    Always,
    /// A yes/no answer is one of these.
    YesNoIn(QuestionId, &'static [YesNo]),
    /// A single choice is one of these keys.
    ChoiceIn(QuestionId, &'static [&'static str]),
    /// A multiple choice includes at least one of these keys.
    ChoicesAny(QuestionId, &'static [&'static str]),
    /// The question has any answer.
    Answered(QuestionId),
    All(&'static [Cond]),
    Any(&'static [Cond]),
}

impl Cond {
    /// Every question this condition looks at.
    pub fn refers_to(&self, out: &mut Vec<QuestionId>) {
        match self {
            Cond::Always => {}
            Cond::YesNoIn(q, _) | Cond::ChoiceIn(q, _) | Cond::ChoicesAny(q, _) => out.push(*q),
            Cond::Answered(q) => out.push(*q),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.refers_to(out)),
        }
    }
}

/// On which route a question is asked: the ordinary legitimate interests route (UK GDPR
/// Article 6(1)(f)), which needs the balancing test, or the recognised legitimate interest
/// route (Article 6(1)(ea)), which does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnRoute {
    /// Whatever the route.
    Any,
    /// Only on the ordinary route: part of the balancing test, or about legitimate
    /// interests under Article 6(1)(f) alone.
    Ordinary,
    /// Only on the recognised route.
    Recognised,
}

/// One question of the bank.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub id: QuestionId,
    /// Stable key used in answers, exports and element ids, e.g. `purpose.why`.
    pub key: &'static str,
    pub section: Section,
    /// The question as asked (and the page label). ICO wording is kept verbatim.
    pub text: &'static str,
    /// A short name for summaries such as the check-answers page.
    pub short: &'static str,
    /// Plain-English help shown under the question; empty for none.
    pub hint: &'static str,
    pub kind: AnswerKind,
    pub required: bool,
    /// The error shown when a required question is left unanswered.
    pub missing: &'static str,
    pub shown: Cond,
    /// The routes it is asked on (the route is known from the triage questions, which all
    /// come before any question that is not asked on every route; a test checks this).
    pub route: OnRoute,
    pub origin: Origin,
    /// The earlier answers this one rests on: when one of them changes after this one was
    /// given, this answer is marked to be checked again (`assessment::stale`).
    pub rests_on: Basis,
}

/// Starts a question; the builder methods below fill in the rest.
pub(super) const fn q(
    key: &'static str,
    section: Section,
    kind: AnswerKind,
    text: &'static str,
) -> Question {
    Question {
        id: QuestionId::FIRST,
        key,
        section,
        text,
        short: text,
        hint: "",
        kind,
        required: false,
        missing: "",
        shown: Cond::Always,
        route: OnRoute::Any,
        origin: Origin::Tool,
        rests_on: Basis::Nothing,
    }
}

/// The sets of earlier answers an answer can rest on, named so that each question of the
/// bank holds one byte for it (the sets themselves are in `bank.rs`, `Basis::questions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Nothing,
    /// The kind of purpose.
    Category,
    /// The purpose itself.
    Purpose,
    /// The purpose, and the data used for it (the necessity test).
    PurposeData,
    /// The kinds of data.
    Data,
    /// Whose data it is.
    People,
    /// Whose data, which data, and why (the balancing test, the screening, the decision).
    WhoWhatWhy,
}

impl Question {
    pub(super) const fn with_id(mut self, id: QuestionId) -> Question {
        self.id = id;
        self
    }
    pub(super) const fn short(mut self, short: &'static str) -> Question {
        self.short = short;
        self
    }
    pub(super) const fn hint(mut self, hint: &'static str) -> Question {
        self.hint = hint;
        self
    }
    pub(super) const fn required(mut self, missing: &'static str) -> Question {
        self.required = true;
        self.missing = missing;
        self
    }
    pub(super) const fn shown(mut self, cond: Cond) -> Question {
        self.shown = cond;
        self
    }
    /// Asked only on the ordinary route (part of the balancing test, for example).
    pub(super) const fn ordinary_only(mut self) -> Question {
        self.route = OnRoute::Ordinary;
        self
    }
    /// Asked only on the recognised route.
    pub(super) const fn recognised_only(mut self) -> Question {
        self.route = OnRoute::Recognised;
        self
    }
    pub(super) const fn ico(mut self) -> Question {
        self.origin = Origin::IcoGuidance;
        self
    }
    pub(super) const fn template(mut self) -> Question {
        self.origin = Origin::IcoTemplate;
        self
    }
    /// The earlier answers this one rests on (checked again when they change).
    pub(super) const fn rests_on(mut self, on: Basis) -> Question {
        self.rests_on = on;
        self
    }

    /// The option with this key, if the question has one.
    pub fn choice(&self, key: &str) -> Option<&'static Choice> {
        self.kind.choices().iter().find(|c| c.key == key)
    }
}

impl QuestionId {
    /// The id of the question's control in the interface (the first option's, for
    /// choices): links and error summaries point here.
    pub fn control_id(self) -> String {
        format!("q-{}", self.key().replace('.', "-"))
    }

    /// The question's entry in the bank.
    pub fn question(self) -> &'static Question {
        &QUESTIONS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.question().key
    }

    pub fn section(self) -> Section {
        self.question().section
    }

    /// The question with this stable key.
    pub fn from_key(key: &str) -> Option<QuestionId> {
        QUESTIONS.iter().find(|q| q.key == key).map(|q| q.id)
    }
}

impl Serialize for QuestionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        QuestionId::from_key(&key)
            .ok_or_else(|| serde::de::Error::unknown_field(&key, &super::shape::QUESTION_KEY))
    }
}
