//! The register as CSV (RFC 4180): a header line, one line per assessment (its latest
//! copy), or per copy when every version is asked for; fields separated by commas, lines
//! ended by CRLF, a field quoted (its quotes doubled) when it holds a comma, a quote or a
//! line break. Each line has the assessment's id and the files it was read from, so
//! lines that look alike can be told apart. Control characters are taken out of every
//! field (a tab becomes a space), and a field whose first character after any spaces is
//! `=`, `+`, `-` or `@` is neutralised with a leading apostrophe, so a spreadsheet shows
//! it as text and never runs it as a formula. The file starts with a UTF-8 byte order
//! mark so spreadsheets read names with accents correctly.

use super::group::{CopyKind, Group};
use super::{digest_label, reading_short, Column, Register, Row};

/// The columns after the register's own.
const MORE: [&str; 6] = [
    "Review flag",
    "Id",
    "Files",
    "Digest",
    "Copy",
    "Organisation's settings",
];

/// The header, then each group of `order` (indexes into `groups`): its latest copy, or
/// with `every_version` each of its copies, latest first.
pub fn to_csv(
    register: &Register,
    groups: &[Group],
    order: &[usize],
    every_version: bool,
) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = Column::ALL
        .iter()
        .map(|c| c.label())
        .chain(MORE)
        .map(String::from)
        .collect();
    line(&mut out, header.into_iter());
    for &g in order {
        let group = &groups[g];
        for (m, member) in group.members.iter().enumerate() {
            if m > 0 && !every_version {
                break;
            }
            let entry = &register.entries()[member.entries[0]];
            let copy = match group.kind(m) {
                CopyKind::InConflict => "Conflict: another copy at the same point differs",
                CopyKind::Latest => "Latest",
                CopyKind::Superseded => "Superseded",
            };
            let cells = cells(&entry.row).chain([
                entry.row.id.clone(),
                register.files(member).join("; "),
                digest_label(&entry.imported.digest, entry.saved).to_string(),
                copy.to_string(),
                entry.row.settings.clone().unwrap_or_default(),
            ]);
            line(&mut out, cells);
        }
    }
    out
}

/// A row's cells, in header order: dates as `yyyy-mm-dd`, counts as numbers; the status
/// as the register shows it ("Changed after approval" when the approval no longer
/// covers the content).
fn cells(row: &Row) -> impl Iterator<Item = String> {
    [
        row.title.clone(),
        row.organisation.clone(),
        row.standing.label().to_string(),
        row.version.to_string(),
        row.decision.unwrap_or("").to_string(),
        reading_short(row.reading).to_string(),
        row.blockers.to_string(),
        row.warnings.to_string(),
        row.approver.clone(),
        row.approved_on
            .map_or_else(|| row.approved_text.clone(), |d| d.to_string()),
        row.review_due.map(|d| d.to_string()).unwrap_or_default(),
        row.due.flag().to_string(),
    ]
    .into_iter()
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// The field without control characters: a tab becomes a space, every line break a line
/// feed, anything else of the kind is taken out.
pub fn cleaned(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a spreadsheet could take the (cleaned) field for a formula: its first
/// character after any spaces starts one.
pub fn needs_neutralising(field: &str) -> bool {
    field
        .trim_start_matches([' ', '\n'])
        .starts_with(['=', '+', '-', '@'])
}

/// One field: cleaned, neutralised if needed, then quoted if needed.
pub fn push_field(out: &mut String, field: &str) {
    let mut field = cleaned(field);
    if needs_neutralising(&field) {
        field.insert(0, '\'');
    }
    if field.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&field);
    }
}
