//! The privacy information part: the wording the author settled on (or the suggestion
//! made from the answers, with what is missing marked where it is missing), and what to
//! check before using it.

use crate::assessment::privacy_notice::{gap_text, privacy_wording, Part as Piece, Route, DRAFT_NOTE};
use crate::assessment::Assessment;

use super::words::{PRIVACY_CHECKS, PRIVACY_LEDE, PRIVACY_TITLE};
use super::{plain, span, Block, Look, Part, Tone};

pub fn privacy(a: &Assessment) -> Part {
    let wording = privacy_wording(a);
    let mut part = Part::new("privacy-information", PRIVACY_TITLE);
    part.lede = Some(PRIVACY_LEDE);
    part.blocks
        .push(Block::Banner(Tone::Notice, plain(DRAFT_NOTE)));
    if let Route::NotApplicable(reason) = wording.route {
        part.blocks.push(Block::Para(plain(reason)));
        return part;
    }
    for paragraph in &wording.paragraphs {
        let line = paragraph
            .iter()
            .map(|piece| match piece {
                Piece::Text(t) => span(t.clone(), Look::Plain),
                Piece::Gap(m) => span(gap_text(m), Look::Missing),
            })
            .collect();
        part.blocks.push(Block::Para(line));
    }
    if !wording.checks.is_empty() {
        let mut sub = Part::new("privacy-checks", PRIVACY_CHECKS);
        sub.blocks.push(Block::List(
            wording.checks.iter().map(|c| plain(*c)).collect(),
        ));
        part.parts.push(sub);
    }
    part
}
