//! Reading a JSON export or an HTML report back into an assessment. Every way a file
//! can be wrong ends in a specific `ImportError`; nothing here panics on any input.

use crate::json::{Map, Value};

use crate::assessment::schema::{self, SCHEMA_VERSION};
use crate::assessment::Assessment;

use super::error::ImportError;
use super::html_scan::{self, Problem};
use super::{FORMAT, MAX_IMPORT_BYTES};
use crate::assessment::canonical::{digest_hex, ALGORITHM};
use crate::assessment::strict_json;

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
    import_with_digest(bytes).map(|(imported, _)| imported)
}

/// `import`, with the digest of the assessment when the file's digest matched and it
/// needed no migration: then it is the `assessment_digest` of what was imported, and
/// the register need not work it out again. (Whatever the file, two files give the same
/// digest here only if their assessments are the same.)
pub fn import_with_digest(bytes: &[u8]) -> Result<(Imported, Option<String>), ImportError> {
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
        let json = html_scan::embedded_json(text, bytes.starts_with(b"\xEF\xBB\xBF")).map_err(
            |problem| match problem {
                Problem::None => ImportError::NoEmbeddedAssessment,
                Problem::Several { copies } => ImportError::SeveralEmbedded { copies },
                Problem::Hidden {
                    place,
                    hidden,
                    copies,
                } => ImportError::HiddenEmbedded {
                    place,
                    hidden,
                    copies,
                },
                Problem::Unclear(markup) => ImportError::UnclearReport(markup),
                Problem::Encoding(encoding) => ImportError::Encoding(encoding),
            },
        )?;
        read_export(json, FileKind::Html).map_err(|e| ImportError::InReport(Box::new(e)))
    } else {
        read_export(text, FileKind::Json)
    }
}

/// Reads the JSON envelope of an export (refusing a key given twice at any depth).
fn read_export(text: &str, kind: FileKind) -> Result<(Imported, Option<String>), ImportError> {
    let value = strict_json::from_str(text).map_err(|e| match e {
        strict_json::Error::Json(e) => not_json(text, &e),
        strict_json::Error::DuplicateKey(path) => ImportError::DuplicateKey { path },
        strict_json::Error::TooDeep { line, column } => ImportError::TooDeep { line, column },
        strict_json::Error::HalfCharacter {
            line,
            column,
            escape,
        } => ImportError::HalfCharacter {
            line,
            column,
            escape,
        },
    })?;
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
    // Written into the assessment's log on import, so only in the form exports have.
    let exported_at = match envelope.get("exported_at") {
        None => None,
        Some(Value::String(at)) if is_timestamp(at) => Some(at.clone()),
        Some(_) => {
            return Err(ImportError::WrongType {
                field: "exported_at",
                expected: "a date and time as exports write it (2026-11-26T10:00:00Z)",
            })
        }
    };
    let value = envelope
        .remove("assessment")
        .ok_or(ImportError::MissingField("assessment"))?;
    // Checked on the assessment exactly as it is in the file, before any migration.
    let (digest, hex) = check_digest(&envelope, &value);
    let assessment = schema::read_assessment(value, version)?;
    let migrated_from = (version < SCHEMA_VERSION).then_some(version);
    let hex = hex.filter(|_| migrated_from.is_none());
    Ok((
        Imported {
            assessment,
            digest,
            migrated_from,
            kind,
            exported_at,
        },
        hex,
    ))
}

/// Whether `at` has the form the schema gives `exported_at` (`TIMESTAMP_PATTERN`):
/// `yyyy-mm-ddThh:mm:ss`, optional fractions of a second, then `Z`.
fn is_timestamp(at: &str) -> bool {
    let b = at.as_bytes();
    if b.len() < 20 {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let fixed = [(0..4), (5..7), (8..10), (11..13), (14..16), (17..19)]
        .into_iter()
        .all(digits)
        && [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')]
            .iter()
            .all(|&(i, c)| b[i] == c);
    let rest = &b[19..b.len() - 1];
    let fraction = rest.is_empty()
        || (rest.len() > 1 && rest[0] == b'.' && rest[1..].iter().all(u8::is_ascii_digit));
    fixed && fraction && b.last() == Some(&b'Z')
}

/// Where the text stops being JSON (as serde_json counts it), and the character there,
/// taken from the text itself.
fn not_json(text: &str, e: &strict_json::Syntax) -> ImportError {
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        found: char_at(text, e.line(), e.column()),
        truncated: e.is_eof(),
    }
}

/// The character at `line` and `column` as serde_json counts them: both from 1, the
/// column in bytes; column 0 is the line break that ends the line before.
fn char_at(text: &str, line: usize, column: usize) -> Option<char> {
    let mut lines = text.split('\n');
    let this_line = lines.nth(line.checked_sub(1)?)?;
    let Some(byte) = column.checked_sub(1) else {
        return (line > 1).then_some('\n');
    };
    if byte >= this_line.len() {
        return lines.next().map(|_| '\n');
    }
    // The character that holds that byte, should it be inside one of several bytes.
    this_line
        .char_indices()
        .take_while(|(i, _)| *i <= byte)
        .last()
        .map(|(_, c)| c)
}

/// Whether the file's digest is its assessment's, and (when it is) that digest.
fn check_digest(
    envelope: &Map<String, Value>,
    assessment: &Value,
) -> (DigestCheck, Option<String>) {
    let Some(digest) = envelope.get("digest") else {
        return (DigestCheck::Missing, None);
    };
    let algorithm = digest.get("algorithm").and_then(Value::as_str);
    let value = digest.get("value").and_then(Value::as_str);
    match (algorithm, value) {
        (Some(ALGORITHM), Some(v)) => {
            let hex = digest_hex(assessment);
            if v.eq_ignore_ascii_case(&hex) {
                (DigestCheck::Matches, Some(hex))
            } else {
                (DigestCheck::Mismatch, None)
            }
        }
        _ => (DigestCheck::Mismatch, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_the_form_of_the_schema() {
        for good in [
            "2026-11-26T10:00:00Z",
            "2026-11-26T10:00:00.123Z",
            "0000-00-00T00:00:00.1Z",
        ] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "",
            "2026-11-26",
            "2026-11-26T10:00:00",
            "2026-11-26T10:00:00.Z",
            "2026-11-26 10:00:00Z",
            "2026-11-26T10:00:00+00:00",
            "2026-11-26T10:00:00Z, approved by the DPO",
            "٢٠٢٦-11-26T10:00:00Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn a_json_mistake_is_described_by_the_character_in_the_text() {
        for (text, line, column, found) in [
            ("{\n  \"format\": 1,\n  oops\n}", 3, 3, Some('o')),
            ("Dear colleague", 1, 1, Some('D')),
            ("{\"a\": \"é\" x}", 1, 12, Some('x')),
            ("[\"café\", ü]", 1, 11, Some('ü')),
            ("{\"a\": \"line\nbreak\"}", 2, 0, Some('\n')),
            ("[1,]", 1, 4, Some(']')),
            ("{\"a\": 1} }", 1, 10, Some('}')),
        ] {
            let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!((e.line(), e.column()), (line, column), "{text:?}");
            let Err(strict_json::Error::Json(e)) = strict_json::from_str(text) else {
                panic!("{text:?}");
            };
            assert_eq!(
                not_json(text, &e),
                ImportError::NotJson {
                    line,
                    column,
                    found,
                    truncated: false
                },
                "{text:?}"
            );
        }
        let Err(strict_json::Error::Json(e)) = strict_json::from_str("{\"a\": [1, 2") else {
            panic!();
        };
        assert!(matches!(
            not_json("{\"a\": [1, 2", &e),
            ImportError::NotJson {
                truncated: true,
                ..
            }
        ));
        // Positions outside the text give no character, and never panic.
        for (line, column) in [(0, 0), (0, 5), (9, 1), (1, 99), (2, 0)] {
            assert_eq!(char_at("ab", line, column), None, "{line}:{column}");
        }
        assert_eq!(char_at("ab\ncd", 1, 3), Some('\n'));
    }
}
