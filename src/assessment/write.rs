//! Writing an assessment as JSON (a `Value` of `crate::json`), by hand: the counterpart of
//! `read.rs`.
//!
//! Every assessment the app writes (the export, the stored record, the digests, the
//! merge of two tabs) goes through `assessment`. serde's derived serialisers did this
//! with a copy of its machinery for each record type in the wasm; they are kept for the
//! native tests only, as the reference: `tests/json_by_hand.rs` holds the two to
//! the same JSON for generated assessments with every part of the record filled.
//!
//! serde's rules, as the derives say them: a field that is empty by the record's own
//! measure (no review, no accepted warning, no rounds, …) is left out; the keys are
//! sorted, as `Map` (like `serde_json::Map`) keeps them.

use crate::json::{Map, Value};

use super::accepted::Accepted;
use super::model::{Answer, Answers, Assessment, HarmSeverity, Impact, Likelihood};
use super::organisation_answers::{field_of, OrgAnswer, OrgValue, OrganisationRecord};
use super::questions::Section;
use super::read::{LIKELIHOOD, ORG_KIND, SECTION, SEVERITY, STATUS, VERDICT};
use super::rounds::{Decision, Round};

/// The assessment as JSON.
pub fn assessment(a: &Assessment) -> Value {
    let mut m = Map::new();
    put(&mut m, "id", text(&a.id));
    put(&mut m, "version", a.version.into());
    put(&mut m, "status", text(STATUS[a.status as usize]));
    if let Some(review_of) = &a.review_of {
        put(&mut m, "review_of", text(review_of));
    }
    if let Some(r) = &a.reviewed {
        let mut o = Map::new();
        put(&mut o, "version", r.version.into());
        if let Some(on) = &r.approved_on {
            put(&mut o, "approved_on", text(on));
        }
        put(&mut o, "digest", text(&r.digest));
        if let Some(lineage) = &r.lineage {
            put(&mut o, "lineage", text(lineage));
        }
        put(&mut m, "reviewed", Value::Object(o));
    }
    put(&mut m, "answers", answers(&a.answers));
    put(&mut m, "impacts", impacts(&a.impacts));
    if !a.accepted.is_empty() {
        put(&mut m, "accepted", list(&a.accepted, accepted));
    }
    if !a.review_log.is_empty() {
        let entry = |e: &super::model::ReviewEntry| {
            object([("date", text(&e.date)), ("note", text(&e.note))])
        };
        put(&mut m, "review_log", list(&a.review_log, entry));
    }
    if !a.handover.is_empty() {
        put(&mut m, "handover", list(&a.handover, round));
    }
    if let Some(p) = &a.privacy_wording {
        let wording = object([("text", text(&p.text)), ("suggested", text(&p.suggested))]);
        put(&mut m, "privacy_wording", wording);
    }
    if !a.check_again.is_empty() {
        let pair = |(q, because): &(super::QuestionId, super::QuestionId)| {
            Value::Array(vec![text(q.key()), text(because.key())])
        };
        put(&mut m, "check_again", list(&a.check_again, pair));
    }
    if let Some(v) = a.rules_version {
        put(&mut m, "rules_version", v.into());
    }
    if let Some(o) = &a.organisation {
        put(&mut m, "organisation", organisation(o));
    }
    Value::Object(m)
}

/// The settings a record was made under and its answers: each answer with its question
/// as asked, its kind, and the answer in that kind's field.
fn organisation(o: &OrganisationRecord) -> Value {
    let answer = |a: &OrgAnswer| {
        let mut m = Map::new();
        put(&mut m, "id", text(&a.id));
        put(&mut m, "section", text(section(a.section)));
        put(&mut m, "kind", text(ORG_KIND[a.value.kind() as usize]));
        put(&mut m, "label", text(&a.label));
        let given = match &a.value {
            OrgValue::Text(t) => text(t),
            OrgValue::YesNo(y) => text(y.key()),
            OrgValue::Choice(c) => object([("id", text(&c.id)), ("label", text(&c.label))]),
        };
        put(&mut m, field_of(a.value.kind()), given);
        Value::Object(m)
    };
    let mut m = Map::new();
    put(&mut m, "name", text(&o.name));
    put(&mut m, "revision", text(&o.revision));
    put(&mut m, "digest", text(&o.digest));
    put(&mut m, "answers", list(&o.answers, answer));
    for (key, given) in [
        ("dpo_contact", &o.dpo_contact),
        ("privacy_notice_title", &o.privacy_notice_title),
        ("privacy_notice_url", &o.privacy_notice_url),
    ] {
        if let Some(t) = given {
            put(&mut m, key, text(t));
        }
    }
    Value::Object(m)
}

/// The answers, keyed by question: text (and the key of a choice) as text, yes/no as
/// its key, several choices as a list of their keys.
pub fn answers(answers: &Answers) -> Value {
    let mut m = Map::new();
    for (q, answer) in answers.iter() {
        let value = match answer {
            Answer::Text(t) | Answer::Choice(t) => text(t),
            Answer::YesNo(y) => text(y.key()),
            Answer::Choices(keys) => list(keys, |k| text(k)),
        };
        put(&mut m, q.key(), value);
    }
    Value::Object(m)
}

/// The impacts, each with every field (an unrated likelihood or severity as `null`).
pub fn impacts(impacts: &[Impact]) -> Value {
    let word = |w: Option<&'static str>| w.map_or(Value::Null, text);
    let likelihood = |l: Option<Likelihood>| word(l.map(|l| LIKELIHOOD[l as usize]));
    let severity = |s: Option<HarmSeverity>| word(s.map(|s| SEVERITY[s as usize]));
    list(impacts, |i| {
        let mut m = Map::new();
        put(&mut m, "id", i.id.into());
        put(&mut m, "description", text(&i.description));
        put(&mut m, "likelihood", likelihood(i.likelihood));
        put(&mut m, "severity", severity(i.severity));
        put(&mut m, "safeguards", text(&i.safeguards));
        put(
            &mut m,
            "residual_likelihood",
            likelihood(i.residual_likelihood),
        );
        put(&mut m, "residual_severity", severity(i.residual_severity));
        Value::Object(m)
    })
}

/// One round of the hand-over, with the decision on it once made.
pub fn round(r: &Round) -> Value {
    let mut m = Map::new();
    put(&mut m, "sent", text(&r.sent));
    put(&mut m, "content", text(&r.content));
    if let Some(d) = &r.decision {
        put(&mut m, "decision", decision(d));
    }
    if !r.replies.is_empty() {
        let reply = |reply: &super::rounds::Reply| {
            let mut o = Map::new();
            if let Some(s) = reply.section {
                put(&mut o, "section", text(section(s)));
            }
            put(&mut o, "text", text(&reply.text));
            Value::Object(o)
        };
        put(&mut m, "replies", list(&r.replies, reply));
    }
    if let Some(a) = &r.as_returned {
        put(&mut m, "as_returned", assessment(a));
    }
    Value::Object(m)
}

fn decision(d: &Decision) -> Value {
    let mut m = Map::new();
    put(&mut m, "verdict", text(VERDICT[d.verdict as usize]));
    put(&mut m, "name", text(&d.name));
    put(&mut m, "role", text(&d.role));
    if !d.organisation.is_empty() {
        put(&mut m, "organisation", text(&d.organisation));
    }
    if d.by_author {
        put(&mut m, "by_author", Value::Bool(true));
    }
    put(&mut m, "date", text(&d.date));
    if !d.note.is_empty() {
        put(&mut m, "note", text(&d.note));
    }
    if !d.comments.is_empty() {
        let comment = |c: &super::rounds::Comment| {
            object([
                ("section", text(section(c.section))),
                ("text", text(&c.text)),
            ])
        };
        put(&mut m, "comments", list(&d.comments, comment));
    }
    if let Some(s) = &d.signature {
        let signature = object([
            ("algorithm", text(&s.algorithm)),
            ("key", text(&s.key)),
            ("value", text(&s.value)),
        ]);
        put(&mut m, "signature", signature);
    }
    Value::Object(m)
}

fn accepted(a: &Accepted) -> Value {
    let mut m = Map::new();
    put(&mut m, "rule", text(&a.rule));
    if !a.detail.is_empty() {
        put(&mut m, "detail", text(&a.detail));
    }
    put(&mut m, "reason", text(&a.reason));
    put(&mut m, "answers", text(&a.answers));
    put(&mut m, "date", text(&a.date));
    Value::Object(m)
}

fn section(s: Section) -> &'static str {
    SECTION[s as usize]
}

pub(crate) fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn put(m: &mut Map<String, Value>, key: &str, value: Value) {
    m.insert(key.to_string(), value);
}

pub(crate) fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut m = Map::new();
    for (key, value) in fields {
        put(&mut m, key, value);
    }
    Value::Object(m)
}

fn list<T>(items: &[T], write: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}
