//! Why a file could not be imported, in words a user can act on.

use crate::assessment::schema::{SchemaError, SCHEMA_VERSION};
use crate::assessment::shape::{Path, ShapeError};

use super::html_scan::{Encoding, HiddenPlace, UnclearMarkup};
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
    /// Not JSON (and not an HTML report). `line` and `column` are 1-based, as
    /// serde_json counts them; `found` is the character there, read from the file.
    NotJson {
        line: usize,
        column: usize,
        found: Option<char>,
        /// The text stops before the JSON is complete.
        truncated: bool,
    },
    /// Lists and objects nested inside one another deeper than can be read, from the one
    /// at `line` and `column`.
    TooDeep { line: usize, column: usize },
    /// A `\uXXXX` escape for half a character (a surrogate without its other half), as
    /// written in the file, and where.
    HalfCharacter {
        line: usize,
        column: usize,
        escape: String,
    },
    /// An object in the JSON with the same key twice (serde_json would keep the last);
    /// the path ends with that key (e.g. `assessment.answers.purpose.why`).
    DuplicateKey { path: Path },
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
    /// The assessment does not have the right shape: its path names the field inside it
    /// (e.g. `impacts[0].likelihood`), empty for the assessment as a whole.
    Shape(ShapeError),
    /// Saved by a newer version of the tool.
    Future { version: u32 },
    /// A format version no release has written.
    UnknownVersion { version: u32 },
    /// An older format that could not be brought up to date.
    Migration { from: u32, reason: String },
    /// An HTML file without our embedded copy of the assessment.
    NoEmbeddedAssessment,
    /// An HTML file with more than one copy of an assessment where a browser reads them.
    SeveralEmbedded { copies: usize },
    /// An HTML file with a copy of an assessment (or an `id="lia-assessment"`) where a
    /// browser would not read it: `place` is the first such, of `hidden`, of `copies` in
    /// all (counting those a browser reads).
    HiddenEmbedded {
        place: HiddenPlace,
        hidden: usize,
        copies: usize,
    },
    /// An HTML file with one copy, but with markup that a browser may build (or decode) in
    /// a way the import does not follow, so it may not be the copy a browser reads.
    UnclearReport(UnclearMarkup),
    /// An HTML file a browser might show in another character encoding than UTF-8.
    Encoding(Encoding),
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
                truncated: true,
                ..
            } => format!(
                "The file is not valid JSON: it stops at line {line}, column {column}, before \
                 the data is complete. It may have been cut short while being saved or \
                 copied: export it again if you can."
            ),
            ImportError::NotJson {
                line,
                column,
                found,
                truncated: false,
            } => format!(
                "The file is not valid JSON: there is a mistake at line {line}, column \
                 {column}{}. If the file was edited by hand, correct that line; otherwise \
                 export it again.",
                found.map(unexpected).unwrap_or_default()
            ),
            ImportError::TooDeep { line, column } => format!(
                "The file cannot be read: its lists and objects are nested too deeply, more \
                 than {} inside one another (from line {line}, column {column}). Exports from \
                 this tool never are.",
                crate::assessment::strict_json::MAX_DEPTH
            ),
            ImportError::HalfCharacter {
                line,
                column,
                escape,
            } => format!(
                "The file is not valid JSON: at line {line}, column {column} there is an \
                 escape for half a character ({}), which stands for nothing on its own. \
                 Export the file again if you can.",
                shorten(escape)
            ),
            ImportError::DuplicateKey { path } => format!(
                "The file has the field \"{path}\" twice, so it is not clear which is meant. \
                 It may have been edited or tampered with, so it has not been imported: \
                 export it again if you can."
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
            ImportError::Shape(e) => format!(
                "The assessment in the file cannot be read: {e}. It may have been edited: \
                 export it again if you can."
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
            ImportError::SeveralEmbedded { copies } => format!(
                "This HTML file has {copies} copies of an assessment in it. A report saved \
                 from this tool has exactly one, so it is not clear which is meant. \
                 {TAMPERED}"
            ),
            ImportError::HiddenEmbedded {
                place, copies: 1, ..
            } => format!(
                "This HTML file has a copy of an assessment in it, but not where a browser \
                 would read it: it is {}. {TAMPERED}",
                place.describe()
            ),
            ImportError::HiddenEmbedded {
                place,
                hidden,
                copies,
            } => {
                let which = match hidden {
                    1 => "one of them is where a browser would not read it: it is".to_string(),
                    n => {
                        format!("{n} of them are where a browser would not read them: the first is")
                    }
                };
                format!(
                    "This HTML file has {copies} copies of an assessment in it (or what look \
                     like them), and {which} {}. A report saved from this tool has exactly \
                     one, so it is not clear which is meant. {TAMPERED}",
                    place.describe()
                )
            }
            ImportError::UnclearReport(markup) => format!(
                "This HTML file has markup that this tool cannot follow for certain ({}), so \
                 it cannot be sure that the copy of the assessment it found is the one a \
                 browser would read. Reports saved from this tool never have it. {TAMPERED}",
                markup.describe()
            ),
            ImportError::Encoding(Encoding::Xml(label)) => format!(
                "This HTML report starts by saying it is in the character encoding “{}”, \
                 not UTF-8. {ENCODING}",
                shorten(label)
            ),
            ImportError::Encoding(Encoding::Undeclared) => format!(
                "This HTML report does not say near its start that it is in UTF-8, and it \
                 has characters beyond plain ASCII. {ENCODING}"
            ),
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
            SchemaError::Shape(e) => ImportError::Shape(e),
        }
    }
}

/// The end of every refusal of an HTML file whose copies do not add up.
const TAMPERED: &str = "The file may have been tampered with, so it has not been imported: \
                        export the report again from the tool that made it, if you can.";

/// The end of every refusal of a report a browser may show in another encoding.
const ENCODING: &str = "A browser may show its text differently from the copy of the \
                        assessment this tool would read. Reports saved from this tool are in \
                        UTF-8 and say so: export the report again, or import the JSON export.";

/// " ("o" is not expected there)": the character a JSON mistake was found at.
fn unexpected(c: char) -> String {
    let what = match c {
        '\n' | '\r' => "a line break".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control() => "a control character".to_string(),
        c => format!("\"{c}\""),
    };
    format!(" ({what} is not expected there)")
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
    fn a_json_mistake_names_the_character_found() {
        let at = |found| ImportError::NotJson {
            line: 3,
            column: 3,
            found,
            truncated: false,
        };
        assert!(at(Some('o'))
            .message()
            .contains("at line 3, column 3 (\"o\" is not expected there)."));
        assert!(at(Some('\n'))
            .message()
            .contains("column 3 (a line break is not expected there)."));
        assert!(at(Some('\u{1}'))
            .message()
            .contains("column 3 (a control character is not expected there)."));
        assert!(at(None).message().contains("at line 3, column 3. If"));
    }

    #[test]
    fn long_reasons_are_shortened() {
        let long = "x".repeat(1000);
        assert_eq!(shorten(&long).chars().count(), 301);
        assert_eq!(shorten("short"), "short");
    }
}
