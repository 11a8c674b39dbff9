//! The assessment itself: answers keyed by question, the impacts list and the record's
//! status. Plain data with serde, no behaviour beyond keeping itself consistent.

use crate::vec_map::{VecMap, VecSet};
use std::fmt;

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::accepted::Accepted;
use super::organisation_answers::OrganisationRecord;
use super::questions::{AnswerKind, QuestionId};
use super::rounds::Round;

/// Yes / No / Not sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YesNo {
    Yes,
    No,
    NotSure,
}

impl YesNo {
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::NotSure];

    pub fn key(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
            YesNo::NotSure => "not-sure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            YesNo::Yes => "Yes",
            YesNo::No => "No",
            YesNo::NotSure => "Not sure",
        }
    }

    pub fn from_key(key: &str) -> Option<YesNo> {
        YesNo::ALL.into_iter().find(|y| y.key() == key)
    }
}

/// One answer. Its form follows the question's `AnswerKind`: text (also dates, kept as
/// typed so nothing is lost), yes/no, one choice key, or several choice keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    YesNo(YesNo),
    Choice(String),
    Choices(Vec<String>),
}

/// All answers, keyed by question. Serialised as a JSON object of plain values
/// (`"purpose.why": "…"`, `"about.people": ["tenants"]`), checked against the bank when read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(VecMap<QuestionId, Answer>);

impl Answers {
    pub fn get(&self, q: QuestionId) -> Option<&Answer> {
        self.0.get(&q)
    }

    /// Sets an answer; an empty text or an empty list of choices removes it instead.
    pub fn set(&mut self, q: QuestionId, answer: Answer) {
        let empty = match &answer {
            Answer::Text(t) | Answer::Choice(t) => t.is_empty(),
            Answer::Choices(c) => c.is_empty(),
            Answer::YesNo(_) => false,
        };
        if empty {
            self.0.remove(&q);
        } else {
            self.0.insert(q, answer);
        }
    }

    /// Puts an answer as a file holds it (`read::answers`), even an empty one.
    pub(crate) fn insert_as_read(&mut self, q: QuestionId, answer: Answer) {
        self.0.insert(q, answer);
    }

    pub fn clear(&mut self, q: QuestionId) {
        self.0.remove(&q);
    }

    pub fn iter(&self) -> impl Iterator<Item = (QuestionId, &Answer)> {
        self.0.iter().map(|(q, a)| (*q, a))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (q, answer) in &self.0 {
            match answer {
                Answer::Text(t) | Answer::Choice(t) => map.serialize_entry(q.key(), t)?,
                Answer::YesNo(y) => map.serialize_entry(q.key(), y.key())?,
                Answer::Choices(c) => map.serialize_entry(q.key(), c)?,
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AnswersVisitor)
    }
}

/// Reads the answers object: each key must be a question's (`QuestionId`'s own
/// `Deserialize` refuses any other), and each value is read by that question's
/// `AnswerSeed`, so every error is raised while its key is on the path.
struct AnswersVisitor;

impl<'de> Visitor<'de> for AnswersVisitor {
    type Value = Answers;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("answers keyed by question")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
        let mut answers = Answers::default();
        while let Some(q) = map.next_key::<QuestionId>()? {
            let answer = map.next_value_seed(AnswerSeed(q))?;
            answers.0.insert(q, answer);
        }
        Ok(answers)
    }
}

/// Reads one answer, checking it has the form its question takes. Its errors are
/// serde's structured ones: a value of the wrong form is `invalid_type` (with what the
/// question takes as the expectation), an option that is not the question's is
/// `unknown_variant` (its options are not listed: the bank holds them), an option given
/// twice is `duplicate_field`.
struct AnswerSeed(QuestionId);

impl<'de> DeserializeSeed<'de> for AnswerSeed {
    type Value = Answer;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Answer, D::Error> {
        match self.0.question().kind {
            AnswerKind::YesNo => YesNo::deserialize(d).map(Answer::YesNo),
            AnswerKind::Impacts => Err(D::Error::custom(
                "impacts are kept in \"impacts\", not among the answers",
            )),
            _ => d.deserialize_any(self),
        }
    }
}

impl<'de> Visitor<'de> for AnswerSeed {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self.0.question().kind {
            AnswerKind::Date => "a date as text",
            AnswerKind::Single(_) => "the key of one option",
            AnswerKind::Multiple(_) => "a list of option keys",
            _ => "text",
        })
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Answer, E> {
        let question = self.0.question();
        match question.kind {
            AnswerKind::ShortText | AnswerKind::LongText | AnswerKind::Date => {
                Ok(Answer::Text(text.to_string()))
            }
            AnswerKind::Single(_) => match question.choice(text) {
                Some(choice) => Ok(Answer::Choice(choice.key.to_string())),
                None => Err(E::unknown_variant(text, &[])),
            },
            _ => Err(E::invalid_type(Unexpected::Str(text), &self)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Answer, A::Error> {
        let question = self.0.question();
        if !matches!(question.kind, AnswerKind::Multiple(_)) {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        let mut keys: Vec<String> = Vec::new();
        while let Some(key) = items.next_element::<String>()? {
            let choice = question
                .choice(&key)
                .ok_or_else(|| A::Error::unknown_variant(&key, &[]))?;
            if keys.iter().any(|k| k == choice.key) {
                return Err(A::Error::duplicate_field(choice.key));
            }
            keys.push(key);
        }
        Ok(Answer::Choices(keys))
    }
}

/// How likely a harm is (the ICO DPIA template's scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Likelihood {
    Remote,
    Possible,
    Probable,
}

/// How severe a harm would be (the ICO DPIA template's scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HarmSeverity {
    Minimal,
    Significant,
    Severe,
}

/// Overall risk (the ICO DPIA template's scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    Low,
    Medium,
    High,
}

impl Likelihood {
    pub const ALL: [Likelihood; 3] = [
        Likelihood::Remote,
        Likelihood::Possible,
        Likelihood::Probable,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Likelihood::Remote => "Remote",
            Likelihood::Possible => "Possible",
            Likelihood::Probable => "Probable",
        }
    }
}

impl HarmSeverity {
    pub const ALL: [HarmSeverity; 3] = [
        HarmSeverity::Minimal,
        HarmSeverity::Significant,
        HarmSeverity::Severe,
    ];
    pub fn label(self) -> &'static str {
        match self {
            HarmSeverity::Minimal => "Minimal",
            HarmSeverity::Significant => "Significant",
            HarmSeverity::Severe => "Severe",
        }
    }
}

impl Risk {
    /// Likelihood × severity on a 1–3 scale each: 1–2 low, 3–4 medium, 6–9 high. So a
    /// chance of severe harm, or a high likelihood of some harm, is a high risk (ICO).
    pub fn of(likelihood: Likelihood, severity: HarmSeverity) -> Risk {
        match (likelihood as u8 + 1) * (severity as u8 + 1) {
            1 | 2 => Risk::Low,
            3 | 4 => Risk::Medium,
            _ => Risk::High,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Risk::Low => "Low",
            Risk::Medium => "Medium",
            Risk::High => "High",
        }
    }
}

/// One potential impact on people, before and after safeguards.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// Stable within the assessment, so edits and links keep pointing at the same impact.
    pub id: u32,
    pub description: String,
    pub likelihood: Option<Likelihood>,
    pub severity: Option<HarmSeverity>,
    /// The safeguards that reduce this impact.
    #[serde(default)]
    pub safeguards: String,
    #[serde(default)]
    pub residual_likelihood: Option<Likelihood>,
    #[serde(default)]
    pub residual_severity: Option<HarmSeverity>,
}

impl Impact {
    /// The risk before safeguards, once likelihood and severity are both given.
    pub fn risk(&self) -> Option<Risk> {
        Some(Risk::of(self.likelihood?, self.severity?))
    }

    /// The risk after safeguards; without a separate rating, the same as before.
    pub fn residual_risk(&self) -> Option<Risk> {
        let likelihood = self.residual_likelihood.or(self.likelihood)?;
        let severity = self.residual_severity.or(self.severity)?;
        Some(Risk::of(likelihood, severity))
    }
}

/// Whether the record is still being written or has been approved (and is then read-only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Draft,
    Approved,
}

/// One line of the review log: when the assessment was reviewed, by whom, and what changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    pub date: String,
    pub note: String,
}

/// What a review was started from: the approved version it reviews, so that a copy of
/// that version (in this browser or a file) can be checked against it later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    /// Its version number.
    pub version: u32,
    /// Its approval date, as recorded in it (`sign-off.approved-date`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<String>,
    /// `export::reviewed_digest` of it: SHA-256 of its canonical JSON without its review
    /// log, in lower-case hex.
    #[serde(deserialize_with = "super::canonical::digest_field")]
    pub digest: String,
    /// The id of the assessment's first version, the same in every version after it, so
    /// the versions of one assessment are known as one even when the ones between them
    /// are not at hand. Absent in reviews made before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<String>,
}

/// A legitimate interests assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Unique id, chosen by whoever creates the assessment.
    pub id: String,
    /// 1 for a first assessment; each review makes the next version.
    #[serde(default = "first_version")]
    pub version: u32,
    #[serde(default)]
    pub status: Status,
    /// The id of the approved assessment this one reviews, if it is a review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_of: Option<String>,
    /// For a review: the version it reviews, with that version's digest (the chain of
    /// records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Reviewed>,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub impacts: Vec<Impact>,
    /// Warnings accepted with a reason (see `accepted.rs`): part of the content, so an
    /// approval covers them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<Accepted>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review_log: Vec<ReviewEntry>,
    /// Each time it was sent for approval, oldest first, with the approver's decision
    /// once made (see `crate::handover`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handover: Vec<Round>,
    /// The wording for the privacy information as the author settled it, if they
    /// changed the suggestion (see `privacy_notice::edit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_wording: Option<Box<PrivacyEdit>>,
    /// Answers to check again: pairs of an answer (by question) that rests on an answer
    /// changed after it was given, and that changed answer (see `assessment::stale`).
    /// Cleared for a question when its answer is confirmed or edited. (Boxed, so a
    /// record stays small where it is passed by value.)
    #[serde(default, skip_serializing_if = "nothing_to_check_again")]
    pub check_again: Box<Vec<(QuestionId, QuestionId)>>,
    /// The version of the rule catalogue that checked the record when it was approved
    /// (see `assessment::catalogue`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<u32>,
    /// The organisation's settings it was made under and its answers to their questions
    /// (see `organisation_answers`): part of the content, so an approval covers them.
    /// None for a record made without settings. (Boxed, like `privacy_wording`.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Box<OrganisationRecord>>,
}

#[allow(clippy::borrowed_box)] // serde hands the field over as it is declared
fn nothing_to_check_again(marks: &Box<Vec<(QuestionId, QuestionId)>>) -> bool {
    marks.is_empty()
}

/// The author's own wording for the privacy information, and the suggestion it was made
/// from, so that a change to the answers since can be pointed out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyEdit {
    pub text: String,
    /// The suggested wording when it was last edited.
    pub suggested: String,
}

fn first_version() -> u32 {
    1
}

impl Assessment {
    pub fn new(id: impl Into<String>) -> Assessment {
        Assessment {
            id: id.into(),
            version: 1,
            status: Status::Draft,
            review_of: None,
            reviewed: None,
            answers: Answers::default(),
            impacts: Vec::new(),
            accepted: Vec::new(),
            review_log: Vec::new(),
            handover: Vec::new(),
            privacy_wording: None,
            check_again: Box::default(),
            rules_version: None,
            organisation: None,
        }
    }

    /// The answer to `q` is confirmed as it stands: it is no longer to be checked again.
    pub fn confirm(&mut self, q: QuestionId) -> &mut Self {
        self.check_again.retain(|(marked, _)| *marked != q);
        self
    }

    /// The answers whose change marked `q` to be checked again (none if it is not marked).
    pub fn changed_under(&self, q: QuestionId) -> Vec<QuestionId> {
        self.check_again
            .iter()
            .filter(|(marked, _)| *marked == q)
            .map(|(_, changed)| *changed)
            .collect()
    }

    /// The id of the assessment's first version: the same for every version of one
    /// assessment (see `Reviewed::lineage`; for an older review without it, the version it
    /// reviews).
    pub fn lineage(&self) -> &str {
        match (&self.reviewed, &self.review_of) {
            (
                Some(Reviewed {
                    lineage: Some(first),
                    ..
                }),
                _,
            ) => first,
            (_, Some(of)) => of,
            _ => &self.id,
        }
    }

    /// The name the user gave it, or a placeholder.
    pub fn title(&self) -> &str {
        match self.answers.get(QuestionId::AboutTitle) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => t.trim(),
            _ => "Untitled assessment",
        }
    }

    /// Sets a text or date answer (empty text removes it).
    pub fn set_text(&mut self, q: QuestionId, text: impl Into<String>) -> &mut Self {
        debug_assert!(matches!(
            q.question().kind,
            AnswerKind::ShortText | AnswerKind::LongText | AnswerKind::Date
        ));
        self.answers.set(q, Answer::Text(text.into()));
        self
    }

    pub fn set_yes_no(&mut self, q: QuestionId, answer: YesNo) -> &mut Self {
        debug_assert!(matches!(q.question().kind, AnswerKind::YesNo));
        self.answers.set(q, Answer::YesNo(answer));
        self
    }

    /// Sets a single choice; the key must be one of the question's options.
    pub fn set_choice(&mut self, q: QuestionId, key: &str) -> &mut Self {
        debug_assert!(
            q.question().choice(key).is_some(),
            "{key} is not an option of {q:?}"
        );
        self.answers.set(q, Answer::Choice(key.to_string()));
        self
    }

    /// Sets a multiple choice; every key must be one of the question's options.
    pub fn set_choices(&mut self, q: QuestionId, keys: &[&str]) -> &mut Self {
        debug_assert!(keys.iter().all(|k| q.question().choice(k).is_some()));
        self.answers.set(
            q,
            Answer::Choices(keys.iter().map(|k| k.to_string()).collect()),
        );
        self
    }

    /// Adds a fully described impact and returns its id.
    pub fn push_impact(&mut self, impact: Impact) -> u32 {
        let id = self.add_impact();
        let slot = self.impact_mut(id).expect("just added");
        *slot = Impact { id, ..impact };
        id
    }

    pub fn is_read_only(&self) -> bool {
        self.status == Status::Approved
    }

    /// Adds an empty impact and returns its id.
    pub fn add_impact(&mut self) -> u32 {
        let id = self.next_impact_id();
        self.impacts.push(Impact {
            id,
            ..Impact::default()
        });
        id
    }

    pub fn impact_mut(&mut self, id: u32) -> Option<&mut Impact> {
        self.impacts.iter_mut().find(|i| i.id == id)
    }

    pub fn remove_impact(&mut self, id: u32) {
        self.impacts.retain(|i| i.id != id);
    }

    /// Removes the impact and returns where it was and what it held, for undo.
    pub fn take_impact(&mut self, id: u32) -> Option<(usize, Impact)> {
        let index = self.impacts.iter().position(|i| i.id == id)?;
        Some((index, self.impacts.remove(index)))
    }

    /// Puts a removed impact back where it was. If its id has been given to another
    /// impact meanwhile, it comes back under a new one. Returns the id it has.
    pub fn restore_impact(&mut self, index: usize, mut impact: Impact) -> u32 {
        if self.impacts.iter().any(|i| i.id == impact.id) {
            impact.id = self.next_impact_id();
        }
        let id = impact.id;
        self.impacts.insert(index.min(self.impacts.len()), impact);
        id
    }

    fn next_impact_id(&self) -> u32 {
        self.impacts
            .iter()
            .map(|i| i.id)
            .max()
            .map_or(1, |m| m.saturating_add(1))
    }

    /// Gives every impact whose id an earlier impact already has a new id, so each is
    /// told apart (a file or a stored record may hold two with one id). Returns each
    /// change: the impact's position, its old id and its new one.
    pub fn renumber_duplicate_impacts(&mut self) -> Vec<(usize, u32, u32)> {
        let mut seen = VecSet::new();
        let mut changes = Vec::new();
        for index in 0..self.impacts.len() {
            let id = self.impacts[index].id;
            if !seen.insert(id) {
                let new_id = self.next_impact_id();
                self.impacts[index].id = new_id;
                seen.insert(new_id);
                changes.push((index, id, new_id));
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_follows_the_matrix() {
        use HarmSeverity::*;
        use Likelihood::*;
        assert_eq!(Risk::of(Remote, Minimal), Risk::Low);
        assert_eq!(Risk::of(Remote, Significant), Risk::Low);
        assert_eq!(Risk::of(Possible, Minimal), Risk::Low);
        assert_eq!(Risk::of(Remote, Severe), Risk::Medium);
        assert_eq!(Risk::of(Possible, Significant), Risk::Medium);
        assert_eq!(Risk::of(Probable, Minimal), Risk::Medium);
        assert_eq!(Risk::of(Possible, Severe), Risk::High);
        assert_eq!(Risk::of(Probable, Significant), Risk::High);
        assert_eq!(Risk::of(Probable, Severe), Risk::High);
    }

    #[test]
    fn residual_risk_defaults_to_the_risk_before_safeguards() {
        let mut impact = Impact {
            likelihood: Some(Likelihood::Probable),
            severity: Some(HarmSeverity::Significant),
            ..Impact::default()
        };
        assert_eq!(impact.residual_risk(), Some(Risk::High));
        impact.residual_likelihood = Some(Likelihood::Remote);
        assert_eq!(impact.residual_risk(), Some(Risk::Low));
        assert_eq!(Impact::default().risk(), None);
    }

    #[test]
    fn empty_answers_are_removed_and_impact_ids_stay_unique() {
        let mut a = Assessment::new("x");
        a.answers
            .set(QuestionId::PurposeWhy, Answer::Text("Because".into()));
        assert_eq!(a.answers.len(), 1);
        a.answers
            .set(QuestionId::PurposeWhy, Answer::Text(String::new()));
        assert!(a.answers.is_empty());
        let first = a.add_impact();
        let second = a.add_impact();
        a.remove_impact(first);
        let third = a.add_impact();
        assert_ne!(second, third);
        assert_eq!(a.impacts.len(), 2);
    }

    #[test]
    fn duplicate_impact_ids_are_renumbered_and_undo_never_makes_one() {
        let mut a = Assessment::new("x");
        for id in [3, 3, 1, 3] {
            a.impacts.push(Impact {
                id,
                ..Impact::default()
            });
        }
        let changes = a.renumber_duplicate_impacts();
        assert_eq!(changes, vec![(1, 3, 4), (3, 3, 5)]);
        let ids: Vec<u32> = a.impacts.iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![3, 4, 1, 5]);
        assert!(a.renumber_duplicate_impacts().is_empty());

        // Remove the highest, add one (which takes the freed id), then undo the removal.
        let (index, removed) = a.take_impact(5).unwrap();
        let added = a.add_impact();
        assert_eq!(added, 5);
        let back = a.restore_impact(index, removed);
        assert_ne!(back, added);
        assert!(
            a.renumber_duplicate_impacts().is_empty(),
            "no two share an id"
        );
    }

    #[test]
    fn answers_round_trip_as_plain_json_and_are_checked_on_the_way_in() {
        let mut a = Assessment::new("x");
        a.answers
            .set(QuestionId::PurposeWhy, Answer::Text("To".into()));
        a.answers
            .set(QuestionId::NatureSpecial, Answer::YesNo(YesNo::NotSure));
        a.answers.set(
            QuestionId::AboutPeople,
            Answer::Choices(vec!["tenants".into(), "children".into()]),
        );
        let json = serde_json::to_value(&a.answers).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "about.people": ["tenants", "children"],
                "purpose.why": "To",
                "nature.special": "not-sure",
            })
        );
        let back: Answers = serde_json::from_value(json).unwrap();
        assert_eq!(back, a.answers);
    }

    #[test]
    fn wrong_answers_are_typed_errors_with_the_question_on_the_path() {
        use crate::assessment::shape::{from_value, Expected, Found, Kind, Path, Segment};
        use serde_json::json;
        let at = |key: &str| Path(vec![Segment::Field(key.into())]);
        let text = |t: &str| Found::Text(t.into());
        let said = |words: &str| Expected::Said(words.into());
        for (bad, path, kind) in [
            (
                json!({"purpose.why": 3}),
                at("purpose.why"),
                Kind::WrongType {
                    found: Found::Number("3".into()),
                    expected: said("text"),
                },
            ),
            (
                json!({"about.start-date": false}),
                at("about.start-date"),
                Kind::WrongType {
                    found: Found::Boolean(false),
                    expected: said("a date as text"),
                },
            ),
            (
                json!({"nature.special": "maybe"}),
                at("nature.special"),
                Kind::UnknownOption {
                    found: "maybe".into(),
                    options: &["yes", "no", "not-sure"],
                },
            ),
            (
                json!({"nature.special": 1}),
                at("nature.special"),
                Kind::WrongType {
                    found: Found::Number("1".into()),
                    expected: Expected::OneOf(&["yes", "no", "not-sure"]),
                },
            ),
            (
                json!({"about.scale": "huge"}),
                at("about.scale"),
                Kind::UnknownOption {
                    found: "huge".into(),
                    options: &[],
                },
            ),
            (
                json!({"about.scale": ["small"]}),
                at("about.scale"),
                Kind::WrongType {
                    found: Found::List,
                    expected: said("the key of one option"),
                },
            ),
            (
                json!({"about.people": ["aliens"]}),
                at("about.people"),
                Kind::UnknownOption {
                    found: "aliens".into(),
                    options: &[],
                },
            ),
            (
                json!({"about.people": ["tenants", "tenants"]}),
                at("about.people"),
                Kind::ListedTwice("tenants"),
            ),
            (
                json!({"about.people": "tenants"}),
                at("about.people"),
                Kind::WrongType {
                    found: text("tenants"),
                    expected: said("a list of option keys"),
                },
            ),
            (
                json!({"about.people": ["tenants", 4]}),
                Path(vec![
                    Segment::Field("about.people".into()),
                    Segment::Index(1),
                ]),
                Kind::WrongType {
                    found: Found::Number("4".into()),
                    expected: Expected::Text,
                },
            ),
            (
                json!({"no.such": "x"}),
                at("no.such"),
                Kind::UnknownQuestion,
            ),
            (
                json!({"impact.list": []}),
                at("impact.list"),
                Kind::Other("impacts are kept in \"impacts\", not among the answers".into()),
            ),
            (
                json!(["purpose.why"]),
                Path::default(),
                Kind::WrongType {
                    found: Found::List,
                    expected: Expected::Object,
                },
            ),
        ] {
            let e = from_value::<Answers>(bad.clone().into()).unwrap_err();
            assert_eq!((&e.path, &e.kind), (&path, &kind), "{bad}");
        }
    }

    #[test]
    fn other_deserialisers_still_read_answers_and_name_the_problem() {
        let back: Answers =
            serde_json::from_value(serde_json::json!({"about.people": ["tenants"]})).unwrap();
        assert_eq!(back.len(), 1);
        for (bad, words) in [
            (
                serde_json::json!({"no.such": "x"}),
                "unknown field `no.such`",
            ),
            (
                serde_json::json!({"about.people": ["tenants", "tenants"]}),
                "duplicate field `tenants`",
            ),
        ] {
            let err = serde_json::from_value::<Answers>(bad)
                .unwrap_err()
                .to_string();
            assert!(err.contains(words), "{err}");
        }
    }
}
