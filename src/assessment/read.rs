//! Reading an assessment out of its JSON, by hand.
//!
//! Every assessment the app reads (drafts in storage, imported files, a record merged
//! from another tab) comes through `assessment`. It takes the JSON apart field by field
//! and says where whatever does not fit is, with the same `ShapeError` (path and kind)
//! as serde's derived deserialisers over `shape::from_value`. Those derived readers were
//! one 45 KB function in the wasm (each field of each record type a visitor of its own);
//! these are a few small functions over a JSON `Value` (`crate::json`). The derived ones are kept
//! for the native tests only, as the reference: `tests/json_by_hand.rs` holds the
//! two to the same result, value or error, for thousands of damaged records.
//!
//! The rules are serde's, as the derived readers apply them: an object's keys are read
//! in the file's (sorted) order, a key the record type does not have is refused at once,
//! a value's error is raised with its key on the path, and a field that must be there
//! and is not is named once all keys are read, in the order the type declares them.

use crate::json::Value;

use super::accepted::Accepted;
use super::model::{
    Answer, Answers, Assessment, HarmSeverity, Impact, Likelihood, PrivacyEdit, ReviewEntry,
    Reviewed, Status, YesNo,
};
use super::organisation_answers::{
    self as org, Chosen, ListFault, Mismatch, OrgAnswer, OrgKind, OrganisationRecord,
};
use super::questions::{AnswerKind, QuestionId, Section};
use super::rounds::{Comment, Decision, Reply, Round, Signature, Verdict};
use super::shape::{Expected, Kind, Result, Segment, ShapeError};
use crate::vec_map::VecMap;

/// A record type's field names, in the order it declares them (serde's `FIELDS`).
pub(crate) type Fields = &'static [&'static str];

/// Reads an assessment, naming the path of the first thing that does not fit.
pub fn assessment(v: Value) -> Result<Assessment> {
    const FIELDS: Fields = &[
        "id",
        "version",
        "status",
        "review_of",
        "reviewed",
        "answers",
        "impacts",
        "accepted",
        "review_log",
        "handover",
        "privacy_wording",
        "check_again",
        "rules_version",
        "organisation",
    ];
    let mut a = Assessment::new("");
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => a.id = text(v)?,
            1 => a.version = whole(v)?,
            2 => a.status = [Status::Draft, Status::Approved][word(v, STATUS)?],
            3 => a.review_of = option(v, text)?,
            4 => a.reviewed = option(v, reviewed)?,
            5 => a.answers = answers(v)?,
            6 => a.impacts = list(v, impact)?,
            7 => a.accepted = list(v, accepted)?,
            8 => a.review_log = list(v, review_entry)?,
            9 => a.handover = list(v, round)?,
            10 => a.privacy_wording = option(v, privacy_edit)?.map(Box::new),
            11 => *a.check_again = list(v, pair)?,
            12 => a.rules_version = option(v, whole)?,
            _ => a.organisation = option(v, organisation)?.map(Box::new),
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b1)?;
    Ok(a)
}

// The words of the record's enums, in the order of their variants (and of their `ALL`):
// `write.rs` writes them from here too.
pub(crate) const STATUS: Fields = &["draft", "approved"];
pub(super) const YES_NO: Fields = &["yes", "no", "not-sure"];
pub(super) const LIKELIHOOD: Fields = &["remote", "possible", "probable"];
pub(super) const SEVERITY: Fields = &["minimal", "significant", "severe"];
pub(super) const ORG_KIND: Fields = &["text", "yes-no", "choice"];
pub(super) const VERDICT: Fields = &["approved", "returned"];
pub(super) const SECTION: Fields = &[
    "about",
    "triage",
    "purpose",
    "necessity",
    "nature",
    "expectations",
    "impact",
    "dpia",
    "decision",
    "sign-off",
];

fn likelihood(v: Value) -> Result<Likelihood> {
    Ok(Likelihood::ALL[word(v, LIKELIHOOD)?])
}

fn severity(v: Value) -> Result<HarmSeverity> {
    Ok(HarmSeverity::ALL[word(v, SEVERITY)?])
}

fn section(v: Value) -> Result<Section> {
    Ok(Section::ALL[word(v, SECTION)?])
}

fn impact(v: Value) -> Result<Impact> {
    const FIELDS: Fields = &[
        "id",
        "description",
        "likelihood",
        "severity",
        "safeguards",
        "residual_likelihood",
        "residual_severity",
    ];
    let mut m = Impact::default();
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => m.id = whole(v)?,
            1 => m.description = text(v)?,
            2 => m.likelihood = option(v, likelihood)?,
            3 => m.severity = option(v, severity)?,
            4 => m.safeguards = text(v)?,
            5 => m.residual_likelihood = option(v, likelihood)?,
            _ => m.residual_severity = option(v, severity)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b11)?;
    Ok(m)
}

fn reviewed(v: Value) -> Result<Reviewed> {
    const FIELDS: Fields = &["version", "approved_on", "digest", "lineage"];
    let mut r = Reviewed {
        version: 0,
        approved_on: None,
        digest: String::new(),
        lineage: None,
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => r.version = whole(v)?,
            1 => r.approved_on = option(v, text)?,
            2 => r.digest = digest(v)?,
            _ => r.lineage = option(v, text)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b101)?;
    Ok(r)
}

fn review_entry(v: Value) -> Result<ReviewEntry> {
    let [date, note] = texts(v, &["date", "note"])?;
    Ok(ReviewEntry { date, note })
}

fn privacy_edit(v: Value) -> Result<PrivacyEdit> {
    let [text, suggested] = texts(v, &["text", "suggested"])?;
    Ok(PrivacyEdit { text, suggested })
}

fn signature(v: Value) -> Result<Signature> {
    let [algorithm, key, value] = texts(v, &["algorithm", "key", "value"])?;
    Ok(Signature {
        algorithm,
        key,
        value,
    })
}

fn accepted(v: Value) -> Result<Accepted> {
    const FIELDS: Fields = &["rule", "detail", "reason", "answers", "date"];
    let mut t: [String; 5] = Default::default();
    let seen = object(v, FIELDS, &mut |i, v| {
        t[i] = text(v)?;
        Ok(())
    })?;
    require(seen, FIELDS, 0b11101)?;
    let [rule, detail, reason, answers, date] = t;
    Ok(Accepted {
        rule,
        detail,
        reason,
        answers,
        date,
    })
}

fn round(v: Value) -> Result<Round> {
    const FIELDS: Fields = &["sent", "content", "decision", "replies", "as_returned"];
    let mut r = Round::sent(String::new(), String::new());
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => r.sent = text(v)?,
            1 => r.content = digest(v)?,
            2 => r.decision = option(v, decision)?,
            3 => r.replies = list(v, reply)?,
            _ => r.as_returned = option(v, assessment)?.map(Box::new),
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b11)?;
    Ok(r)
}

fn reply(v: Value) -> Result<Reply> {
    const FIELDS: Fields = &["section", "text"];
    let mut r = Reply {
        section: None,
        text: String::new(),
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => r.section = option(v, section)?,
            _ => r.text = text(v)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b10)?;
    Ok(r)
}

fn comment(v: Value) -> Result<Comment> {
    const FIELDS: Fields = &["section", "text"];
    let mut c = Comment {
        section: Section::About,
        text: String::new(),
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => c.section = section(v)?,
            _ => c.text = text(v)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b11)?;
    Ok(c)
}

fn decision(v: Value) -> Result<Decision> {
    const FIELDS: Fields = &[
        "verdict",
        "name",
        "role",
        "organisation",
        "by_author",
        "date",
        "note",
        "comments",
        "signature",
    ];
    let mut d = Decision {
        verdict: Verdict::Approved,
        name: String::new(),
        role: String::new(),
        organisation: String::new(),
        by_author: false,
        date: String::new(),
        note: String::new(),
        comments: Vec::new(),
        signature: None,
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => d.verdict = Verdict::ALL[word(v, VERDICT)?],
            1 => d.name = text(v)?,
            2 => d.role = text(v)?,
            3 => d.organisation = text(v)?,
            4 => d.by_author = boolean(v)?,
            5 => d.date = text(v)?,
            6 => d.note = text(v)?,
            7 => d.comments = list(v, comment)?,
            _ => d.signature = option(v, signature)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b100111)?;
    Ok(d)
}

/// The settings a record was made under, and its answers to their questions: each id,
/// name and label held to the settings' own limits, a file from outside being anyone's.
fn organisation(v: Value) -> Result<OrganisationRecord> {
    const FIELDS: Fields = &[
        "name",
        "revision",
        "digest",
        "answers",
        "dpo_contact",
        "privacy_notice_title",
        "privacy_notice_url",
    ];
    let mut o = OrganisationRecord {
        name: String::new(),
        revision: String::new(),
        digest: String::new(),
        answers: Vec::new(),
        dpo_contact: None,
        privacy_notice_title: None,
        privacy_notice_url: None,
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => o.name = checked(v, org::is_name, org::NAME_WORDS)?,
            1 => o.revision = checked(v, org::is_name, org::NAME_WORDS)?,
            2 => o.digest = digest(v)?,
            3 => o.answers = org_answers(v)?,
            4 => o.dpo_contact = option(v, label)?,
            5 => o.privacy_notice_title = option(v, label)?,
            _ => o.privacy_notice_url = option(v, web_address)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b111)?;
    Ok(o)
}

/// The organisation's answers: at most `MAX_ANSWERS`, each question answered once.
fn org_answers(v: Value) -> Result<Vec<OrgAnswer>> {
    let answers = list(v, org_answer)?;
    match org::list_fault(&answers) {
        None => Ok(answers),
        Some(ListFault::TooMany(found)) => Err(ShapeError::new(Kind::WrongLength {
            found,
            expected: org::MANY_WORDS.into(),
        })),
        Some(ListFault::Twice(id)) => Err(ShapeError::new(Kind::Other(org::twice_words(&id)))),
    }
}

/// One answer: its question as asked, its kind, and the answer in that kind's field alone.
fn org_answer(v: Value) -> Result<OrgAnswer> {
    const FIELDS: Fields = &["id", "section", "kind", "label", "text", "yes_no", "choice"];
    let (mut id, mut label) = (String::new(), String::new());
    let (mut section_of, mut kind) = (Section::About, OrgKind::Text);
    let (mut said, mut yes_no, mut choice) = (None, None, None);
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => id = checked(v, org::is_id, org::ID_WORDS)?,
            1 => section_of = section(v)?,
            2 => kind = OrgKind::ALL[word(v, ORG_KIND)?],
            3 => label = checked(v, org::is_label, org::LABEL_WORDS)?,
            4 => said = option(v, text)?,
            5 => yes_no = option(v, |v| Ok(YesNo::ALL[word(v, YES_NO)?]))?,
            _ => choice = option(v, chosen)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b1111)?;
    let value = match org::value_of(kind, said, yes_no, choice) {
        Ok(value) => value,
        Err(Mismatch::Missing(field)) => {
            return Err(ShapeError::new(Kind::Missing).within(Segment::Field(field.into())))
        }
        Err(Mismatch::Other) => return Err(ShapeError::new(Kind::Other(org::OTHER_KIND.into()))),
    };
    Ok(OrgAnswer {
        id,
        section: section_of,
        label,
        value,
    })
}

fn chosen(v: Value) -> Result<Chosen> {
    const FIELDS: Fields = &["id", "label"];
    let mut c = Chosen {
        id: String::new(),
        label: String::new(),
    };
    let seen = object(v, FIELDS, &mut |i, v| {
        match i {
            0 => c.id = checked(v, org::is_id, org::ID_WORDS)?,
            _ => c.label = checked(v, org::is_label, org::LABEL_WORDS)?,
        }
        Ok(())
    })?;
    require(seen, FIELDS, 0b11)?;
    Ok(c)
}

fn label(v: Value) -> Result<String> {
    checked(v, org::is_label, org::LABEL_WORDS)
}

fn web_address(v: Value) -> Result<String> {
    checked(v, org::is_web_address, org::WEB_WORDS)
}

/// Text that `fits`, or a refusal naming the value and, in `words`, what it should be.
fn checked(v: Value, fits: fn(&str) -> bool, words: &str) -> Result<String> {
    let t = text(v)?;
    if fits(&t) {
        Ok(t)
    } else {
        Err(ShapeError::new(Kind::WrongValue {
            found: super::shape::Found::Text(t),
            expected: Expected::Said(words.into()),
        }))
    }
}

/// The answers object: each key a question's, each value of the form its question takes.
fn answers(v: Value) -> Result<Answers> {
    let Value::Object(map) = v else {
        return Err(ShapeError::wrong_type(&v, Expected::Object));
    };
    let mut answers = Answers::default();
    for (key, value) in map {
        let Some(q) = QuestionId::from_key(&key) else {
            return Err(ShapeError::new(Kind::UnknownQuestion).within(Segment::Field(key)));
        };
        let answer = answer(q, value).map_err(|e| e.within(Segment::Field(key)))?;
        answers.insert_as_read(q, answer);
    }
    Ok(answers)
}

/// One answer. An option that is not the question's is named without listing them
/// (the bank holds them); the form a question takes is said in words.
fn answer(q: QuestionId, v: Value) -> Result<Answer> {
    let question = q.question();
    let kind = question.kind;
    let unknown = |found: String| {
        ShapeError::new(Kind::UnknownOption {
            found,
            options: &[],
        })
    };
    let form = match kind {
        AnswerKind::YesNo => return Ok(Answer::YesNo(YesNo::ALL[word(v, YES_NO)?])),
        AnswerKind::Impacts => {
            return Err(ShapeError::new(Kind::Other(
                "impacts are kept in \"impacts\", not among the answers".into(),
            )))
        }
        AnswerKind::Date => "a date as text",
        AnswerKind::Single(_) => "the key of one option",
        AnswerKind::Multiple(_) => "a list of option keys",
        _ => "text",
    };
    match (kind, v) {
        (AnswerKind::Single(_), Value::String(s)) => match question.choice(&s) {
            Some(choice) => Ok(Answer::Choice(choice.key.to_string())),
            None => Err(unknown(s)),
        },
        (AnswerKind::Multiple(_), Value::Array(items)) => {
            let mut keys: Vec<String> = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                let key = text(item).map_err(|e| e.within(Segment::Index(i)))?;
                let Some(choice) = question.choice(&key) else {
                    return Err(unknown(key));
                };
                if keys.iter().any(|k| k == choice.key) {
                    return Err(ShapeError::new(Kind::ListedTwice(choice.key)));
                }
                keys.push(key);
            }
            Ok(Answer::Choices(keys))
        }
        (AnswerKind::Single(_) | AnswerKind::Multiple(_), v) | (_, v @ Value::Array(_)) => {
            Err(ShapeError::wrong_type(&v, Expected::Said(form.into())))
        }
        (_, Value::String(s)) => Ok(Answer::Text(s)),
        (_, v) => Err(ShapeError::wrong_type(&v, Expected::Said(form.into()))),
    }
}

/// A pair of questions (`check_again`): a list of exactly two question keys.
fn pair(v: Value) -> Result<(QuestionId, QuestionId)> {
    let Value::Array(items) = v else {
        return Err(ShapeError::wrong_type(&v, Expected::List));
    };
    let len = items.len();
    let mut read = [None, None];
    for (i, item) in items.into_iter().take(2).enumerate() {
        read[i] = Some(question_key(item).map_err(|e| e.within(Segment::Index(i)))?);
    }
    match read {
        [Some(a), Some(b)] if len == 2 => Ok((a, b)),
        [Some(_), Some(_)] => Err(ShapeError::new(Kind::WrongLength {
            found: len,
            expected: "a list of 2".into(),
        })),
        _ => Err(ShapeError::new(Kind::WrongLength {
            found: len,
            expected: "a tuple of size 2".into(),
        })),
    }
}

fn question_key(v: Value) -> Result<QuestionId> {
    let key = text(v)?;
    QuestionId::from_key(&key).ok_or_else(|| ShapeError::new(Kind::UnknownQuestion))
}

/// A digest field (a round's `content`, a review's `digest`): 64 lower-case hex digits.
fn digest(v: Value) -> Result<String> {
    checked(
        v,
        super::canonical::is_digest,
        super::canonical::DIGEST_WORDS,
    )
}

/// An object whose fields are all text and all required.
fn texts<const N: usize>(v: Value, fields: Fields) -> Result<[String; N]> {
    let mut t: [String; N] = std::array::from_fn(|_| String::new());
    let seen = object(v, fields, &mut |i, v| {
        t[i] = text(v)?;
        Ok(())
    })?;
    require(seen, fields, (1 << N) - 1)?;
    Ok(t)
}

/// Reads an object's fields in the file's order through `each` (given the field's place
/// in `fields`), refusing a key that is not one of them; returns which were there, a
/// bit each.
pub(crate) fn object(
    v: Value,
    fields: Fields,
    each: &mut dyn FnMut(usize, Value) -> Result<()>,
) -> Result<u32> {
    fields_of(v, fields, true, each)
}

/// `object` for a type that passes over keys it does not have, as serde's derive does
/// without `deny_unknown_fields` (the storage's notes and lock).
pub(crate) fn members(
    v: Value,
    fields: Fields,
    each: &mut dyn FnMut(usize, Value) -> Result<()>,
) -> Result<u32> {
    fields_of(v, fields, false, each)
}

fn fields_of(
    v: Value,
    fields: Fields,
    deny_unknown: bool,
    each: &mut dyn FnMut(usize, Value) -> Result<()>,
) -> Result<u32> {
    let Value::Object(map) = v else {
        return Err(ShapeError::wrong_type(&v, Expected::Object));
    };
    let mut seen = 0;
    for (key, value) in map {
        match fields.iter().position(|f| *f == key) {
            Some(i) => {
                seen |= 1 << i;
                each(i, value).map_err(|e| e.within(Segment::Field(key)))?;
            }
            None if deny_unknown => {
                return Err(
                    ShapeError::new(Kind::UnknownField { fields }).within(Segment::Field(key))
                );
            }
            None => {}
        }
    }
    Ok(seen)
}

/// The first field of `required` (a bit each) that was not `seen`, as missing.
pub(crate) fn require(seen: u32, fields: Fields, required: u32) -> Result<()> {
    match (0..fields.len()).find(|i| required & !seen & (1 << i) != 0) {
        Some(i) => {
            Err(ShapeError::new(Kind::Missing).within(Segment::Field(fields[i].to_string())))
        }
        None => Ok(()),
    }
}

/// `null` for none, else what `read` makes of it.
pub(crate) fn option<T>(v: Value, read: fn(Value) -> Result<T>) -> Result<Option<T>> {
    match v {
        Value::Null => Ok(None),
        v => read(v).map(Some),
    }
}

/// A list, each item read by `read` with its position on the path.
pub(crate) fn list<T>(v: Value, read: fn(Value) -> Result<T>) -> Result<Vec<T>> {
    let Value::Array(items) = v else {
        return Err(ShapeError::wrong_type(&v, Expected::List));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        out.push(read(item).map_err(|e| e.within(Segment::Index(i)))?);
    }
    Ok(out)
}

/// One of `words` (an enum's keys), as its place among them.
pub(crate) fn word(v: Value, words: Fields) -> Result<usize> {
    match v {
        Value::String(s) => {
            words
                .iter()
                .position(|w| *w == s)
                .ok_or(ShapeError::new(Kind::UnknownOption {
                    found: s,
                    options: words,
                }))
        }
        v => Err(ShapeError::wrong_type(&v, Expected::OneOf(words))),
    }
}

pub(crate) fn text(v: Value) -> Result<String> {
    match v {
        Value::String(s) => Ok(s),
        v => Err(ShapeError::wrong_type(&v, Expected::Text)),
    }
}

fn boolean(v: Value) -> Result<bool> {
    match v {
        Value::Bool(b) => Ok(b),
        v => Err(ShapeError::wrong_type(&v, Expected::TrueOrFalse)),
    }
}

/// A whole number that fits 32 bits: a negative or larger one is the wrong value, a
/// fraction or anything else the wrong type.
pub(crate) fn whole(v: Value) -> Result<u32> {
    let Value::Number(n) = &v else {
        return Err(ShapeError::wrong_type(&v, Expected::WholeNumber));
    };
    match n.as_u64().map(u32::try_from) {
        Some(Ok(n)) => Ok(n),
        Some(Err(_)) => Err(ShapeError::wrong_value(&v)),
        None if n.is_i64() => Err(ShapeError::wrong_value(&v)),
        None => Err(ShapeError::wrong_type(&v, Expected::WholeNumber)),
    }
}

/// Any whole number from 0 (a revision).
pub(crate) fn big(v: Value) -> Result<u64> {
    match &v {
        Value::Number(n) if n.is_u64() => Ok(n.as_u64().unwrap_or_default()),
        Value::Number(n) if n.is_i64() => Err(ShapeError::wrong_value(&v)),
        _ => Err(ShapeError::wrong_type(&v, Expected::WholeNumber)),
    }
}

/// Any number (a time in milliseconds). Its readers (the storage's index and notes)
/// only ask whether it reads, so the refusal borrows the nearest expectation.
pub(crate) fn number(v: Value) -> Result<f64> {
    match &v {
        Value::Number(n) => Ok(n.as_f64().unwrap_or_default()),
        _ => Err(ShapeError::wrong_type(&v, Expected::WholeNumber)),
    }
}

/// An object of texts, by key.
pub(crate) fn texts_by_key(v: Value) -> Result<VecMap<String, String>> {
    let Value::Object(map) = v else {
        return Err(ShapeError::wrong_type(&v, Expected::Object));
    };
    let mut out = VecMap::new();
    for (key, value) in map {
        let value = text(value).map_err(|e| e.within(Segment::Field(key.clone())))?;
        out.insert(key, value);
    }
    Ok(out)
}
