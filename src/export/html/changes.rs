//! The report's appendix for a review: "Changes since version N, approved on …", with
//! whether the chain of records holds, then every change (`compare::listing`) as the
//! "What changed" page shows it. Every text is escaped here.

use std::fmt::Write;

use crate::assessment::{Assessment, Date};
use crate::compare::{check_chain, compare, listing, Span};

use super::super::escape::html;

/// The appendix, when `a` is a review; `previous` is a copy of the version it reviews,
/// if one was at hand.
pub fn appendix(
    a: &Assessment,
    previous: Option<&Assessment>,
    today: Option<Date>,
    out: &mut String,
) {
    if a.review_of.is_none() && a.reviewed.is_none() {
        return;
    }
    let number = a
        .reviewed
        .as_ref()
        .map_or(a.version.saturating_sub(1), |r| r.version);
    let approved = a
        .reviewed
        .as_ref()
        .and_then(|r| r.approved_on.as_deref())
        .map(|on| Date::parse(on).map_or_else(|| on.to_string(), Date::long));
    let title = match &approved {
        Some(on) => format!("Changes since version {number}, approved on {on}"),
        None => format!("Changes since version {number}"),
    };
    let _ = writeln!(
        out,
        "<section id=\"changes\" class=\"appendix\">\n<h2>Appendix: {}</h2>",
        html(&title)
    );
    let Some(previous) = previous else {
        out.push_str(
            "<p class=\"banner warning\">The version this review reviews was not available \
             when this report was made, so its changes are not listed. Open both records in \
             the tool to see them.</p>\n",
        );
        if let Some(r) = &a.reviewed {
            let _ = writeln!(
                out,
                "<p>Digest of the version it reviews (SHA-256, without its review log): \
                 <span class=\"digest\">{}</span></p>",
                html(&r.digest)
            );
        }
        out.push_str("</section>\n");
        return;
    };
    let chain = check_chain(a, previous);
    let _ = writeln!(
        out,
        "<p class=\"banner{}\">{}</p>",
        if chain.holds() { "" } else { " warning" },
        html(&chain.describe())
    );
    let changes = compare(previous, a, today);
    let groups = listing(&changes);
    if groups.is_empty() {
        let _ = writeln!(
            out,
            "<p>Nothing has changed since version {}.</p>",
            changes.before.version
        );
    } else {
        let count = changes.len();
        let _ = writeln!(
            out,
            "<p>{count} change{} from {} to {}.</p>",
            if count == 1 { "" } else { "s" },
            html(&changes.before.describe()),
            html(&changes.after.describe())
        );
    }
    if changes.sign_off_pending {
        out.push_str(
            "<p>The sign-off is done again for each version; its answers are listed once \
             this version has them.</p>\n",
        );
    }
    for group in &groups {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"changes\">\n<thead><tr><th scope=\"col\">What</th>\
             <th scope=\"col\">Change</th><th scope=\"col\">Before</th>\
             <th scope=\"col\">After</th></tr></thead>\n<tbody>",
            html(&group.heading)
        );
        for line in &group.lines {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>",
                html(&line.what),
                html(line.change)
            );
            spans(&line.before, "del", out);
            out.push_str("</td><td>");
            spans(&line.after, "ins", out);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// The text of one side, the changed words in `<del>` or `<ins>`.
fn spans(spans: &[Span], mark: &str, out: &mut String) {
    if spans.is_empty() {
        out.push_str("<span class=\"missing optional\">Not provided</span>");
        return;
    }
    out.push_str("<span class=\"text\">");
    for span in spans {
        if span.marked {
            let _ = write!(out, "<{mark}>{}</{mark}>", html(&span.text));
        } else {
            out.push_str(&html(&span.text));
        }
    }
    out.push_str("</span>");
}
