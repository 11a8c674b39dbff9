//! The JSON export: the assessment with what is needed to identify, date, check and
//! understand it years later.

use serde::Serialize;

use crate::assessment::schema::SCHEMA_VERSION;
use crate::assessment::{outcome, Assessment, Date, Outcome};

use super::FORMAT;
use crate::assessment::canonical::{digest_hex, ALGORITHM};

/// The top-level object of an export, in the order its fields are written.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema_version: u32,
    app_version: &'static str,
    exported_at: &'a str,
    /// As a `Value`, as every writing of an assessment: one serialiser of the model in
    /// the wasm instead of three (its keys are then sorted; the envelope's are not).
    assessment: serde_json::Value,
    /// The findings and outcome when exported: what was flagged when it was signed off.
    outcome: &'a Outcome,
    digest: Digest,
}

#[derive(Serialize)]
struct Digest {
    algorithm: &'static str,
    value: String,
}

/// The JSON export (pretty-printed) of an assessment. `exported_at` is an ISO 8601 UTC
/// timestamp supplied by the caller (e.g. "2026-11-22T10:15:00Z"); `today` drives
/// date-dependent rules.
pub fn to_json(a: &Assessment, exported_at: &str, today: Option<Date>) -> String {
    to_json_with(a, exported_at, &outcome(a, today))
}

/// `to_json` with an outcome already computed (the HTML report needs both).
pub(super) fn to_json_with(a: &Assessment, exported_at: &str, outcome: &Outcome) -> String {
    // Its digest is `assessment_digest(a)`, from the one `Value`.
    let assessment = crate::assessment::write::assessment(a);
    let envelope = Envelope {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION"),
        exported_at,
        digest: Digest {
            algorithm: ALGORITHM,
            value: digest_hex(&assessment),
        },
        assessment,
        outcome,
    };
    // Only maps with non-string keys or failing custom impls make serde_json fail; the
    // model has neither.
    serde_json::to_string_pretty(&envelope).expect("an export always serialises")
}
