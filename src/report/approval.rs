//! The approval in the record: the approver's comment beside each part it is about (while
//! the assessment is returned), and every round of the hand-over with its decision and the
//! digest of the content it was sent with.

use crate::assessment::{Assessment, Date, Decision, Section, Verdict};
use crate::handover::{self, verify_decision, Approval, Stage, Trust, Verification};

use super::words::{long_date, HANDOVER_COLUMNS, HANDOVER_LEDE, HANDOVER_TITLE, NOT_DECIDED};
use super::{looked, plain, span, Block, Cell, Item, Look, Part, Table, Tone};

/// The approver's comment on `section`, where the assessment was returned with one.
pub fn comment(returned: Option<&Decision>, section: Section) -> Option<Block> {
    let decision = returned?;
    let text = decision.comment(section)?;
    Some(Block::Banner(
        Tone::Notice,
        vec![
            span(
                format!(
                    "Comment from {}, {}: ",
                    decision.who(),
                    decision.date_long()
                ),
                Look::Strong,
            ),
            span(text, Look::Typed),
        ],
    ))
}

/// The "Approval" part: where the hand-over stands and whether its approval verifies,
/// then each round with its decision's signature checked.
pub fn history(
    a: &Assessment,
    stage: &Stage,
    approval: Option<&Approval>,
    trust: &Trust,
    today: Date,
) -> Part {
    let mut part = Part::new("approval", HANDOVER_TITLE);
    part.lede = Some(HANDOVER_LEDE);
    let (tone, said) = match approval {
        _ if stage.approval_broken() => (Tone::Warning, handover::describe(stage)),
        Some(ap) if ap.holds() => (Tone::Good, ap.describe()),
        Some(ap) => (Tone::Warning, ap.describe()),
        None => (Tone::Notice, handover::describe(stage)),
    };
    part.blocks.push(Block::Banner(tone, plain(said)));
    if a.handover.is_empty() {
        return part;
    }
    let rows = a
        .handover
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let decision = match &round.decision {
                None => plain(NOT_DECIDED),
                Some(d) => vec![
                    span(
                        match d.verdict {
                            Verdict::Approved if handover::verify::by_author(a, d) => {
                                "Approved by its author, "
                            }
                            Verdict::Approved => "Approved by ",
                            Verdict::Returned => "Returned with comments by ",
                        },
                        Look::Plain,
                    ),
                    span(d.who(), Look::Typed),
                    span(format!(" on {}", d.date_long()), Look::Plain),
                ],
            };
            let mut notes = Vec::new();
            if let Some(d) = &round.decision {
                // Each comment, then the author's reply to it, if any.
                let reply = |section: Option<Section>| {
                    round.reply(section).map(|text| {
                        Item::Para(vec![
                            span("Author's reply: ", Look::Quiet),
                            span(text, Look::Typed),
                        ])
                    })
                };
                if !d.note.is_empty() {
                    notes.push(Item::Para(looked(d.note.clone(), Look::Typed)));
                    notes.extend(reply(None));
                }
                for c in &d.comments {
                    notes.push(Item::Para(vec![
                        span(format!("{}: ", c.section.title()), Look::Strong),
                        span(c.text.clone(), Look::Typed),
                    ]));
                    notes.extend(reply(Some(c.section)));
                }
            }
            if round.decision.is_some() {
                let v = verify_decision(a, i, trust, today);
                let look = if v.is_trusted() {
                    Look::Plain
                } else {
                    Look::Missing
                };
                let mut said = vec![span("Signature: ", Look::Quiet), span(v.label(), look)];
                if let Verification::DoesNotMatch(why) = &v {
                    said.push(span(format!(": {}", why.describe()), Look::Plain));
                }
                if let Some(fp) = v.fingerprint() {
                    said.push(span(format!(" (key {fp})"), Look::Quiet));
                }
                notes.push(Item::Para(said));
            }
            notes.push(Item::Para(vec![
                span("Content digest: ", Look::Quiet),
                span(round.content.clone(), Look::Code),
            ]));
            vec![
                Cell::line(plain(long_date(&round.sent))),
                Cell::line(decision),
                Cell::of(notes),
            ]
        })
        .collect();
    part.blocks.push(Block::Table(Table {
        header: HANDOVER_COLUMNS.to_vec(),
        widths: vec![18, 30, 52],
        rows,
        row_headers: false,
    }));
    part
}
