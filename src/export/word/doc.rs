//! The building blocks of word/document.xml: paragraphs in Word's own styles, runs of
//! text in a few looks, and tables whose header rows repeat on each page. Every piece of
//! text goes through `xml::runs`.

use super::xml::runs;

/// A4 less 2 cm margins each side, in twentieths of a point.
const TEXT_WIDTH: u32 = 9638;

/// What a run of text looks like.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Look {
    Plain,
    Bold,
    /// An answer that must be given and is not.
    Missing,
    /// An optional answer not given, a note.
    Quiet,
    /// Words taken out since the earlier version: struck through.
    Removed,
    /// Words put in since the earlier version: underlined.
    Added,
}

impl Look {
    fn props(self) -> &'static str {
        match self {
            Look::Plain => "",
            Look::Bold => "<w:rPr><w:b/></w:rPr>",
            Look::Missing => "<w:rPr><w:b/><w:color w:val=\"D4351C\"/></w:rPr>",
            Look::Quiet => "<w:rPr><w:color w:val=\"505A5F\"/></w:rPr>",
            Look::Removed => "<w:rPr><w:strike/><w:color w:val=\"D4351C\"/></w:rPr>",
            Look::Added => "<w:rPr><w:u w:val=\"single\"/><w:color w:val=\"00703C\"/></w:rPr>",
        }
    }
}

/// Rows with up to this much text are not broken across pages.
const KEEP_WHOLE_CHARS: usize = 1_500;

/// One paragraph inside a table cell.
pub(super) enum Block {
    Text(Vec<(String, Look)>),
    Bullet(String),
}

pub(super) fn text(t: impl Into<String>) -> Block {
    Block::Text(vec![(t.into(), Look::Plain)])
}

pub(super) fn looked(t: impl Into<String>, look: Look) -> Block {
    Block::Text(vec![(t.into(), look)])
}

/// A table cell: its paragraphs and, for the risk matrix, its shading.
pub(super) struct Cell {
    pub(super) blocks: Vec<Block>,
    pub(super) fill: Option<&'static str>,
}

impl From<Vec<Block>> for Cell {
    fn from(blocks: Vec<Block>) -> Cell {
        Cell { blocks, fill: None }
    }
}

impl From<Block> for Cell {
    fn from(block: Block) -> Cell {
        Cell {
            blocks: vec![block],
            fill: None,
        }
    }
}

pub(super) struct Doc {
    pub(super) xml: String,
}

impl Doc {
    pub(super) fn paragraph(&mut self, style: Option<&str>, pieces: &[(&str, Look)]) {
        self.xml.push_str("<w:p>");
        if let Some(style) = style {
            self.xml.push_str("<w:pPr><w:pStyle w:val=\"");
            self.xml.push_str(style);
            self.xml.push_str("\"/></w:pPr>");
        }
        for (t, look) in pieces {
            runs(&mut self.xml, t, look.props());
        }
        self.xml.push_str("</w:p>");
    }

    pub(super) fn heading(&mut self, level: u8, t: &str) {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.paragraph(Some(style), &[(t, Look::Plain)]);
    }

    pub(super) fn para(&mut self, t: &str) {
        self.paragraph(None, &[(t, Look::Plain)]);
    }

    pub(super) fn quiet(&mut self, t: &str) {
        self.paragraph(None, &[(t, Look::Quiet)]);
    }

    pub(super) fn bold(&mut self, t: &str) {
        self.paragraph(None, &[(t, Look::Bold)]);
    }

    pub(super) fn bullet(&mut self, t: &str) {
        self.paragraph(Some("ListBullet"), &[(t, Look::Plain)]);
    }

    /// A table with a header row (repeated on each page, `w:tblHeader`), columns sized
    /// in proportion to `widths`.
    pub(super) fn table(&mut self, header: &[&str], widths: &[u32], rows: Vec<Vec<Cell>>) {
        let total: u32 = widths.iter().sum::<u32>().max(1);
        let widths: Vec<u32> = widths.iter().map(|w| w * TEXT_WIDTH / total).collect();
        self.xml.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in &widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>");
        let header_cells = header
            .iter()
            .map(|h| Cell {
                blocks: vec![looked(*h, Look::Bold)],
                fill: Some("F3F2F1"),
            })
            .collect();
        self.row(&widths, header_cells, true);
        for row in rows {
            self.row(&widths, row, false);
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and it gives the table room.
        self.xml.push_str("<w:p/>");
    }

    fn row(&mut self, widths: &[u32], cells: Vec<Cell>, header: bool) {
        self.xml.push_str("<w:tr>");
        // A row that fits on a page is kept whole (a question and its answer on one
        // page); a longer one may run on, or it could not be printed at all.
        let length: usize = cells
            .iter()
            .flat_map(|c| &c.blocks)
            .map(|b| match b {
                Block::Text(pieces) => pieces.iter().map(|(t, _)| t.len()).sum(),
                Block::Bullet(t) => t.len(),
            })
            .sum();
        if header {
            self.xml
                .push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else if length <= KEEP_WHOLE_CHARS {
            self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for (cell, width) in cells.into_iter().zip(widths) {
            self.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            ));
            if let Some(fill) = cell.fill {
                self.xml.push_str(&format!(
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
                ));
            }
            self.xml.push_str("</w:tcPr>");
            if cell.blocks.is_empty() {
                self.xml.push_str("<w:p/>");
            }
            for block in cell.blocks {
                match block {
                    Block::Text(pieces) => {
                        let pieces: Vec<(&str, Look)> =
                            pieces.iter().map(|(t, l)| (t.as_str(), *l)).collect();
                        self.paragraph(None, &pieces);
                    }
                    Block::Bullet(t) => self.bullet(&t),
                }
            }
            self.xml.push_str("</w:tc>");
        }
        self.xml.push_str("</w:tr>");
    }
}
