//! The register as a printable web page: one self-contained file with the table as
//! shown (the same rows, order and flags; a record changed after its approval with its
//! warning, and how many there are), every text escaped, and the report's Content
//! Security Policy (`csp::REPORT`): nothing may load or run, only its own stylesheet,
//! named by its hash, applies.

use std::fmt::Write;

use super::{changed_after_approval, reading_short, Column, Row, Standing};
use crate::assessment::Date;
use crate::csp::{hash_source, render, CSS_HASH, REPORT};
use crate::export::escape::html;

/// The page's only stylesheet (screen and print, landscape).
pub const CSS: &str =
    "body{font-family:Arial,sans-serif;color:#0b0c0c;margin:1.5rem;line-height:1.4}\
h1{font-size:1.6rem;margin:0 0 .5rem}\
table{border-collapse:collapse;width:100%;font-size:.85rem}\
th,td{border-bottom:1px solid #b1b4b6;padding:.35rem .4rem;text-align:left;vertical-align:top}\
thead th{border-bottom:2px solid #0b0c0c}\
td.number{text-align:right}\
.text{white-space:pre-wrap;overflow-wrap:anywhere}\
.flag{display:inline-block;font-weight:bold;padding:0 .3rem;margin-left:.3rem}\
.flag.overdue{background:#f6d7d2;color:#2a0b06}\
.flag.soon{background:#fff7bf;color:#594d00}\
.flag.changed{background:#f6d7d2;color:#2a0b06;margin-left:0}\
.warning{font-weight:bold;border-left:5px solid #0b0c0c;padding-left:.4rem;margin:.3rem 0 0}\
@media print{@page{size:A4 landscape;margin:12mm}body{margin:0}tr{break-inside:avoid}}";

/// The policy of the page's `<meta http-equiv="Content-Security-Policy">`.
pub fn content_security_policy() -> String {
    render(REPORT, &[(CSS_HASH, &[hash_source(CSS)])])
}

/// The page for these rows, in this order; `made_on` is today, `filtered` says what the
/// table was narrowed to (empty for everything).
pub fn to_html<'a>(
    rows: impl IntoIterator<Item = &'a Row>,
    made_on: Date,
    filtered: &str,
) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Register of legitimate interests assessments</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<main>\n<h1>Register of legitimate interests assessments</h1>\n",
        html(&content_security_policy())
    );
    let rows: Vec<&Row> = rows.into_iter().collect();
    let _ = writeln!(
        out,
        "<p>{} assessment{} on {}{}. Review dates are flagged as they stand on that day.</p>",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        html(&made_on.long()),
        if filtered.is_empty() {
            String::new()
        } else {
            format!(" ({})", html(filtered))
        }
    );
    let changed = rows.iter().filter(|r| r.standing.is_problem()).count();
    if let Some(warning) = changed_after_approval(changed) {
        let _ = writeln!(out, "<p class=\"warning\">{}</p>", html(&warning));
    }
    out.push_str("<table>\n<thead><tr>");
    for column in Column::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", html(column.label()));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let warning = row.warning.as_deref().map_or_else(String::new, |w| {
            format!("<p class=\"warning\">{}</p>", html(w))
        });
        let status = match row.standing {
            Standing::ChangedAfterApproval => format!(
                "<strong class=\"flag changed\">{}</strong>",
                html(row.standing.label())
            ),
            _ => html(row.standing.label()),
        };
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><span class=\"text\">{}</span>{warning}</th>\
             <td><span class=\"text\">{}</span></td><td>{status}</td><td class=\"number\">{}</td>\
             <td>{}</td><td>{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>\
             <td><span class=\"text\">{}</span></td><td>{}</td><td>",
            html(&row.title),
            html(&row.organisation),
            row.version,
            html(row.decision.unwrap_or("Not decided")),
            reading_short(row.reading),
            row.blockers,
            row.warnings,
            html(&row.approver),
            html(&row.approved_label()),
        );
        match row.review_due {
            Some(d) => {
                let _ = write!(
                    out,
                    "<time datetime=\"{}\">{}</time>",
                    html(&d.to_string()),
                    html(&d.long())
                );
            }
            None => out.push_str("Not set"),
        }
        let flag = row.due.flag();
        if !flag.is_empty() {
            let class = if row.due == super::Due::Overdue {
                "overdue"
            } else {
                "soon"
            };
            let _ = write!(
                out,
                " <strong class=\"flag {class}\">{}</strong>",
                html(flag)
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str(
        "</tbody>\n</table>\n<p>Made by the legitimate interests assessment tool, in the \
         browser, from the records opened there. Nothing was sent anywhere.</p>\n\
         </main>\n</body>\n</html>\n",
    );
    out
}
