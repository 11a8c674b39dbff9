//! docs/lia-assessment.schema.json: a JSON Schema (draft 2020-12) of the export,
//! generated from the model and the question bank so it cannot drift from them. It is
//! strict (`additionalProperties: false` wherever the model refuses unknown fields)
//! and uses only keywords that validators such as ajv accept in strict mode.

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::assessment::organisation_answers::{OrgKind, MAX_ANSWERS, MAX_ID, MAX_LABEL, MAX_NAME};
use crate::assessment::outcome::{DpiaOutcome, Reading, SectionStatus};
use crate::assessment::rules::Weight;
use crate::assessment::schema::SCHEMA_VERSION;
use crate::assessment::{
    AnswerKind, HarmSeverity, Likelihood, Question, Section, Severity, Status, YesNo, QUESTIONS,
};

use super::FORMAT;
use crate::assessment::canonical::ALGORITHM;
use crate::assessment::Verdict;

/// `exported_at`: an ISO 8601 UTC timestamp, with or without fractions of a second
/// (JavaScript's `toISOString()` writes milliseconds).
pub const TIMESTAMP_PATTERN: &str =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$";

/// An id of an organisation's settings: lower-case letters and digits, single hyphens
/// between them.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A SHA-256 digest in lower-case hex.
pub const DIGEST_PATTERN: &str = "^[0-9a-f]{64}$";

/// The JSON Schema of an export.
pub fn json_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Legitimate interests assessment export",
        "description": format!(
            "A JSON export of the legitimate interests assessment tool, format version \
             {SCHEMA_VERSION}. See docs/schema.md for the meaning of every field."
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "schema_version", "app_version", "exported_at", "assessment", "outcome", "digest"],
        "properties": {
            "format": { "const": FORMAT, "description": "Identifies the file as an assessment export." },
            "schema_version": { "const": SCHEMA_VERSION, "description": "The version of this format." },
            "app_version": { "type": "string", "description": "The version of the tool that wrote the file." },
            "exported_at": {
                "type": "string",
                "pattern": TIMESTAMP_PATTERN,
                "description": "When the file was exported (ISO 8601, UTC)."
            },
            "assessment": { "$ref": "#/$defs/assessment" },
            "outcome": { "$ref": "#/$defs/outcome" },
            "digest": {
                "type": "object",
                "additionalProperties": false,
                "required": ["algorithm", "value"],
                "properties": {
                    "algorithm": { "const": ALGORITHM },
                    "value": {
                        "type": "string",
                        "pattern": DIGEST_PATTERN,
                        "description": "SHA-256 of the canonical JSON of \"assessment\", in lower-case hex."
                    }
                }
            }
        },
        "$defs": {
            "assessment": assessment(),
            "answers": answers(),
            "impact": impact(),
            "review_entry": object(&["date", "note"], json!({
                "date": { "type": "string", "description": "When the review took place (yyyy-mm-dd, as typed)." },
                "note": { "type": "string", "description": "What was reviewed or changed." }
            })),
            "reviewed": object(&["version", "digest"], json!({
                "version": u32_schema("The version number of the approved assessment this review was started from."),
                "approved_on": { "type": "string", "description": "That version's approval date as recorded in it (yyyy-mm-dd, as typed)." },
                "digest": {
                    "type": "string",
                    "pattern": DIGEST_PATTERN,
                    "description": "SHA-256 of the canonical JSON of that version's assessment without its review_log, in lower-case hex."
                },
                "lineage": { "type": "string", "description": "The id of the assessment's first version, the same in every version after it." }
            })),
            "handover_round": object(&["sent", "content"], json!({
                "sent": { "type": "string", "description": "The day it was sent for approval (yyyy-mm-dd)." },
                "content": { "type": "string", "pattern": DIGEST_PATTERN, "description": "The SHA-256 of the content sent, to which the decision is bound (see docs/schema.md)." },
                "decision": { "$ref": "#/$defs/handover_decision" },
                "replies": {
                    "type": "array",
                    "description": "The author's replies to the comments of a return. Written only when not empty.",
                    "items": object(&["text"], json!({
                        "section": { "$ref": "#/$defs/section", "description": "The section whose comment it answers; absent for the comment on the whole assessment." },
                        "text": { "type": "string" }
                    }))
                },
                "as_returned": { "$ref": "#/$defs/assessment", "description": "The content as it was returned (last returned round only), for the next round's comparison. Written only when kept." }
            })),
            "handover_decision": object(&["verdict", "name", "role", "date"], json!({
                "verdict": { "enum": keys(&Verdict::ALL) },
                "name": { "type": "string", "description": "The approver's name, as on their key card." },
                "role": { "type": "string", "description": "The approver's role, as on their key card." },
                "organisation": { "type": "string", "description": "The approver's organisation, as on their key card. Written only when not empty." },
                "by_author": { "const": true, "description": "Approved by its author, where the organisation allows it. Written only when true." },
                "date": { "type": "string", "description": "The day of the decision (yyyy-mm-dd), set by the tool." },
                "note": { "type": "string", "description": "A comment on the whole assessment. Written only when not empty." },
                "comments": {
                    "type": "array",
                    "description": "Comments on sections. Written only when not empty.",
                    "items": object(&["section", "text"], json!({
                        "section": { "$ref": "#/$defs/section" },
                        "text": { "type": "string" }
                    }))
                },
                "signature": object(&["algorithm", "key", "value"], json!({
                    "algorithm": { "type": "string", "description": "\"Ed25519\"; any other is refused when verified." },
                    "key": { "type": "string", "description": "The approver's public key: base64 of its 32 bytes." },
                    "value": { "type": "string", "description": "The signature over the bytes docs/schema.md describes: base64 of its 64 bytes." }
                }))
            })),
            "accepted_warning": object(&["rule", "reason", "answers", "date"], json!({
                "rule": { "type": "string", "description": "The warning's rule id (see docs/rules.md)." },
                "detail": { "type": "string", "description": "The finding's detail, for a rule that can find several things. Written only when not empty." },
                "reason": { "type": "string", "description": "Why the warning is accepted." },
                "answers": { "type": "string", "pattern": DIGEST_PATTERN, "description": "The SHA-256 of the answers the warning is about, when accepted." },
                "date": { "type": "string", "description": "When it was accepted (yyyy-mm-dd)." }
            })),
            "organisation": object(&["name", "revision", "digest"], json!({
                "name": plain(MAX_NAME, "What the organisation calls the settings."),
                "revision": plain(MAX_NAME, "The organisation's label for this edition of them."),
                "digest": { "type": "string", "pattern": DIGEST_PATTERN, "description": "SHA-256 of the settings file's canonical JSON, in lower-case hex." },
                "answers": {
                    "type": "array",
                    "maxItems": MAX_ANSWERS,
                    "items": { "$ref": "#/$defs/organisation_answer" },
                    "description": "The answers given, in the settings' order; each question once."
                },
                "dpo_contact": plain(MAX_LABEL, "The settings' contact for their Data Protection Officer, for the privacy information wording."),
                "privacy_notice_title": plain(MAX_LABEL, "What the organisation's privacy notice is called, for the wording."),
                "privacy_notice_url": { "type": "string", "minLength": 1, "maxLength": MAX_LABEL, "pattern": "^https?://", "description": "Where the privacy notice is, for the wording (shown as text, never as a link)." }
            })),
            "organisation_answer": organisation_answer(),
            "likelihood": nullable_enum(&keys(&Likelihood::ALL)),
            "severity": nullable_enum(&keys(&HarmSeverity::ALL)),
            "section": { "enum": keys(&Section::ALL) },
            "outcome": outcome(),
            "finding": finding(),
            "section_status": section_status(),
            "dpia_outcome": dpia_outcome()
        }
    })
}

/// `json_schema()` as written to docs/lia-assessment.schema.json.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn assessment() -> Value {
    object(
        &["id", "version", "status", "answers", "impacts"],
        json!({
            "id": { "type": "string", "description": "Unique id of the assessment." },
            "version": u32_schema("1 for a first assessment; each review makes the next version."),
            "status": { "enum": keys(&STATUSES), "description": "Approved records are read-only." },
            "review_of": { "type": "string", "description": "The id of the approved assessment this one reviews (written only for a review)." },
            "reviewed": { "$ref": "#/$defs/reviewed", "description": "The version this review was started from, with its digest (written only for a review)." },
            "answers": { "$ref": "#/$defs/answers" },
            "impacts": { "type": "array", "items": { "$ref": "#/$defs/impact" } },
            "accepted": { "type": "array", "items": { "$ref": "#/$defs/accepted_warning" }, "description": "Warnings accepted with a reason. Written only when not empty." },
            "review_log": { "type": "array", "items": { "$ref": "#/$defs/review_entry" }, "description": "Written only when not empty." },
            "handover": { "type": "array", "items": { "$ref": "#/$defs/handover_round" }, "description": "Each time it was sent for approval, oldest first, with the decision once made. Written only when not empty." },
            "privacy_wording": object(&["text", "suggested"], json!({
                "text": { "type": "string", "description": "The wording for the privacy information as the author settled it." },
                "suggested": { "type": "string", "description": "The wording the tool suggested from the answers when it was last edited, to tell when the answers have changed since." }
            })),
            "check_again": {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": [
                        { "enum": QUESTIONS.iter().map(|q| q.key).collect::<Vec<_>>() },
                        { "enum": QUESTIONS.iter().map(|q| q.key).collect::<Vec<_>>() }
                    ],
                    "items": false,
                    "minItems": 2
                },
                "description": "Answers to check again: pairs of the question whose answer is to be checked and the question whose answer changed after it was given. Written only when not empty."
            },
            "rules_version": u32_schema("The version of the rule catalogue that checked it when it was approved (written only then)."),
            "organisation": { "$ref": "#/$defs/organisation", "description": "The organisation's settings it was made under and its answers to their questions (written only for a record made under settings)." }
        }),
    )
}

fn answers() -> Value {
    let mut properties = Map::new();
    for q in QUESTIONS {
        if let Some(schema) = answer(q) {
            properties.insert(q.key.to_string(), schema);
        }
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "description": "Answers keyed by question; unanswered questions are absent.",
        "properties": properties
    })
}

/// The schema of one question's answer; `None` for the impacts list, kept in `impacts`.
pub(super) fn answer(q: &Question) -> Option<Value> {
    let description = Value::String(q.text.to_string());
    let mut schema = match q.kind {
        AnswerKind::ShortText | AnswerKind::LongText => json!({ "type": "string" }),
        AnswerKind::Date => json!({ "type": "string", "$comment": "yyyy-mm-dd, kept as typed" }),
        AnswerKind::YesNo => json!({ "enum": keys(&YesNo::ALL) }),
        AnswerKind::Single(choices) => {
            json!({ "enum": choices.iter().map(|c| c.key).collect::<Vec<_>>() })
        }
        AnswerKind::Multiple(choices) => json!({
            "type": "array",
            "uniqueItems": true,
            "items": { "enum": choices.iter().map(|c| c.key).collect::<Vec<_>>() }
        }),
        AnswerKind::Impacts => return None,
    };
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), description);
    }
    Some(schema)
}

/// One answer to an organisation's question: the answer in its kind's field alone.
fn organisation_answer() -> Value {
    let [text, yes_no, choice] = OrgKind::ALL.map(|k| keys(&[k]).remove(0));
    let mut schema = object(
        &["id", "section", "kind", "label"],
        json!({
            "id": id("The question's id."),
            "section": { "$ref": "#/$defs/section" },
            "kind": { "enum": keys(&OrgKind::ALL) },
            "label": plain(MAX_LABEL, "The question as the settings asked it."),
            "text": { "type": "string", "description": "The answer to a text question." },
            "yes_no": { "enum": keys(&YesNo::ALL), "description": "The answer to a yes/no question." },
            "choice": object(&["id", "label"], json!({
                "id": id("The option's id."),
                "label": plain(MAX_LABEL, "The option as the settings worded it.")
            }))
        }),
    );
    if let Value::Object(map) = &mut schema {
        // Four fields and the one answer its kind names.
        map.insert("maxProperties".into(), json!(5));
        // The answer's field named in `properties` too: ajv's strict mode wants every
        // required property defined where it is required.
        let kind = |kind: &str, field: &str| json!({ "properties": { "kind": { "const": kind }, field: {} }, "required": [field] });
        map.insert(
            "oneOf".into(),
            json!([
                kind(&text, "text"),
                kind(&yes_no, "yes_no"),
                kind(&choice, "choice")
            ]),
        );
    }
    schema
}

/// An id of an organisation's settings.
fn id(description: &str) -> Value {
    json!({ "type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID, "description": description })
}

/// Plain text of at most `max` characters (no markup or control characters: not said in
/// the schema, checked on import).
fn plain(max: usize, description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": max, "description": description })
}

fn impact() -> Value {
    object(
        &[
            "id",
            "description",
            "likelihood",
            "severity",
            "safeguards",
            "residual_likelihood",
            "residual_severity",
        ],
        json!({
            "id": u32_schema("Stable within the assessment."),
            "description": { "type": "string" },
            "likelihood": { "$ref": "#/$defs/likelihood" },
            "severity": { "$ref": "#/$defs/severity" },
            "safeguards": { "type": "string" },
            "residual_likelihood": { "$ref": "#/$defs/likelihood" },
            "residual_severity": { "$ref": "#/$defs/severity" }
        }),
    )
}

fn outcome() -> Value {
    object(
        &[
            "findings",
            "sections",
            "counts",
            "ready_for_sign_off",
            "sign_off_refusals",
            "dpia",
            "reading",
        ],
        json!({
            "findings": { "type": "array", "items": { "$ref": "#/$defs/finding" } },
            "sections": {
                "type": "array",
                "items": object(&["section", "status"], json!({
                    "section": { "$ref": "#/$defs/section" },
                    "status": { "$ref": "#/$defs/section_status" }
                }))
            },
            "counts": object(&["blockers", "warnings", "advice"], json!({
                "blockers": { "type": "integer", "minimum": 0 },
                "warnings": { "type": "integer", "minimum": 0 },
                "advice": { "type": "integer", "minimum": 0 }
            })),
            "ready_for_sign_off": { "type": "boolean" },
            "sign_off_refusals": { "type": "array", "items": { "type": "string" } },
            "dpia": { "$ref": "#/$defs/dpia_outcome" },
            "reading": { "enum": keys(&READINGS) }
        }),
    )
}

fn finding() -> Value {
    let questions: Vec<&str> = QUESTIONS.iter().map(|q| q.key).collect();
    let mut schema = object(
        &[
            "id",
            "severity",
            "weight",
            "section",
            "questions",
            "message",
            "source",
        ],
        json!({
            "id": { "type": "string", "description": "The rule's stable id (see docs/rules.md), or, for a finding of the organisation's settings, `org.` and the check's id (see docs/settings.md)." },
            "severity": { "enum": keys(&Severity::ALL) },
            "weight": { "enum": keys(&WEIGHTS) },
            "section": { "$ref": "#/$defs/section" },
            "questions": { "type": "array", "items": { "enum": questions } },
            "organisation_question": { "type": "string", "description": "The id of the organisation's question the finding is about (a finding of the organisation's settings)." },
            "message": { "type": "string" },
            "detail": { "type": "string" },
            "source": object(&["citation", "url", "version"], json!({
                "citation": { "type": "string" },
                "url": { "type": "string", "description": "Where to read the source; empty for the organisation's settings." },
                "version": { "type": "string", "description": "The version of the source the rule follows: the page's date, or when the law came into force; for the organisation's settings, their revision." }
            }))
        }),
    );
    if let Value::Object(map) = &mut schema {
        map.insert(
            "description".into(),
            "What one rule found; \"detail\" is written only when there is one.".into(),
        );
    }
    schema
}

fn section_status() -> Value {
    json!({
        "oneOf": [
            object(&["status"], json!({ "status": { "enum": tags(&UNIT_STATUSES, "status") } })),
            object(&["status", "reason"], json!({
                "status": { "enum": tags(&[SectionStatus::NotApplicable("")], "status") },
                "reason": { "type": "string" }
            }))
        ]
    })
}

fn dpia_outcome() -> Value {
    json!({
        "oneOf": [
            object(&["dpia"], json!({ "dpia": { "enum": tags(&UNIT_DPIA, "dpia") } })),
            object(&["dpia", "done"], json!({
                "dpia": { "enum": tags(&[DpiaOutcome::Required { done: true }], "dpia") },
                "done": { "type": "boolean" }
            }))
        ]
    })
}

/// The tag serde writes for each of these internally or adjacently tagged values.
fn tags<T: Serialize>(all: &[T], tag: &str) -> Vec<String> {
    all.iter()
        .filter_map(|v| match serde_json::to_value(v) {
            Ok(Value::Object(map)) => map.get(tag).and_then(Value::as_str).map(String::from),
            _ => None,
        })
        .collect()
}

/// A closed object: these properties, these required, nothing else.
fn object(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties
    })
}

fn u32_schema(description: &str) -> Value {
    json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX, "description": description })
}

/// One of the keys, or null (an `Option` serde writes as null when absent).
fn nullable_enum(keys: &[String]) -> Value {
    let mut values: Vec<Value> = keys.iter().cloned().map(Value::String).collect();
    values.push(Value::Null);
    json!({ "enum": values })
}

/// The keys serde writes for these values (the model's own spelling, never retyped).
pub(super) fn keys<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .filter_map(|v| match serde_json::to_value(v) {
            Ok(Value::String(s)) => Some(s),
            _ => None,
        })
        .collect()
}

/// The section statuses that carry no reason.
const UNIT_STATUSES: [SectionStatus; 5] = [
    SectionStatus::NotStarted,
    SectionStatus::InProgress,
    SectionStatus::Completed,
    SectionStatus::HasProblems,
    SectionStatus::CheckAgain,
];
/// The DPIA outcomes that carry nothing else.
const UNIT_DPIA: [DpiaOutcome; 2] = [DpiaOutcome::NotNeeded, DpiaOutcome::NotYetKnown];
pub(super) const STATUSES: [Status; 2] = [Status::Draft, Status::Approved];
pub(super) const WEIGHTS: [Weight; 3] = [Weight::Record, Weight::Borderline, Weight::Against];
pub(super) const READINGS: [Reading; 5] = [
    Reading::TooEarly,
    Reading::Appropriate,
    Reading::Borderline,
    Reading::Unlikely,
    Reading::PublicTask,
];

/// Stops compiling when a variant is added to one of the enums listed by hand above,
/// so the lists (and the schema) are updated with it.
#[allow(dead_code)]
fn lists_are_complete(s: Status, w: Weight, r: Reading, ss: SectionStatus, d: DpiaOutcome) {
    match s {
        Status::Draft | Status::Approved => {}
    }
    match w {
        Weight::Record | Weight::Borderline | Weight::Against => {}
    }
    match r {
        Reading::TooEarly
        | Reading::Appropriate
        | Reading::Borderline
        | Reading::Unlikely
        | Reading::PublicTask => {}
    }
    match ss {
        SectionStatus::NotStarted
        | SectionStatus::InProgress
        | SectionStatus::Completed
        | SectionStatus::HasProblems
        | SectionStatus::CheckAgain
        | SectionStatus::NotApplicable(_) => {}
    }
    match d {
        DpiaOutcome::NotNeeded | DpiaOutcome::NotYetKnown | DpiaOutcome::Required { .. } => {}
    }
}
