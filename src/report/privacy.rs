//! The privacy information part: the author's own wording if they changed the suggestion
//! (said so, and said when the answers have changed since), or the suggestion made from
//! the answers with what is missing marked where it is missing; then what to check before
//! using it.

use crate::assessment::privacy_notice::{
    gap_text, settled, Part as Piece, Route, Settled, DRAFT_NOTE, EDITED_NOTE, STALE_NOTE,
};
use crate::assessment::Assessment;

use super::words::{PRIVACY_CHECKS, PRIVACY_LEDE, PRIVACY_TITLE};
use super::{looked, plain, span, Block, Look, Part, Tone};

pub fn privacy(a: &Assessment) -> Part {
    let mut part = Part::new("privacy-information", PRIVACY_TITLE);
    part.lede = Some(PRIVACY_LEDE);
    let wording = match settled(a) {
        Settled::Suggested(wording) => {
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
            wording
        }
        Settled::Edited {
            text,
            stale,
            suggestion,
        } => {
            part.blocks
                .push(Block::Banner(Tone::Notice, plain(EDITED_NOTE)));
            if stale {
                part.blocks
                    .push(Block::Banner(Tone::Warning, plain(STALE_NOTE)));
            }
            // Paragraphs as the author separated them, by a blank line.
            let normalised = text.replace("\r\n", "\n");
            for paragraph in normalised.split("\n\n").filter(|p| !p.trim().is_empty()) {
                part.blocks
                    .push(Block::Para(looked(paragraph.trim(), Look::Typed)));
            }
            suggestion
        }
    };
    if !wording.checks.is_empty() {
        let mut sub = Part::new("privacy-checks", PRIVACY_CHECKS);
        sub.blocks.push(Block::List(
            wording.checks.iter().map(|c| plain(*c)).collect(),
        ));
        part.parts.push(sub);
    }
    part
}
