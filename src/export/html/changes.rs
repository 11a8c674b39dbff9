//! The report's appendix for a review: "Changes since version N, approved on …", with
//! whether the chain of records holds, then every change (`compare::listing`) as the
//! "What changed" page shows it. Every text is escaped here.

use std::fmt::Write;

use crate::assessment::{Assessment, Date};
use crate::compare::{check_chain, compare, listing, Span};

use super::super::escape::html;
use super::super::template::{
    changes_count, changes_title, CHANGES_REVIEWED_DIGEST, CHANGES_SIGN_OFF_PENDING,
    CHANGES_UNAVAILABLE,
};

/// The appendix, when `a` is a review; `previous` is a copy of the version it reviews,
/// if one was at hand.
pub fn appendix(
    a: &Assessment,
    previous: Option<&Assessment>,
    today: Option<Date>,
    out: &mut String,
) {
    let Some(title) = changes_title(a) else {
        return;
    };
    let _ = writeln!(
        out,
        "<section id=\"changes\" class=\"appendix\">\n<h2>Appendix: {}</h2>",
        html(&title)
    );
    let Some(previous) = previous else {
        let _ = writeln!(
            out,
            "<p class=\"banner warning\">{}</p>",
            html(CHANGES_UNAVAILABLE)
        );
        if let Some(r) = &a.reviewed {
            let _ = writeln!(
                out,
                "<p>{}<span class=\"digest\">{}</span></p>",
                html(CHANGES_REVIEWED_DIGEST),
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
    let _ = writeln!(
        out,
        "<p>{}</p>",
        html(&changes_count(&changes, !groups.is_empty()))
    );
    if changes.sign_off_pending {
        let _ = writeln!(out, "<p>{}</p>", html(CHANGES_SIGN_OFF_PENDING));
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
