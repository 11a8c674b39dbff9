//! One saved assessment as stored: the schema version, the revision that detects
//! concurrent saves, when it was saved, and the assessment.
//!
//! `{"schema_version":2,"revision":3,"saved_at":1764000000000,"assessment":{…}}`
//!
//! `saved_at` is written as whole milliseconds (formatting floats would cost the app the
//! float-printing code); it is read as any JSON number.

use std::fmt;

use crate::json::Value;

use super::seal::Refusal;
use crate::assessment::json_write::Writer;
use crate::assessment::model::Assessment;
use crate::assessment::schema::{read_assessment, SchemaError, SCHEMA_VERSION};
use crate::assessment::shape::Path;
use crate::assessment::strict_json;

/// A record read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub assessment: Assessment,
    /// 1 for the first save, one more with every save.
    pub revision: u64,
    /// Milliseconds since the Unix epoch, as given by the caller when it was saved.
    pub saved_at: f64,
}

/// Milliseconds as a whole number; JSON has no NaN, and a negative or absurd time is
/// stored as 0 so the record still reads.
#[cfg(test)]
pub(crate) fn serialize_ms<S: serde::Serializer>(ms: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(whole_ms(*ms))
}

pub(crate) fn whole_ms(ms: f64) -> u64 {
    if ms.is_finite() && ms >= 0.0 {
        ms as u64
    } else {
        0
    }
}

/// The stored text of a record, in the current schema version.
pub fn encode(assessment: &Assessment, revision: u64, saved_at: f64) -> String {
    // Written by hand in `Envelope`'s order (the derive `tests/json_by_hand.rs` holds
    // this to).
    let mut w = Writer::compact();
    w.open('{');
    w.key("schema_version");
    w.number(SCHEMA_VERSION.into());
    w.key("revision");
    w.number(revision);
    w.key("saved_at");
    w.number(whole_ms(saved_at));
    w.key("assessment");
    w.value(&crate::assessment::write::assessment(assessment));
    w.close('}');
    w.finish()
}

/// Why a stored record cannot be read. `Display` completes "… could not be opened: ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or cut short: where serde_json stopped (1-based).
    NotJson { line: usize, column: usize },
    /// JSON, but not an object.
    NotARecord,
    /// `schema_version` is missing or not a version number.
    NotAVersion,
    /// `revision` is missing or not a whole number from 1.
    BadRevision,
    /// `saved_at` is missing or not a number.
    BadTime,
    /// There is no `assessment`.
    NoAssessment,
    /// The assessment is from a newer release, cannot be migrated, or has the wrong shape.
    Assessment(SchemaError),
    /// A readable assessment, but another one than the id it is stored under.
    Elsewhere { id: String, holds: String },
    /// Refused by the passphrase's seal (see `seal.rs`).
    Sealed(Refusal),
    /// The same field twice, so it is not clear which is meant.
    DuplicateKey(Path),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut not_right =
            |field, reason| write!(f, "the field \"{field}\" is not right: {reason}");
        match self {
            DecodeError::NotJson { line, column } => write!(
                f,
                "its saved text is cut short or is not valid JSON (line {line}, column {column})"
            ),
            DecodeError::NotARecord => f.write_str("its saved text is not an assessment record"),
            DecodeError::NotAVersion => {
                not_right("schema_version", "it should be a format version number")
            }
            DecodeError::BadRevision => not_right("revision", "it should be a whole number from 1"),
            DecodeError::BadTime => not_right("saved_at", "it should be a time in milliseconds"),
            DecodeError::NoAssessment => f.write_str("the field \"assessment\" is missing"),
            DecodeError::Assessment(e) => write!(f, "{e}"),
            DecodeError::DuplicateKey(path) => write!(
                f,
                "its saved text has the field \"{path}\" twice, so it is not clear which is meant"
            ),
            DecodeError::Sealed(Refusal::NotSealed) => f.write_str(
                "it is not encrypted with your passphrase, as everything this tool saves is, so it may have been put there by another page",
            ),
            DecodeError::Sealed(Refusal::NotAuthentic) => f.write_str(
                "it does not open with your passphrase, so it may have been put there by another page, or changed",
            ),
            DecodeError::Sealed(Refusal::NoKey) => f.write_str(
                "it is encrypted with a passphrase, and none is set in this tool now",
            ),
            DecodeError::Elsewhere { id, holds } => write!(
                f,
                "it is saved under the id “{id}” but holds the assessment “{holds}”"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads a record stored under `id`, migrating an older schema version.
pub fn decode(id: &str, raw: &str) -> Result<Record, DecodeError> {
    if let Some(refusal) = Refusal::of(raw) {
        return Err(DecodeError::Sealed(refusal));
    }
    // As strictly as an import: a key given twice (one of them planted) is not a record.
    let value: Value = strict_json::from_str(raw).map_err(|e| match e {
        strict_json::Error::Json(e) => DecodeError::NotJson {
            line: e.line(),
            column: e.column(),
        },
        strict_json::Error::DuplicateKey(path) => DecodeError::DuplicateKey(path),
        strict_json::Error::TooDeep { line, column }
        | strict_json::Error::HalfCharacter { line, column, .. } => {
            DecodeError::NotJson { line, column }
        }
    })?;
    let Value::Object(mut fields) = value else {
        return Err(DecodeError::NotARecord);
    };
    let version = fields
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(DecodeError::NotAVersion)?;
    // Before anything else: a newer release may have changed the rest of the record.
    if version > SCHEMA_VERSION {
        return Err(DecodeError::Assessment(SchemaError::Future(version)));
    }
    let revision = fields
        .get("revision")
        .and_then(Value::as_u64)
        .filter(|r| *r >= 1)
        .ok_or(DecodeError::BadRevision)?;
    let saved_at = fields
        .get("saved_at")
        .and_then(Value::as_f64)
        .ok_or(DecodeError::BadTime)?;
    let assessment = fields
        .remove("assessment")
        .ok_or(DecodeError::NoAssessment)?;
    let assessment = read_assessment(assessment, version).map_err(DecodeError::Assessment)?;
    if assessment.id != id {
        return Err(DecodeError::Elsewhere {
            id: id.to_string(),
            holds: assessment.id,
        });
    }
    Ok(Record {
        assessment,
        revision,
        saved_at,
    })
}

/// The revision of a stored record's text, read from the front where `encode` puts it
/// (the whole text is parsed only if it is not there). `None` if it has none.
pub(crate) fn revision_in_raw(raw: &str) -> Option<u64> {
    const FIELD: &str = "\"revision\":";
    if let Some(at) = raw.get(..64).unwrap_or(raw).find(FIELD) {
        let digits: String = raw[at + FIELD.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(revision) = digits.parse() {
            return Some(revision);
        }
    }
    strict_json::from_str_lenient(raw)?
        .get("revision")?
        .as_u64()
}

/// The title typed into a record that cannot be read, if its JSON still shows one.
pub(crate) fn title_in_raw(raw: &str) -> Option<String> {
    let value: Value = strict_json::from_str_lenient(raw)?;
    let title = value
        .get("assessment")?
        .get("answers")?
        .get("about.title")?
        .as_str()?
        .trim();
    (!title.is_empty()).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::assessment::QuestionId;

    /// The record as serde's derive wrote it before it was written by hand.
    #[derive(Serialize)]
    struct Envelope {
        schema_version: u32,
        revision: u64,
        saved_at: u64,
        assessment: serde_json::Value,
    }

    #[test]
    fn the_record_is_written_as_serde_wrote_it() {
        for example in crate::assessment::examples::EXAMPLES {
            let a = (example.build)("e-1");
            for (revision, saved_at) in [(1, 0.0), (u64::MAX, 1_764_000_000_123.9), (7, f64::NAN)] {
                let by_serde = serde_json::to_string(&Envelope {
                    schema_version: SCHEMA_VERSION,
                    revision,
                    saved_at: whole_ms(saved_at),
                    assessment: crate::assessment::write::assessment(&a).into(),
                })
                .unwrap();
                assert_eq!(encode(&a, revision, saved_at), by_serde);
            }
        }
    }

    fn sample() -> Assessment {
        let mut a = Assessment::new("a1");
        a.set_text(QuestionId::AboutTitle, "Staff CCTV");
        a
    }

    #[test]
    fn round_trips_with_the_envelope_in_order_and_the_assessment_sorted() {
        let raw = encode(&sample(), 3, 1_764_000_000_000.0);
        assert!(
            raw.starts_with(r#"{"schema_version":2,"revision":3,"saved_at":1764000000000,"assessment":{"answers":{"about.title":"Staff CCTV"},"id":"a1","impacts":[]"#),
            "{raw}"
        );
        let record = decode("a1", &raw).unwrap();
        assert_eq!(record.assessment, sample());
        assert_eq!((record.revision, record.saved_at), (3, 1_764_000_000_000.0));
    }

    #[test]
    fn a_time_that_is_not_a_number_is_stored_as_zero_so_the_record_still_reads() {
        let raw = encode(&sample(), 1, f64::NAN);
        assert_eq!(decode("a1", &raw).unwrap().saved_at, 0.0);
        let raw = encode(&sample(), 1, -5.0);
        assert_eq!(decode("a1", &raw).unwrap().saved_at, 0.0);
    }

    #[test]
    fn times_are_whole_milliseconds_and_older_float_times_still_read() {
        let raw = encode(&sample(), 1, 1_764_000_000_123.9);
        assert!(raw.contains(r#""saved_at":1764000000123,"#), "{raw}");
        let older = raw.replace(
            r#""saved_at":1764000000123"#,
            r#""saved_at":1764000000123.0"#,
        );
        assert_eq!(decode("a1", &older).unwrap().saved_at, 1_764_000_000_123.0);
    }

    #[test]
    fn every_kind_of_damage_is_named() {
        let good = encode(&sample(), 1, 5.0);
        let cases = [
            (good[..good.len() / 2].to_string(), "cut short"),
            ("[1,2]".to_string(), "not an assessment record"),
            (
                good.replace(r#""schema_version":2"#, r#""schema_version":"2""#),
                "\"schema_version\"",
            ),
            (
                good.replace(r#""schema_version":2"#, r#""schema_version":3"#),
                "newer version",
            ),
            (
                good.replace(r#""revision":1"#, r#""revision":0"#),
                "\"revision\"",
            ),
            (
                good.replace(r#""saved_at":5"#, r#""saved_at":"today""#),
                "\"saved_at\"",
            ),
            (
                good.replace(r#""id":"a1""#, r#""id":7"#),
                "the field \"id\" is not right: it is the number 7, but should be text",
            ),
            (
                good.replace("Staff CCTV", "x\",\"about.people\":[\"aliens\"],\"y\":\""),
                "answers.about.people",
            ),
            (
                good.replace(r#""revision":1,"#, r#""revision":1,"revision":9,"#),
                "\"revision\" twice",
            ),
            (
                r#"{"schema_version":2,"revision":1,"saved_at":1}"#.to_string(),
                "\"assessment\"",
            ),
        ];
        for (raw, expected) in cases {
            let reason = decode("a1", &raw).unwrap_err().to_string();
            assert!(reason.contains(expected), "{raw}\n→ {reason}");
        }
        let reason = decode("other", &good).unwrap_err().to_string();
        assert!(
            reason.contains("“other”") && reason.contains("“a1”"),
            "{reason}"
        );
    }

    #[test]
    fn decode_errors_are_typed_and_short() {
        use crate::assessment::shape::{Kind, Path, Segment};
        let good = encode(&sample(), 1, 5.0);
        assert_eq!(
            decode("a1", "{\"cut"),
            Err(DecodeError::NotJson { line: 1, column: 5 })
        );
        assert_eq!(
            decode(
                "a1",
                &good.replace(r#""schema_version":2"#, r#""schema_version":-1"#)
            ),
            Err(DecodeError::NotAVersion)
        );
        assert_eq!(
            decode(
                "a1",
                &good.replace(r#""schema_version":2"#, r#""schema_version":3"#)
            ),
            Err(DecodeError::Assessment(SchemaError::Future(3)))
        );
        let wrong = good.replace(
            "Staff CCTV",
            "x\",\"about.people\":[\"staff\",\"staff\"],\"y\":\"",
        );
        let e = decode("a1", &wrong).unwrap_err();
        match &e {
            DecodeError::Assessment(SchemaError::Shape(shape)) => {
                assert_eq!(
                    shape.path,
                    Path(vec![
                        Segment::Field("answers".into()),
                        Segment::Field("about.people".into())
                    ])
                );
                assert_eq!(
                    shape.kind,
                    Kind::UnknownOption {
                        found: "staff".into(),
                        options: &[]
                    }
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            e.to_string(),
            "the field \"answers.about.people\" is not right: \"staff\" is not one of the options"
        );
        assert_eq!(
            decode("b2", &good).unwrap_err().to_string(),
            "it is saved under the id “b2” but holds the assessment “a1”"
        );
    }

    #[test]
    fn the_title_is_found_in_damaged_text_when_it_is_still_there() {
        let good = encode(&sample(), 1, 5.0);
        let wrong = good.replace(r#""revision":1"#, r#""revision":"x""#);
        assert_eq!(title_in_raw(&wrong).as_deref(), Some("Staff CCTV"));
        assert_eq!(title_in_raw(&good[..40]), None);
    }
}
