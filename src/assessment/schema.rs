//! Versions of the stored and exported form of an assessment, and the migrations that
//! bring an older form up to date. Drafts in localStorage and exported files both go
//! through `read_assessment`, so a file or draft from any earlier release still opens.

use crate::json::Value;

use super::model::Assessment;
use super::shape::ShapeError;

/// The current version of the assessment's JSON form. Bump it with every change to that
/// form, add a step to `STEPS`, and add a fixture of the old form that must still load.
pub const SCHEMA_VERSION: u32 = 2;

/// One migration: the JSON of version `n` in, the JSON of version `n + 1` out.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[n - 1]` turns version `n` into version `n + 1`. Version 1 is the first release.
const STEPS: &[Step] = &[from_1];

/// Version 2 added `organisation` (the settings a record was made under, and its answers
/// to their questions): a version 1 record has none, so it reads as it is. One that
/// claims version 1 and has one was not written by this tool, and is refused rather than
/// let through under the older number (a version 1 tool refuses the field).
fn from_1(value: Value) -> Result<Value, String> {
    match &value {
        Value::Object(fields) if fields.contains_key("organisation") => {
            Err("a version 1 record has no \"organisation\"".into())
        }
        _ => Ok(value),
    }
}

/// Why an assessment's JSON could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    /// Written by a newer release of the tool.
    Future(u32),
    /// Not a version any release has written.
    Unknown(u32),
    /// A migration step failed.
    Migration { from: u32, reason: String },
    /// The JSON does not have the shape of an assessment: where, and what is wrong.
    Shape(ShapeError),
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemaError::Future(v) => write!(
                f,
                "it was saved by a newer version of this tool (format version {v}; this one reads up to {SCHEMA_VERSION})"
            ),
            SchemaError::Unknown(v) => write!(f, "format version {v} is not one this tool has ever written"),
            SchemaError::Migration { from, reason } => {
                write!(f, "it could not be updated from format version {from}: {reason}")
            }
            SchemaError::Shape(e) => write!(f, "{e}"),
        }
    }
}

/// Brings JSON written at `version` up to the current version.
pub fn migrate(mut value: Value, version: u32) -> Result<Value, SchemaError> {
    if version > SCHEMA_VERSION {
        return Err(SchemaError::Future(version));
    }
    if version == 0 {
        return Err(SchemaError::Unknown(version));
    }
    for from in version..SCHEMA_VERSION {
        value = STEPS[from as usize - 1](value)
            .map_err(|reason| SchemaError::Migration { from, reason })?;
    }
    Ok(value)
}

/// Migrates and reads an assessment, naming the field at fault if it does not fit.
pub fn read_assessment(value: Value, version: u32) -> Result<Assessment, SchemaError> {
    let value = migrate(value, version)?;
    super::read::assessment(value).map_err(SchemaError::Shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_reads_and_others_are_refused() {
        let a = Assessment::new("x");
        let value = Value::from(serde_json::to_value(&a).unwrap());
        assert_eq!(read_assessment(value.clone(), SCHEMA_VERSION).unwrap(), a);
        assert_eq!(
            read_assessment(value.clone(), SCHEMA_VERSION + 1),
            Err(SchemaError::Future(SCHEMA_VERSION + 1))
        );
        assert_eq!(read_assessment(value, 0), Err(SchemaError::Unknown(0)));
    }

    #[test]
    fn shape_errors_name_the_field() {
        use crate::assessment::shape::{Kind, Path, Segment};
        let value = serde_json::json!({"id": "x", "answers": {"nature.special": "maybe"}});
        match read_assessment(value.into(), SCHEMA_VERSION) {
            Err(SchemaError::Shape(e)) => {
                assert_eq!(
                    e.path,
                    Path(vec![
                        Segment::Field("answers".into()),
                        Segment::Field("nature.special".into())
                    ])
                );
                assert!(matches!(e.kind, Kind::UnknownOption { .. }), "{e:?}");
            }
            other => panic!("{other:?}"),
        }
        let value = serde_json::json!({"answers": {}});
        let err = read_assessment(value.into(), SCHEMA_VERSION).unwrap_err();
        assert_eq!(err.to_string(), "the field \"id\" is missing");
    }

    #[test]
    fn version_1_reads_without_an_organisation_and_never_with_one() {
        let v1 = serde_json::json!({"id": "x", "answers": {"about.title": "Old"}});
        let a = read_assessment(v1.into(), 1).unwrap();
        assert_eq!(a.organisation, None);
        assert_eq!(a.title(), "Old");
        let forged = serde_json::json!({"id": "x", "organisation": null});
        assert!(matches!(
            read_assessment(forged.into(), 1),
            Err(SchemaError::Migration { from: 1, .. })
        ));
    }
}
