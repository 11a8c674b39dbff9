//! Why a file could not be imported, in words a user can act on.

use crate::assessment::schema::{SchemaError, SCHEMA_VERSION};

use super::{FORMAT, MAX_IMPORT_BYTES};

/// Why `import` refused a file. `message()` says it in plain UK English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes at all, or only white space.
    Empty,
    /// Over `MAX_IMPORT_BYTES`.
    TooLarge { bytes: usize },
    /// Not UTF-8 text; `offset` is the first byte that is not.
    NotUtf8 { offset: usize },
    /// Not JSON (and not an HTML report). `line` and `column` are 1-based.
    NotJson {
        line: usize,
        column: usize,
        reason: String,
        /// The text stops before the JSON is complete.
        truncated: bool,
    },
    /// JSON, but not one of our exports: `found` is its `format`, if it has one.
    NotAnExport {
        found: Option<String>,
        /// It looks like a bare assessment (an `id` and `answers` without the envelope).
        bare_assessment: bool,
    },
    /// An export without one of the fields every export has.
    MissingField(&'static str),
    /// A field of the envelope with the wrong type; `expected` is in plain words.
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    /// The assessment does not have the right shape; `path` names the field inside it
    /// (e.g. `impacts[0].likelihood`), empty for the assessment as a whole.
    Shape { path: String, reason: String },
    /// Saved by a newer version of the tool.
    Future { version: u32 },
    /// A format version no release has written.
    UnknownVersion { version: u32 },
    /// An older format that could not be brought up to date.
    Migration { from: u32, reason: String },
    /// An HTML file without our embedded copy of the assessment.
    NoEmbeddedAssessment,
    /// An HTML report whose embedded copy cannot be read, and why.
    InReport(Box<ImportError>),
}

impl ImportError {
    /// What is wrong and what to do, for the user.
    pub fn message(&self) -> String {
        match self {
            ImportError::Empty => "The file is empty. Choose a JSON export or an HTML report \
                                   saved from this tool."
                .to_string(),
            ImportError::TooLarge { bytes } => format!(
                "The file is too large to import: it is {} ({} bytes) and the limit is {} \
                 ({} bytes). Exports from this tool are much smaller, so check you chose the \
                 right file.",
                megabytes(*bytes),
                thousands(*bytes),
                megabytes(MAX_IMPORT_BYTES),
                thousands(MAX_IMPORT_BYTES)
            ),
            ImportError::NotUtf8 { offset } => format!(
                "The file is not a text file this tool can read: it is not UTF-8 text (the \
                 first unreadable byte is byte {} of the file). Choose a JSON export or an \
                 HTML report saved from this tool.",
                thousands(offset + 1)
            ),
            ImportError::NotJson {
                line,
                column,
                reason,
                truncated: true,
            } => format!(
                "The file is not valid JSON: it stops at line {line}, column {column}, before \
                 the data is complete ({reason}). It may have been cut short while being saved \
                 or copied: export it again if you can."
            ),
            ImportError::NotJson {
                line,
                column,
                reason,
                truncated: false,
            } => format!(
                "The file is not valid JSON: there is a mistake at line {line}, column \
                 {column} ({reason}). If the file was edited by hand, correct that line; \
                 otherwise export it again."
            ),
            ImportError::NotAnExport {
                bare_assessment: true,
                ..
            } => format!(
                "The file holds an assessment but not the export details around it (it has \
                 no \"format\": \"{FORMAT}\"). Use the \"Export\" button of this tool to \
                 make a file that can be imported."
            ),
            ImportError::NotAnExport { found: Some(f), .. } => format!(
                "The file is JSON, but not an assessment exported from this tool: its format \
                 is \"{}\", not \"{FORMAT}\".",
                shorten(f)
            ),
            ImportError::NotAnExport { found: None, .. } => format!(
                "The file is JSON, but not an assessment exported from this tool (it has no \
                 \"format\": \"{FORMAT}\")."
            ),
            ImportError::MissingField(field) => format!(
                "The file says it is an assessment export, but it has no \"{field}\" field, \
                 so it cannot be imported. It may have been edited or cut short: export it \
                 again if you can."
            ),
            ImportError::WrongType { field, expected } => format!(
                "The file's \"{field}\" field is not right: it should be {expected}. It may \
                 have been edited: export it again if you can."
            ),
            ImportError::Shape { path, reason } if path.is_empty() => format!(
                "The assessment in the file cannot be read: {}. It may have been edited: \
                 export it again if you can.",
                shorten(reason)
            ),
            ImportError::Shape { path, reason } if reason == MISSING => format!(
                "The assessment in the file cannot be read: the field \"{}\" is missing. It \
                 may have been edited: export it again if you can.",
                shorten(path)
            ),
            ImportError::Shape { path, reason } => format!(
                "The assessment in the file cannot be read: the field \"{}\" is not right: \
                 {}. It may have been edited: export it again if you can.",
                shorten(path),
                shorten(reason)
            ),
            ImportError::Future { version } => format!(
                "This file was saved by a newer version of this tool (format version \
                 {version}; this version reads up to {SCHEMA_VERSION}). Open it with the \
                 newer version, or update this one."
            ),
            ImportError::UnknownVersion { version } => format!(
                "The file says it is in format version {version}, which no version of this \
                 tool has written, so it cannot be imported."
            ),
            ImportError::Migration { from, reason } => format!(
                "The file is in an older format (version {from}) and could not be brought up \
                 to date: {}.",
                shorten(reason)
            ),
            ImportError::NoEmbeddedAssessment => "This HTML file has no assessment in it. Only \
                                                  reports saved from this tool can be imported: \
                                                  they carry a copy of the assessment."
                .to_string(),
            ImportError::InReport(inner) => format!(
                "This HTML report carries a copy of an assessment, but it cannot be read. {}",
                inner.message()
            ),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

impl From<SchemaError> for ImportError {
    fn from(e: SchemaError) -> ImportError {
        match e {
            SchemaError::Future(version) => ImportError::Future { version },
            SchemaError::Unknown(version) => ImportError::UnknownVersion { version },
            SchemaError::Migration { from, reason } => ImportError::Migration { from, reason },
            SchemaError::Shape { path, reason } => shape(&path, &reason),
        }
    }
}

/// The reason given for a field that is not there.
const MISSING: &str = "it is missing";

/// The shape error for the field at `path` (dotted, e.g. `impacts[0].likelihood`), with
/// serde's wording made plain: a missing or unknown field, or an unknown question, is
/// named in the path itself; types are said in words.
pub(super) fn shape(path: &str, reason: &str) -> ImportError {
    let join = |name: &str| match path {
        "" => name.to_string(),
        p => format!("{p}.{name}"),
    };
    let (path, reason) = if let Some(name) = quoted_after(reason, "missing field ") {
        (join(&name), MISSING.to_string())
    } else if let Some(name) = quoted_after(reason, "unknown field ") {
        let fields = reason
            .split_once(", expected ")
            .map(|(_, e)| plain_list(e.strip_prefix("one of ").unwrap_or(e), "and"));
        let path = if path.ends_with(&name) {
            path.to_string()
        } else {
            join(&name)
        };
        match fields {
            Some(f) => (
                path,
                format!("there is no such field (the fields here are {f})"),
            ),
            None => (path, "there is no such field".to_string()),
        }
    } else if let Some(key) = quoted_after(reason, "unknown question ") {
        (join(&key), "there is no question with this key".to_string())
    } else {
        (path.to_string(), plain_reason(reason))
    };
    ImportError::Shape { path, reason }
}

/// The name in `` `name` `` or `"name"` right after `prefix`, if the reason starts so.
fn quoted_after(reason: &str, prefix: &str) -> Option<String> {
    let rest = reason.strip_prefix(prefix)?;
    let quote = rest.chars().next().filter(|c| *c == '`' || *c == '"')?;
    let body = &rest[1..];
    body.find(quote).map(|end| body[..end].to_string())
}

/// serde's wording for a value of the wrong type or an unknown option, in plain words.
pub(super) fn plain_reason(reason: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = reason
            .strip_prefix(prefix)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            return format!(
                "it is {}, but should be {}",
                found_value(found),
                expected_value(expected)
            );
        }
    }
    if let Some((variant, expected)) = reason
        .strip_prefix("unknown variant ")
        .and_then(|r| r.split_once(", expected "))
    {
        let options = expected.strip_prefix("one of ").unwrap_or(expected);
        return format!(
            "{} is not one of {}",
            quotes(variant),
            plain_list(options, "or")
        );
    }
    // The answers' own wording: "expected text", "expected one option key".
    if let Some(expected) = reason.strip_prefix("expected ") {
        return format!("it should be {expected}");
    }
    quotes(reason)
}

fn found_value(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(n) = value("integer ").or_else(|| value("floating point ")) {
        format!("the number {n}")
    } else if let Some(b) = value("boolean ") {
        b.to_string()
    } else if let Some(t) = found.strip_prefix("string ") {
        format!("the text {t}")
    } else {
        match found {
            "null" | "unit value" => "null".to_string(),
            "map" => "an object".to_string(),
            "sequence" => "a list".to_string(),
            other => quotes(other),
        }
    }
}

fn expected_value(expected: &str) -> String {
    match expected {
        "u32" | "u64" | "usize" => "a whole number".to_string(),
        "a string" => "text".to_string(),
        "a sequence" => "a list".to_string(),
        "a map" => "an object".to_string(),
        "a boolean" => "true or false".to_string(),
        e if e.starts_with("struct ") => "an object".to_string(),
        e if e.starts_with("one of ") => format!("one of {}", plain_list(&e[7..], "or")),
        e => quotes(e),
    }
}

/// `` `a`, `b`, `c` `` → `"a", "b" or "c"` (or `and`); serde writes two as `` `a` or `b` ``.
fn plain_list(list: &str, conjunction: &str) -> String {
    let items: Vec<String> = list
        .split(", ")
        .flat_map(|i| i.split(" or "))
        .map(quotes)
        .collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        _ => items.concat(),
    }
}

/// Backticks (serde's quotes) as double quotes.
fn quotes(text: &str) -> String {
    text.replace('`', "\"")
}

/// Keeps a message readable when a file holds very long text where a word was expected.
fn shorten(text: &str) -> String {
    const MAX: usize = 300;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Bytes as megabytes (MB of 1,048,576 bytes, as the limit is), one decimal place.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// 5242880 → "5,242,880".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(thousands(5_242_880), "5,242,880");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(megabytes(5 * 1024 * 1024), "5 MB");
        assert_eq!(megabytes(7 * 1024 * 1024 + 300_000), "7.3 MB");
    }

    #[test]
    fn serde_wording_is_made_plain() {
        for (path, reason, want_path, want) in [
            ("", "missing field `id`", "id", "it is missing"),
            (
                "review_log[0]",
                "missing field `note`",
                "review_log[0].note",
                "it is missing",
            ),
            (
                "impacts[0].colour",
                "unknown field `colour`, expected `id` or `description`",
                "impacts[0].colour",
                "there is no such field (the fields here are \"id\" and \"description\")",
            ),
            (
                "answers",
                "unknown question \"no.such\"",
                "answers.no.such",
                "there is no question with this key",
            ),
            (
                "id",
                "invalid type: integer `7`, expected a string",
                "id",
                "it is the number 7, but should be text",
            ),
            (
                "version",
                "invalid value: integer `-3`, expected u32",
                "version",
                "it is the number -3, but should be a whole number",
            ),
            (
                "",
                "invalid type: string \"x\", expected struct Assessment",
                "",
                "it is the text \"x\", but should be an object",
            ),
            (
                "status",
                "unknown variant `signed`, expected `draft` or `approved`",
                "status",
                "\"signed\" is not one of \"draft\" or \"approved\"",
            ),
            (
                "impacts[0].likelihood",
                "unknown variant `often`, expected one of `remote`, `possible`, `probable`",
                "impacts[0].likelihood",
                "\"often\" is not one of \"remote\", \"possible\" or \"probable\"",
            ),
            (
                "answers.purpose.why",
                "expected text",
                "answers.purpose.why",
                "it should be text",
            ),
        ] {
            assert_eq!(
                shape(path, reason),
                ImportError::Shape {
                    path: want_path.into(),
                    reason: want.into()
                },
                "{reason}"
            );
        }
    }

    #[test]
    fn long_reasons_are_shortened() {
        let long = "x".repeat(1000);
        assert_eq!(shorten(&long).chars().count(), 301);
        assert_eq!(shorten("short"), "short");
    }
}
