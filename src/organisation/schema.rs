//! docs/lia-settings.schema.json: a JSON Schema (draft 2020-12) of the settings file, so
//! an editor can check a file as the DPO writes it. Built from the reader's own limits
//! and lists (`read`), so the two cannot drift apart; `tests/organisation_settings.rs`
//! and `tests/browser/settings-schema.test.mjs` hold both to the same damaged files.
//! What a schema cannot say, the tool alone checks, and the schema's description says
//! so: ids unique, a check's question one of the file's and its `when` fitting it, a key
//! card's fingerprint that of its key. The tool trims texts before counting them.

use serde_json::{json, Value};

use super::read::{MAX_CARDS, MAX_ITEMS, MAX_LONG, MAX_REVIEW_MONTHS};
use super::{FORMAT, VERSION};
use crate::assessment::organisation_answers::{MAX_ID, MAX_LABEL, MAX_NAME};
use crate::assessment::questions::Section;
use crate::handover::keycard;

/// Plain text: something besides spaces, no markup (a `<` before a letter, `/`, `!` or
/// `?`), no control characters but, with `lines`, line breaks.
fn text(max: usize, lines: bool) -> Value {
    let allowed = if lines {
        "(?:[^\\p{Cc}]|\\n)"
    } else {
        "[^\\p{Cc}]"
    };
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": max,
        "pattern": format!("^(?=[\\s\\S]*\\S)(?![\\s\\S]*<[A-Za-z/!?]){allowed}*$"),
    })
}

/// An object of exactly these properties, of which `required` must be there.
fn object(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

fn list(max: usize, items: Value) -> Value {
    json!({ "type": "array", "maxItems": max, "items": items })
}

/// The JSON Schema of a settings file.
pub fn json_schema() -> Value {
    let id = json!({ "$ref": "#/$defs/id" });
    let sections: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
    let card = object(
        &[
            "format",
            "version",
            "name",
            "role",
            "algorithm",
            "key",
            "fingerprint",
        ],
        json!({
            "format": { "const": keycard::FORMAT },
            "version": { "const": keycard::VERSION },
            "name": { "type": "string", "maxLength": keycard::MAX_TEXT_CHARS, "pattern": "^(?=[\\s\\S]*\\S)[^\\p{Cc}]*$" },
            "role": { "type": "string", "maxLength": keycard::MAX_TEXT_CHARS, "pattern": "^[^\\p{Cc}]*$" },
            "organisation": { "type": "string", "maxLength": keycard::MAX_TEXT_CHARS, "pattern": "^[^\\p{Cc}]*$" },
            "algorithm": { "const": "Ed25519" },
            "key": { "type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$" },
            "fingerprint": { "type": "string", "pattern": "^[0-9A-Fa-f -]+$" },
        }),
    );
    let question = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "section", "kind", "label"],
        "properties": {
            "id": id,
            "section": { "enum": sections },
            "kind": { "enum": ["text", "yes-no", "choice"] },
            "label": text(MAX_LABEL, false),
            "hint": text(MAX_LONG, true),
            "required": { "type": "boolean" },
            "options": {
                "type": "array",
                "minItems": 2,
                "items": object(&["id", "label"], json!({ "id": id, "label": text(MAX_LABEL, false) })),
            },
        },
        // A choice has options; no other kind has them.
        "if": { "properties": { "kind": { "const": "choice" } }, "required": ["kind"] },
        "then": { "properties": { "options": true }, "required": ["options"] },
        "else": { "properties": { "options": false } },
    });
    let check = object(
        &["id", "question", "when", "severity", "message"],
        json!({
            "id": id,
            "question": id,
            "when": { "type": "string", "minLength": 1 },
            "severity": { "enum": ["blocker", "warning", "advice"] },
            "message": text(MAX_LONG, true),
        }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Legitimate interests assessment tool: an organisation's settings",
        "description": format!(
            "The settings file of docs/settings.md, format version {VERSION}. The tool also \
             checks what a schema cannot: that ids are unique (questions and screening \
             questions together, checks, a question's options), that a check names one of \
             the file's questions and its `when` fits that question (unanswered, answered, \
             yes / no / not-sure, or one of a choice's option ids), and that each key \
             card's fingerprint is its key's. It trims texts before counting their length."
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "version", "name", "revision"],
        "properties": {
            "format": { "const": FORMAT },
            "version": { "const": VERSION },
            "name": text(MAX_NAME, false),
            "revision": text(MAX_NAME, false),
            "organisation": object(&[], json!({
                "name": text(MAX_NAME, false),
                "dpo_contact": text(MAX_LABEL, false),
                "privacy_notice": object(&[], json!({
                    "title": text(MAX_LABEL, false),
                    "url": {
                        "allOf": [text(MAX_LABEL, false), { "type": "string", "pattern": "^\\s*https?://" }],
                    },
                })),
            })),
            "questions": list(MAX_ITEMS, question),
            "checks": list(MAX_ITEMS, check),
            "approvers": object(&[], json!({
                "cards": list(MAX_CARDS, card),
                "self_approval": { "type": "boolean" },
            })),
            "policy": object(&[], json!({
                "max_review_months": { "type": "integer", "minimum": 1, "maximum": MAX_REVIEW_MONTHS },
                "consult": object(&["at_least", "who"], json!({
                    "at_least": { "enum": ["medium", "high"] },
                    "who": text(MAX_LABEL, false),
                })),
                "screening": list(MAX_ITEMS, object(&["id", "label"], json!({
                    "id": id,
                    "label": text(MAX_LABEL, false),
                    "hint": text(MAX_LONG, true),
                }))),
            })),
        },
        "$defs": {
            "id": {
                "type": "string",
                "maxLength": MAX_ID,
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            },
        },
    })
}

/// The schema as the file in docs/ holds it.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("a JSON value");
    text.push('\n');
    text
}
