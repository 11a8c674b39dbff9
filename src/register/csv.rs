//! The register as CSV (RFC 4180): a header line, one line per row, fields separated
//! by commas, lines ended by CRLF, a field quoted (its quotes doubled) when it holds a
//! comma, a quote, a CR or a LF. A field beginning with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is neutralised with a leading apostrophe, so a spreadsheet shows it
//! as text and never runs it as a formula. The file starts with a UTF-8 byte order mark
//! so spreadsheets read names with accents correctly.

use super::{reading_short, Column, Row};

/// The header, then each row in the order given.
pub fn to_csv<'a>(rows: impl IntoIterator<Item = &'a Row>) -> String {
    let mut out = String::from("\u{feff}");
    let mut header: Vec<&str> = Column::ALL.iter().map(|c| c.label()).collect();
    header.push("Review flag");
    line(&mut out, header.iter().map(|h| h.to_string()));
    for row in rows {
        line(&mut out, cells(row));
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

/// Whether a spreadsheet could take the field for a formula.
pub fn needs_neutralising(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One field: neutralised if needed, then quoted if needed.
pub fn push_field(out: &mut String, field: &str) {
    let neutral;
    let field = if needs_neutralising(field) {
        neutral = format!("'{field}");
        neutral.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}
