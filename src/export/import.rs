//! Reading a JSON export or an HTML report back into an assessment. Every way a file
//! can be wrong ends in a specific `ImportError`; nothing here panics on any input.

use serde_json::{Map, Value};

use crate::assessment::model::Answers;
use crate::assessment::schema::{self, SchemaError, SCHEMA_VERSION};
use crate::assessment::{Assessment, HarmSeverity, Impact, Likelihood, ReviewEntry, Status};

use super::canonical::{digest_hex, ALGORITHM};
use super::error::{plain_reason, shape, ImportError};
use super::{FORMAT, MAX_IMPORT_BYTES, SCRIPT_ID};

/// Which kind of file was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Json,
    Html,
}

/// Whether the assessment is the one that was exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestCheck {
    /// The digest in the file is that of the assessment in it.
    Matches,
    /// The assessment was changed after export (or the digest cannot be checked: it is
    /// not a SHA-256 digest in the form this tool writes).
    Mismatch,
    /// The file has no digest.
    Missing,
}

/// A successfully imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub assessment: Assessment,
    pub digest: DigestCheck,
    /// The format version of the file, when it was older than this tool's and migrated.
    pub migrated_from: Option<u32>,
    pub kind: FileKind,
    /// When the file says it was exported, as written in it.
    pub exported_at: Option<String>,
}

/// Reads a JSON export or an HTML report (the bytes as read from the file).
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    // Some editors add a byte order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(ImportError::Empty);
    }
    if start.starts_with('<') {
        let json = embedded_json(text).ok_or(ImportError::NoEmbeddedAssessment)?;
        read_export(json, FileKind::Html).map_err(|e| ImportError::InReport(Box::new(e)))
    } else {
        read_export(text, FileKind::Json)
    }
}

/// Reads the JSON envelope of an export.
fn read_export(text: &str, kind: FileKind) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(not_json)?;
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotAnExport {
            found: None,
            bare_assessment: false,
        });
    };
    match envelope.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(ImportError::NotAnExport {
                found: Some(f.clone()),
                bare_assessment: false,
            })
        }
        Some(_) => {
            return Err(ImportError::WrongType {
                field: "format",
                expected: "the text \"lia-assessment\"",
            })
        }
        None => {
            return Err(ImportError::NotAnExport {
                found: None,
                bare_assessment: envelope.contains_key("id") && envelope.contains_key("answers"),
            })
        }
    }
    let version = match envelope.get("schema_version") {
        None => return Err(ImportError::MissingField("schema_version")),
        Some(v) => {
            v.as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or(ImportError::WrongType {
                    field: "schema_version",
                    expected: "a whole number",
                })?
        }
    };
    let exported_at = match envelope.get("exported_at") {
        None => None,
        Some(Value::String(at)) => Some(at.clone()),
        Some(_) => {
            return Err(ImportError::WrongType {
                field: "exported_at",
                expected: "a date and time as text",
            })
        }
    };
    let value = envelope
        .remove("assessment")
        .ok_or(ImportError::MissingField("assessment"))?;
    // Checked on the assessment exactly as it is in the file, before any migration.
    let digest = check_digest(&envelope, &value);
    let assessment = read_assessment(value, version)?;
    Ok(Imported {
        assessment,
        digest,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
        kind,
        exported_at,
    })
}

fn not_json(e: serde_json::Error) -> ImportError {
    let full = e.to_string();
    // serde_json ends its message with " at line L column C"; we say that ourselves.
    let reason = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: plain_reason(&reason),
        truncated: e.is_eof(),
    }
}

fn check_digest(envelope: &Map<String, Value>, assessment: &Value) -> DigestCheck {
    let Some(digest) = envelope.get("digest") else {
        return DigestCheck::Missing;
    };
    let algorithm = digest.get("algorithm").and_then(Value::as_str);
    let value = digest.get("value").and_then(Value::as_str);
    match (algorithm, value) {
        (Some(ALGORITHM), Some(v)) if v.eq_ignore_ascii_case(&digest_hex(assessment)) => {
            DigestCheck::Matches
        }
        _ => DigestCheck::Mismatch,
    }
}

/// Migrates and reads the assessment. `read_assessment` names the field for answers;
/// for anything else, the value is read again with its path tracked to name the field.
fn read_assessment(value: Value, version: u32) -> Result<Assessment, ImportError> {
    let copy = value.clone();
    schema::read_assessment(value, version).map_err(|e| match e {
        SchemaError::Shape { path, reason } if path.is_empty() => {
            locate(copy, version).unwrap_or_else(|| shape(&path, &reason))
        }
        other => other.into(),
    })
}

/// The shape error with the path of the field at fault, found by reading each part of
/// the assessment on its own (with the deserialisers the model already has).
fn locate(value: Value, version: u32) -> Option<ImportError> {
    let migrated = schema::migrate(value, version).ok()?;
    if let Some((path, reason)) = faulty_field(&migrated) {
        // The answers name their own question: "answers.purpose.why: expected text".
        if let Some((inner, rest)) = reason.split_once(": ") {
            if inner.starts_with(path.as_str()) && !inner.contains(' ') {
                return Some(shape(inner, rest));
            }
        }
        return Some(shape(&path, &reason));
    }
    // A missing or unknown field of the assessment itself: serde names it.
    let err = serde_json::from_value::<Assessment>(migrated).err()?;
    Some(shape("", &err.to_string()))
}

/// Why `value` does not read as a `T`, if it does not.
fn misfit<T: serde::de::DeserializeOwned>(value: &Value) -> Option<String> {
    serde_json::from_value::<T>(value.clone())
        .err()
        .map(|e| e.to_string())
}

/// The first field of the assessment that does not read, with serde's reason.
fn faulty_field(assessment: &Value) -> Option<(String, String)> {
    let Value::Object(fields) = assessment else {
        return None;
    };
    for (key, value) in fields {
        let found = match key.as_str() {
            "id" => misfit::<String>(value).map(|r| (key.clone(), r)),
            "version" => misfit::<u32>(value).map(|r| (key.clone(), r)),
            "status" => misfit::<Status>(value).map(|r| (key.clone(), r)),
            "review_of" => misfit::<Option<String>>(value).map(|r| (key.clone(), r)),
            "answers" => misfit::<Answers>(value).map(|r| (key.clone(), r)),
            "impacts" => in_list::<Impact>(key, value, impact_field),
            "review_log" => in_list::<ReviewEntry>(key, value, review_field),
            _ => None, // an unknown field: the whole-assessment error names it
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The first item of a list (and field of it) that does not read.
fn in_list<T: serde::de::DeserializeOwned>(
    name: &str,
    list: &Value,
    field: fn(&str, &Value) -> Option<String>,
) -> Option<(String, String)> {
    let Value::Array(items) = list else {
        return misfit::<Vec<T>>(list).map(|r| (name.to_string(), r));
    };
    for (i, item) in items.iter().enumerate() {
        let path = format!("{name}[{i}]");
        if let Value::Object(fields) = item {
            for (key, value) in fields {
                if let Some(reason) = field(key, value) {
                    return Some((format!("{path}.{key}"), reason));
                }
            }
        }
        // A missing or unknown field, or not an object: serde names it.
        if let Some(reason) = misfit::<T>(item) {
            return Some((path, reason));
        }
    }
    None
}

/// Why one field of a review log entry does not read.
fn review_field(key: &str, value: &Value) -> Option<String> {
    match key {
        "date" | "note" => misfit::<String>(value),
        _ => None,
    }
}

/// Why one field of an impact does not read (unknown fields are left to `in_list`).
fn impact_field(key: &str, value: &Value) -> Option<String> {
    match key {
        "id" => misfit::<u32>(value),
        "description" | "safeguards" => misfit::<String>(value),
        "likelihood" | "residual_likelihood" => misfit::<Option<Likelihood>>(value),
        "severity" | "residual_severity" => misfit::<Option<HarmSeverity>>(value),
        _ => None,
    }
}

/// The text of the report's `<script type="application/json" id="lia-assessment">`
/// element: the first script element whose id is ours.
fn embedded_json(html: &str) -> Option<&str> {
    // ASCII lower-casing keeps every byte offset, so positions carry over to `html`.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found + "<script".len();
        let tag_end = start + lower[start..].find('>')?;
        let content_end = tag_end + 1 + lower[tag_end + 1..].find("</script")?;
        let is_script_tag =
            lower[start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
        if is_script_tag && has_our_id(&html[start..tag_end]) {
            return Some(&html[tag_end + 1..content_end]);
        }
        from = content_end;
    }
    None
}

/// Whether a start tag's attributes (the text after its name) include `id="lia-assessment"`,
/// quoted either way or not at all.
fn has_our_id(attributes: &str) -> bool {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return false;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], &body[(end + 1).min(body.len())..])
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v;
            rest = next;
        }
        if name.eq_ignore_ascii_case("id") && value == SCRIPT_ID {
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_our_script_however_its_attributes_are_written() {
        for html in [
            "<script type=\"application/json\" id=\"lia-assessment\">{}</script>",
            "<SCRIPT id='lia-assessment' type='application/json'>{}</SCRIPT >",
            "<script\nid=lia-assessment>{}</script>",
            "<p><script>var a = 1;</script><script id=\"lia-assessment\">{}</script>",
        ] {
            assert_eq!(embedded_json(html), Some("{}"), "{html}");
        }
        for html in [
            "<script data-id=\"lia-assessment\">{}</script>",
            "<script id=\"lia-assessment-old\">{}</script>",
            "<scripts id=\"lia-assessment\">{}</scripts>",
            "<script id=\"lia-assessment\">{}",
            "<script id=\"lia-assessment\"",
            "<p id=\"lia-assessment\">{}</p>",
        ] {
            assert_eq!(embedded_json(html), None, "{html}");
        }
    }

    #[test]
    fn attribute_parsing_survives_odd_tags() {
        for attributes in ["", " =", " id=", " id='", " \"", "/ / id", " a=\"x' id=lia"] {
            assert!(!has_our_id(attributes), "{attributes}");
        }
    }
}
