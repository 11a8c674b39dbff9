//! The Word document's appendix for a review, as the HTML report has it: "Changes since
//! version N, approved on …", whether the chain of records holds, then every change
//! (`compare::listing`) in a table, the words taken out struck through and those put in
//! underlined, each also marked in words for a printout in black and white.

use crate::assessment::{Assessment, Date};
use crate::compare::{check_chain, compare, listing, Span};

use super::super::template::{
    changes_count, changes_title, CHANGES_REVIEWED_DIGEST, CHANGES_SIGN_OFF_PENDING,
    CHANGES_UNAVAILABLE, NOT_PROVIDED,
};
use super::doc::{looked, text, Block, Cell, Doc, Look};

/// The appendix, when `a` is a review; `previous` is a copy of the version it reviews,
/// if one was at hand.
pub(super) fn appendix(
    doc: &mut Doc,
    a: &Assessment,
    previous: Option<&Assessment>,
    today: Option<Date>,
) {
    let Some(title) = changes_title(a) else {
        return;
    };
    doc.heading(1, &format!("Appendix: {title}"));
    let Some(previous) = previous else {
        doc.paragraph(None, &[(CHANGES_UNAVAILABLE, Look::Missing)]);
        if let Some(r) = &a.reviewed {
            doc.paragraph(
                None,
                &[
                    (CHANGES_REVIEWED_DIGEST, Look::Plain),
                    (&r.digest, Look::Plain),
                ],
            );
        }
        return;
    };
    let chain = check_chain(a, previous);
    let look = if chain.holds() {
        Look::Bold
    } else {
        Look::Missing
    };
    doc.paragraph(None, &[(&chain.describe(), look)]);
    let changes = compare(previous, a, today);
    let groups = listing(&changes);
    doc.para(&changes_count(&changes, !groups.is_empty()));
    if changes.sign_off_pending {
        doc.para(CHANGES_SIGN_OFF_PENDING);
    }
    for group in &groups {
        doc.heading(2, &group.heading);
        let rows = group
            .lines
            .iter()
            .map(|line| {
                vec![
                    Cell::from(looked(line.what.clone(), Look::Bold)),
                    Cell::from(text(line.change)),
                    Cell::from(side(&line.before, Look::Removed, "[removed] ")),
                    Cell::from(side(&line.after, Look::Added, "[added] ")),
                ]
            })
            .collect();
        doc.table(
            &["What", "Change", "Before", "After"],
            &[30, 12, 29, 29],
            rows,
        );
    }
}

/// The text of one side, the changed words in `look` and marked with `mark`.
fn side(spans: &[Span], look: Look, mark: &str) -> Block {
    if spans.is_empty() {
        return looked(NOT_PROVIDED, Look::Quiet);
    }
    Block::Text(
        spans
            .iter()
            .map(|span| {
                if span.marked {
                    (format!("{mark}{}", span.text), look)
                } else {
                    (span.text.clone(), Look::Plain)
                }
            })
            .collect(),
    )
}
