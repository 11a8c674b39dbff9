//! The register as a printable web page: one self-contained file with the table as
//! shown (one row per assessment, in the same order, with the same flags; its earlier
//! copies listed as superseded in its row; a record changed after its approval, a copy
//! whose digest does not match and two copies that conflict each with their warning),
//! written with the HTML report's own pieces (its page head and policy, its tables,
//! paragraphs and banners, all escaped there): nothing may load or run, only its own
//! stylesheet, named by its hash, applies.

use super::group::Group;
use super::{
    changed_after_approval, digest_warning, reading_short, Column, Due, Register, Row, Standing,
};
use crate::assessment::Date;
use crate::csp::{hash_source, render, CSS_HASH, REPORT};
use crate::export::{html_render, page_head};
use crate::report::{looked, plain, span, Block, Cell, Item, Line, Look, Table, Tone};

/// The page's only stylesheet (screen and print, landscape).
pub const CSS: &str =
    "body{font-family:Arial,sans-serif;color:#0b0c0c;margin:1.5rem;line-height:1.4}\
h1{font-size:1.6rem;margin:0 0 .5rem}\
table{border-collapse:collapse;width:100%;font-size:.85rem}\
th,td{border-bottom:1px solid #b1b4b6;padding:.35rem .4rem;text-align:left;vertical-align:top}\
thead th{border-bottom:2px solid #0b0c0c}\
p{margin:0 0 .3rem}\
.text{white-space:pre-wrap;overflow-wrap:anywhere}\
.missing{color:#d4351c;font-weight:bold}\
.note{color:#505a5f;font-size:.9em}\
ul{margin:.2rem 0;padding-left:1.1rem}\
.banner{font-weight:bold;border-left:5px solid #0b0c0c;padding-left:.4rem;margin:.3rem 0}\
.banner.changed{border-color:#d4351c}\
@media print{@page{size:A4 landscape;margin:12mm}body{margin:0}tr{break-inside:avoid}}";

pub const TITLE: &str = "Register of legitimate interests assessments";

/// The policy of the page's `<meta http-equiv="Content-Security-Policy">`.
pub fn content_security_policy() -> String {
    render(REPORT, &[(CSS_HASH, &[hash_source(CSS)])])
}

/// The page for the groups of `order` (indexes into `groups`), in that order; `made_on`
/// is today, `filtered` says what the table was narrowed to (empty for everything).
pub fn to_html(
    register: &Register,
    groups: &[Group],
    order: &[usize],
    made_on: Date,
    filtered: &str,
) -> String {
    let rows: Vec<(&Row, Vec<Item>)> = order
        .iter()
        .map(|&g| {
            let group = &groups[g];
            let latest = &register.entries()[group.latest()];
            let mut notes = Vec::new();
            if let Some(w) = digest_warning(latest) {
                notes.push(Item::Para(looked(w, Look::Missing)));
            }
            if let Some(w) = group.conflict_warning() {
                notes.push(Item::Para(looked(w, Look::Missing)));
            }
            notes.push(Item::Para(looked(
                register.files(&group.members[0]).join("; "),
                Look::Quiet,
            )));
            for (m, member) in group.members.iter().enumerate().skip(1) {
                notes.push(Item::Bullet(vec![
                    span(format!("{}: ", group.kind(m).label()), Look::Strong),
                    span(member.place.describe(), Look::Plain),
                    span(
                        format!(" ({})", register.files(member).join("; ")),
                        Look::Quiet,
                    ),
                ]));
            }
            (&latest.row, notes)
        })
        .collect();
    let mut out = String::with_capacity(32 * 1024);
    page_head(&mut out, TITLE, CSS, &content_security_policy());
    out.push_str("<h1>");
    html_render::spans(&plain(TITLE), &mut out);
    out.push_str("</h1>\n");
    let narrowed = if filtered.is_empty() {
        String::new()
    } else {
        format!(" ({filtered})")
    };
    html_render::block(
        &Block::Para(plain(format!(
            "{} assessment{} on {}{narrowed}. Review dates are flagged as they stand on that day.",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" },
            made_on.long(),
        ))),
        &mut out,
    );
    let changed = rows.iter().filter(|(r, _)| r.standing.is_problem()).count();
    if let Some(warning) = changed_after_approval(changed) {
        html_render::block(&Block::Banner(Tone::Warning, plain(warning)), &mut out);
    }
    let table = Table {
        header: Column::ALL.map(Column::label).to_vec(),
        widths: vec![1; Column::ALL.len()],
        rows: rows
            .into_iter()
            .map(|(row, notes)| cells(row, notes))
            .collect(),
        row_headers: true,
    };
    html_render::table(&table, "register", &mut out);
    html_render::block(
        &Block::Para(plain(
            "Made by the legitimate interests assessment tool, in the browser, from the records \
             opened there. Nothing was sent anywhere.",
        )),
        &mut out,
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One row's cells, in the order of `Column::ALL`; `notes` go under the title.
fn cells(row: &Row, notes: Vec<Item>) -> Vec<Cell> {
    let typed = |t: &str| Cell::line(looked(t, Look::Typed));
    let mut title = vec![Item::Para(looked(row.title.clone(), Look::Typed))];
    if let Some(w) = &row.warning {
        title.push(Item::Para(looked(w.clone(), Look::Missing)));
    }
    if let Some(settings) = &row.settings {
        title.push(Item::Para(looked(
            format!("Settings: {settings}"),
            Look::Quiet,
        )));
    }
    title.extend(notes);
    let status = match row.standing {
        Standing::ChangedAfterApproval => looked(row.standing.label(), Look::Missing),
        _ => plain(row.standing.label()),
    };
    let mut due: Line = match row.review_due {
        Some(d) => vec![span(d.long(), Look::Day(d))],
        None => plain("Not set"),
    };
    let flag = row.due.flag();
    if !flag.is_empty() {
        due.push(span(" ", Look::Plain));
        due.push(span(
            flag,
            if row.due == Due::Overdue {
                Look::Missing
            } else {
                Look::Strong
            },
        ));
    }
    vec![
        Cell::of(title),
        typed(&row.organisation),
        Cell::line(status),
        Cell::line(plain(row.version.to_string())),
        Cell::line(plain(row.decision.unwrap_or("Not decided"))),
        Cell::line(plain(reading_short(row.reading))),
        Cell::line(plain(row.blockers.to_string())),
        Cell::line(plain(row.warnings.to_string())),
        typed(&row.approver),
        Cell::line(plain(row.approved_label())),
        Cell::line(due),
    ]
}
