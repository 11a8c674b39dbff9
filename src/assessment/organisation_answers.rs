//! What a record made under an organisation's settings carries of them (issue 29): which
//! settings they were (name, revision, digest) and the answers to the organisation's own
//! questions, each with the question as it was asked (id, section, label, kind and, for a
//! choice, the chosen option's label too). So a record opened where those settings are
//! not loaded can still show its organisation answers, read-only. Part of the content:
//! an approval covers it.
//!
//! The limits a settings file's ids and texts are held to live here, and the settings
//! reader (`organisation::read`) uses them: a record read from a file is held to the same
//! ones without the assessment depending on the organisation module, which is built on it.

use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::YesNo;
use super::questions::Section;

/// The longest id (a question's, an option's, a check's).
pub const MAX_ID: usize = 40;
/// The longest name or revision of settings.
pub const MAX_NAME: usize = 120;
/// The longest label (a question's, an option's).
pub const MAX_LABEL: usize = 200;
/// The most questions, checks and screening questions settings have, each.
pub const MAX_ITEMS: usize = 100;
/// The most answers a record holds: one per question and per screening question.
pub const MAX_ANSWERS: usize = 2 * MAX_ITEMS;

/// The settings a record was made under, and its answers to their questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRecord {
    /// What the organisation calls the settings.
    #[serde(deserialize_with = "name_field")]
    pub name: String,
    /// The organisation's label for this edition of them.
    #[serde(deserialize_with = "name_field")]
    pub revision: String,
    /// SHA-256 of the settings file's canonical JSON, in lower-case hex.
    #[serde(deserialize_with = "super::canonical::digest_field")]
    pub digest: String,
    /// The answers given, in the settings' order (questions, then screening questions).
    #[serde(default, deserialize_with = "answers_field")]
    pub answers: Vec<OrgAnswer>,
    /// The settings' defaults the privacy-information wording uses, as they were: so the
    /// wording is the same wherever the record is opened, settings loaded or not.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "label_option"
    )]
    pub dpo_contact: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "label_option"
    )]
    pub privacy_notice_title: Option<String>,
    /// `https:` or `http:` only; shown as text, never as a link.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "web_option"
    )]
    pub privacy_notice_url: Option<String>,
}

/// One answer to one of the organisation's questions, with the question as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgAnswer {
    pub id: String,
    pub section: Section,
    pub label: String,
    pub value: OrgValue,
}

/// The kinds of question an organisation can ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    Text,
    YesNo,
    Choice,
}

/// An answer, of its question's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrgValue {
    Text(String),
    YesNo(YesNo),
    Choice(Chosen),
}

/// The option chosen: its id, and its label as the settings worded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chosen {
    #[serde(deserialize_with = "id_field")]
    pub id: String,
    #[serde(deserialize_with = "label_field")]
    pub label: String,
}

impl OrgKind {
    pub const ALL: [OrgKind; 3] = [OrgKind::Text, OrgKind::YesNo, OrgKind::Choice];
}

impl OrgValue {
    pub fn kind(&self) -> OrgKind {
        match self {
            OrgValue::Text(_) => OrgKind::Text,
            OrgValue::YesNo(_) => OrgKind::YesNo,
            OrgValue::Choice(_) => OrgKind::Choice,
        }
    }

    /// The answer as shown: the text, "Yes", or the option's label.
    pub fn shown(&self) -> &str {
        match self {
            OrgValue::Text(t) => t,
            OrgValue::YesNo(y) => y.label(),
            OrgValue::Choice(c) => &c.label,
        }
    }
}

impl OrganisationRecord {
    /// The answer to the organisation's question `id`, if given.
    pub fn answer(&self, id: &str) -> Option<&OrgAnswer> {
        self.answers.iter().find(|a| a.id == id)
    }
}

// The checks, shared with the settings reader.

/// Why a text is not plain text within its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Empty,
    TooLong,
    /// A `<` before a letter, `/`, `!` or `?`.
    Markup,
    /// A control character (a line break too, unless lines are allowed).
    Control,
}

/// What is wrong with `text` as plain text of at most `max` characters, if anything.
pub fn plain_fault(text: &str, max: usize, lines: bool) -> Option<Fault> {
    if text.trim().is_empty() {
        Some(Fault::Empty)
    } else if text.chars().count() > max {
        Some(Fault::TooLong)
    } else if has_markup(text) {
        Some(Fault::Markup)
    } else if text
        .chars()
        .any(|c| c.is_control() && !(lines && c == '\n'))
    {
        Some(Fault::Control)
    } else {
        None
    }
}

/// Whether `text` holds the start of a tag or comment (`<b`, `</`, `<!`, `<?`).
pub fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// Lower-case letters and digits with single hyphens between them (length not checked).
pub fn id_pattern(text: &str) -> bool {
    text.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

pub(crate) fn is_id(text: &str) -> bool {
    text.len() <= MAX_ID && id_pattern(text)
}

pub(crate) fn is_name(text: &str) -> bool {
    plain_fault(text, MAX_NAME, false).is_none()
}

pub(crate) fn is_label(text: &str) -> bool {
    plain_fault(text, MAX_LABEL, false).is_none()
}

/// A privacy notice's address: a label that is a web address.
pub(crate) fn is_web_address(text: &str) -> bool {
    is_label(text) && (text.starts_with("https://") || text.starts_with("http://"))
}

// What a refused value should have been, in the words of an import's message.
pub(crate) const ID_WORDS: &str =
    "an id: lower-case letters and digits with single hyphens between them, at most 40 characters";
pub(crate) const NAME_WORDS: &str =
    "plain text of at most 120 characters (no markup, no control characters)";
pub(crate) const LABEL_WORDS: &str =
    "plain text of at most 200 characters (no markup, no control characters)";
pub(crate) const WEB_WORDS: &str = "a web address (https:// or http://) of at most 200 characters";
pub(crate) const MANY_WORDS: &str = "at most 200 answers";
/// An answer given beside the one its `kind` says.
pub(crate) const OTHER_KIND: &str = "it holds an answer of another kind than its \"kind\" says";

/// The field of `kind`'s answer.
pub(crate) fn field_of(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Text => "text",
        OrgKind::YesNo => "yes_no",
        OrgKind::Choice => "choice",
    }
}

/// Why an answer's fields do not agree with its kind.
pub(crate) enum Mismatch {
    /// The field its kind needs is missing.
    Missing(&'static str),
    /// Another kind's answer is there.
    Other,
}

/// The answer of `kind` from the three fields, one of which it must have alone.
pub(crate) fn value_of(
    kind: OrgKind,
    text: Option<String>,
    yes_no: Option<YesNo>,
    choice: Option<Chosen>,
) -> Result<OrgValue, Mismatch> {
    let given =
        usize::from(text.is_some()) + usize::from(yes_no.is_some()) + usize::from(choice.is_some());
    let value = match kind {
        OrgKind::Text => text.map(OrgValue::Text),
        OrgKind::YesNo => yes_no.map(OrgValue::YesNo),
        OrgKind::Choice => choice.map(OrgValue::Choice),
    };
    match value {
        None => Err(Mismatch::Missing(field_of(kind))),
        Some(_) if given > 1 => Err(Mismatch::Other),
        Some(value) => Ok(value),
    }
}

/// Why a list of answers is refused: too long, or two answers to one question (its id).
pub(crate) enum ListFault {
    TooMany(usize),
    Twice(String),
}

pub(crate) fn list_fault(answers: &[OrgAnswer]) -> Option<ListFault> {
    if answers.len() > MAX_ANSWERS {
        return Some(ListFault::TooMany(answers.len()));
    }
    // At most 200: comparing each with those before it costs less wasm than a set.
    answers
        .iter()
        .enumerate()
        .find(|(i, a)| answers[..*i].iter().any(|b| b.id == a.id))
        .map(|(_, a)| ListFault::Twice(a.id.clone()))
}

/// "the question “x” is answered twice".
pub(crate) fn twice_words(id: &str) -> String {
    let mut words = String::from("the question \u{201c}");
    words.push_str(id);
    words.push_str("\u{201d} is answered twice");
    words
}

// serde's derived forms, kept natively as the reference for `read.rs` and `write.rs`.

fn checked<'de, D: Deserializer<'de>>(
    d: D,
    fits: fn(&str) -> bool,
    words: &'static str,
) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    if fits(&text) {
        Ok(text)
    } else {
        Err(D::Error::invalid_value(Unexpected::Str(&text), &words))
    }
}

fn id_field<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(d, is_id, ID_WORDS)
}

fn name_field<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(d, is_name, NAME_WORDS)
}

fn label_field<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(d, is_label, LABEL_WORDS)
}

fn label_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(t) if !is_label(&t) => Err(D::Error::invalid_value(Unexpected::Str(&t), &LABEL_WORDS)),
        given => Ok(given),
    }
}

fn web_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(t) if !is_web_address(&t) => {
            Err(D::Error::invalid_value(Unexpected::Str(&t), &WEB_WORDS))
        }
        given => Ok(given),
    }
}

fn answers_field<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<OrgAnswer>, D::Error> {
    let answers = Vec::<OrgAnswer>::deserialize(d)?;
    match list_fault(&answers) {
        None => Ok(answers),
        Some(ListFault::TooMany(n)) => Err(D::Error::invalid_length(n, &MANY_WORDS)),
        Some(ListFault::Twice(id)) => Err(D::Error::custom(twice_words(&id))),
    }
}

/// An answer as the JSON holds it: the kind said, and the answer in its kind's field.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerForm {
    #[serde(deserialize_with = "id_field")]
    id: String,
    section: Section,
    kind: OrgKind,
    #[serde(deserialize_with = "label_field")]
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    yes_no: Option<YesNo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choice: Option<Chosen>,
}

impl Serialize for OrgAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (mut text, mut yes_no, mut choice) = (None, None, None);
        match &self.value {
            OrgValue::Text(t) => text = Some(t.clone()),
            OrgValue::YesNo(y) => yes_no = Some(*y),
            OrgValue::Choice(c) => choice = Some(c.clone()),
        }
        AnswerForm {
            id: self.id.clone(),
            section: self.section,
            kind: self.value.kind(),
            label: self.label.clone(),
            text,
            yes_no,
            choice,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for OrgAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let form = AnswerForm::deserialize(d)?;
        let value = match value_of(form.kind, form.text, form.yes_no, form.choice) {
            Ok(value) => value,
            Err(Mismatch::Missing(field)) => return Err(D::Error::missing_field(field)),
            Err(Mismatch::Other) => return Err(D::Error::custom(OTHER_KIND)),
        };
        Ok(OrgAnswer {
            id: form.id,
            section: form.section,
            label: form.label,
            value,
        })
    }
}
