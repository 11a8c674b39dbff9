//! Appendix B of a review: "Changes since version N, approved on …", whether the chain of
//! records holds, then every change (`compare::listing`) as the "What changed" page shows
//! it, the words taken out and put in marked.

use crate::assessment::{Assessment, Date};
use crate::compare::{check_chain, compare, listing, Span as Piece};

use super::words::{
    changes_count, long_date, ADDED_MARK, CHANGES_COLUMNS, CHANGES_REVIEWED_DIGEST,
    CHANGES_SIGN_OFF_PENDING, CHANGES_UNAVAILABLE, NOT_PROVIDED, REMOVED_MARK,
};
use super::{looked, plain, span, Block, Cell, Line, Look, Part, Table, Tone};

/// The heading of a review's appendix, or `None` when `a` is not a review.
pub fn title(a: &Assessment, letter: char) -> Option<String> {
    if a.review_of.is_none() && a.reviewed.is_none() {
        return None;
    }
    let number = a
        .reviewed
        .as_ref()
        .map_or(a.version.saturating_sub(1), |r| r.version);
    let approved = a
        .reviewed
        .as_ref()
        .and_then(|r| r.approved_on.as_deref())
        .map(long_date);
    Some(match approved {
        Some(on) => format!("Appendix {letter}: Changes since version {number}, approved on {on}"),
        None => format!("Appendix {letter}: Changes since version {number}"),
    })
}

/// The appendix, when `a` is a review; `previous` is a copy of the version it reviews, if
/// one was at hand.
pub fn appendix(
    a: &Assessment,
    previous: Option<&Assessment>,
    today: Option<Date>,
    letter: char,
) -> Option<Part> {
    let mut part = Part::new("changes", title(a, letter)?);
    let Some(previous) = previous else {
        part.blocks
            .push(Block::Banner(Tone::Warning, plain(CHANGES_UNAVAILABLE)));
        if let Some(r) = &a.reviewed {
            part.blocks.push(Block::Para(vec![
                span(CHANGES_REVIEWED_DIGEST, Look::Plain),
                span(r.digest.clone(), Look::Code),
            ]));
        }
        return Some(part);
    };
    let chain = check_chain(a, previous);
    let tone = if chain.holds() {
        Tone::Notice
    } else {
        Tone::Warning
    };
    part.blocks
        .push(Block::Banner(tone, plain(chain.describe())));
    let changes = compare(previous, a, today);
    let groups = listing(&changes);
    part.blocks.push(Block::Para(plain(changes_count(
        &changes,
        !groups.is_empty(),
    ))));
    if changes.sign_off_pending {
        part.blocks
            .push(Block::Para(plain(CHANGES_SIGN_OFF_PENDING)));
    }
    for (i, group) in groups.iter().enumerate() {
        let rows = group
            .lines
            .iter()
            .map(|line| {
                vec![
                    Cell::line(looked(line.what.clone(), Look::Strong)),
                    Cell::line(plain(line.change)),
                    Cell::line(side(&line.before, Look::Removed)),
                    Cell::line(side(&line.after, Look::Added)),
                ]
            })
            .collect();
        let mut sub = Part::new(format!("changes-{}", i + 1), group.heading.clone());
        sub.blocks.push(Block::Table(Table {
            header: CHANGES_COLUMNS.to_vec(),
            widths: vec![30, 12, 29, 29],
            rows,
            row_headers: true,
        }));
        part.parts.push(sub);
    }
    Some(part)
}

/// The text of one side, the changed words in `look`.
fn side(spans: &[Piece], look: Look) -> Line {
    if spans.is_empty() {
        return looked(NOT_PROVIDED, Look::Quiet);
    }
    let mark = if look == Look::Removed {
        REMOVED_MARK
    } else {
        ADDED_MARK
    };
    let mut line = Vec::new();
    for piece in spans {
        if piece.marked {
            // Marked in words too, for a printout in black and white.
            line.push(span(mark, Look::Quiet));
            line.push(span(piece.text.clone(), look));
        } else {
            line.push(span(piece.text.clone(), Look::Typed));
        }
    }
    line
}
