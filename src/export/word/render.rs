//! The report model as WordprocessingML (word/document.xml): parts as Word's own Heading
//! 1–3, their introductions, facts and questions as two-column tables, tables whose header
//! rows repeat on every page, bullet lists, the risk matrix as a table shaded by risk and
//! kept on one page. A heading, an introduction or a sentence that leads into a table is
//! kept with what follows it, so no part starts at the foot of a page. Every text goes
//! through `package::xml`; the only words here are style names.

use crate::assessment::Risk;
use crate::report::{Block, Cell, Found, Item, Line, Look, Part, Report, Tone};

use super::super::package::xml::{lines, push_text};

/// A4 less the margins, in twentieths of a point.
pub const TEXT_WIDTH: u32 = 9978;

/// How many rows of a part's first table stay with its heading, so that no part starts
/// at the foot of a page.
const LEAD_ROWS: usize = 2;

/// Two rows are kept together at the head of a part only while they hold no more text
/// than this (about four lines of each column).
const LEAD_CHARS: usize = 400;

/// Rows with up to this much text are not broken across pages.
const KEEP_WHOLE_CHARS: usize = 1_500;

/// The body of word/document.xml.
pub fn document(r: &Report) -> String {
    let mut doc = Doc {
        xml: String::with_capacity(64 * 1024),
    };
    doc.xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
    ));
    doc.paragraph(Para::style("Subtitle"), &[plain_span(r.kicker)]);
    doc.paragraph(Para::style("Title"), &[plain_span(&r.title)]);
    doc.banner(r.status.0, &r.status.1, false);
    for part in &r.parts {
        doc.part(part, 1);
    }
    for part in &r.appendices {
        doc.part(part, 1);
    }
    for line in r.colophon.lines.iter().chain([&r.colophon.without_copy]) {
        doc.paragraph(Para::style("Colophon"), line);
    }
    doc.xml.push_str(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"964\" w:right=\"964\" \
         w:bottom=\"964\" w:left=\"964\" w:header=\"510\" w:footer=\"510\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>",
    );
    doc.xml
}

fn plain_span(text: &str) -> crate::report::Span {
    crate::report::span(text, Look::Plain)
}

/// A paragraph's properties: its style, and whether it stays with the next one.
#[derive(Clone, Copy)]
struct Para {
    style: Option<&'static str>,
    keep_next: bool,
}

/// The bullet of a list paragraph, given on the paragraph itself: LibreOffice does not
/// take a numbering from a style of its own making.
const BULLET: &str = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";

impl Para {
    const PLAIN: Para = Para {
        style: None,
        keep_next: false,
    };

    fn style(style: &'static str) -> Para {
        Para {
            style: Some(style),
            keep_next: false,
        }
    }

    fn kept(self, keep_next: bool) -> Para {
        Para { keep_next, ..self }
    }
}

fn props(look: Look) -> &'static str {
    match look {
        Look::Plain | Look::Typed | Look::Day(_) => "",
        Look::Strong => "<w:rPr><w:b/></w:rPr>",
        Look::Missing => "<w:rPr><w:b/><w:color w:val=\"D4351C\"/></w:rPr>",
        Look::Quiet => "<w:rPr><w:color w:val=\"505A5F\"/></w:rPr>",
        Look::Removed => "<w:rPr><w:strike/><w:color w:val=\"D4351C\"/></w:rPr>",
        Look::Added => "<w:rPr><w:u w:val=\"single\"/><w:color w:val=\"00703C\"/></w:rPr>",
        Look::Code => {
            "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>\
             <w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr>"
        }
    }
}

/// The runs of one piece of text: line breaks become `<w:br/>`, tabs `<w:tab/>`,
/// everything else `<w:t>` with its spaces kept.
fn runs(out: &mut String, text: &str, look: Look) {
    out.push_str("<w:r>");
    out.push_str(props(look));
    for (i, line) in lines(text).enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                push_text(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

struct Doc {
    xml: String,
}

impl Doc {
    fn paragraph(&mut self, p: Para, line: &[crate::report::Span]) {
        self.xml.push_str("<w:p>");
        if p.style.is_some() || p.keep_next {
            self.xml.push_str("<w:pPr>");
            if let Some(style) = p.style {
                self.xml.push_str("<w:pStyle w:val=\"");
                self.xml.push_str(style);
                self.xml.push_str("\"/>");
            }
            if p.keep_next {
                self.xml.push_str("<w:keepNext/>");
            }
            if matches!(p.style, Some("ListBullet" | "TableBullet")) {
                self.xml.push_str(BULLET);
            }
            self.xml.push_str("</w:pPr>");
        }
        for s in line {
            runs(&mut self.xml, &s.text, s.look);
        }
        self.xml.push_str("</w:p>");
    }

    fn banner(&mut self, tone: Tone, line: &Line, keep_next: bool) {
        let style = match tone {
            Tone::Notice => "Banner",
            Tone::Good => "BannerApproved",
            Tone::Warning => "BannerWarning",
        };
        self.paragraph(Para::style(style).kept(keep_next), line);
    }

    fn part(&mut self, part: &Part, level: usize) {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.paragraph(Para::style(style), &[plain_span(&part.title)]);
        if let Some(lede) = part.lede {
            self.paragraph(Para::style("Lede"), &[plain_span(lede)]);
        }
        for (i, block) in part.blocks.iter().enumerate() {
            // A sentence that leads into what follows stays with it; the part's first
            // table keeps its first rows with its heading.
            let leads = i + 1 < part.blocks.len() || !part.parts.is_empty();
            self.block(block, leads, if i == 0 { LEAD_ROWS } else { 0 });
        }
        for sub in &part.parts {
            self.part(sub, level + 1);
        }
    }

    fn block(&mut self, block: &Block, leads: bool, first_rows: usize) {
        match block {
            Block::Para(line) => self.paragraph(Para::PLAIN.kept(leads), line),
            Block::Banner(tone, line) => self.banner(*tone, line, leads),
            Block::Facts(_) | Block::Questions(_) | Block::Table(_) | Block::Matrix(_) => {
                let t = block.as_table().unwrap_or_else(|| unreachable!());
                // Facts are named by their first column; the matrix stays on one page.
                let first = matches!(block, Block::Facts(_)).then_some("F3F2F1");
                let first = first.or(t.row_headers.then_some("F3F2F1"));
                let kept = if matches!(block, Block::Matrix(_)) {
                    usize::MAX
                } else {
                    first_rows
                };
                let widths: Vec<u32> = t.widths.iter().map(|w| u32::from(*w)).collect();
                self.table(&t.header, &widths, t.rows, first, kept);
            }
            Block::List(lines) => {
                for line in lines {
                    self.paragraph(Para::style("ListBullet"), line);
                }
            }
            Block::Findings(found) => {
                for f in found {
                    self.finding(f);
                }
            }
        }
    }

    fn finding(&mut self, f: &Found) {
        self.paragraph(
            Para::style("Finding").kept(true),
            &[crate::report::span(f.message.clone(), Look::Strong)],
        );
        if let Some(detail) = &f.detail {
            self.paragraph(Para::style("FindingText").kept(true), &[plain_span(detail)]);
        }
        self.paragraph(
            Para::style("FindingSource"),
            &[crate::report::span(&f.source, Look::Quiet)],
        );
    }

    /// A table: a header row (repeated on each page, `w:tblHeader`) unless `header` is
    /// empty, columns in proportion to `widths`, the first column shaded `first` if
    /// given. The first `kept` rows stay with the row after them (`usize::MAX` keeps the
    /// table on one page).
    fn table(
        &mut self,
        header: &[&str],
        widths: &[u32],
        rows: Vec<Vec<Cell>>,
        first: Option<&'static str>,
        kept: usize,
    ) {
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
        let lengths: Vec<usize> = rows.iter().map(|row| text_length(row)).collect();
        if !header.is_empty() {
            let cells = header
                .iter()
                .map(|h| Cell {
                    items: vec![Item::Para(vec![crate::report::span(*h, Look::Strong)])],
                    shade: None,
                })
                .collect();
            self.row(&widths, cells, Row::Header, Some("F3F2F1"), kept > 0);
        }
        for (i, row) in rows.into_iter().enumerate() {
            // A row stays with the next while both are short (a long one would take its
            // heading to the next page and leave a gap), or always to keep it whole.
            let keep = match lengths.get(i + 1) {
                None => false,
                Some(_) if kept == usize::MAX => true,
                Some(next) => i < kept && lengths[i] + next <= LEAD_CHARS,
            };
            self.row(&widths, row, Row::Body, first, keep);
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between two tables; a small one gives the table room.
        self.xml
            .push_str("<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
    }

    fn row(
        &mut self,
        widths: &[u32],
        cells: Vec<Cell>,
        kind: Row,
        first: Option<&'static str>,
        keep_next: bool,
    ) {
        self.xml.push_str("<w:tr>");
        // A row that fits on a page is kept whole (a question and its answer on one
        // page); a longer one may run on, or it could not be printed at all.
        let length = text_length(&cells);
        match kind {
            Row::Header => self
                .xml
                .push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"),
            Row::Body if length <= KEEP_WHOLE_CHARS => {
                self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>")
            }
            Row::Body => {}
        }
        for (i, (cell, width)) in cells.into_iter().zip(widths).enumerate() {
            self.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            ));
            let fill = cell
                .shade
                .map(|risk| match risk {
                    Risk::Low => "CCE2D8",
                    Risk::Medium => "FFF2B3",
                    Risk::High => "F4CDC6",
                })
                .or(if i == 0 { first } else { None })
                .or(if kind == Row::Header { first } else { None });
            if let Some(fill) = fill {
                self.xml.push_str(&format!(
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
                ));
            }
            self.xml.push_str("</w:tcPr>");
            if cell.items.is_empty() {
                self.xml.push_str("<w:p/>");
            }
            for item in &cell.items {
                match item {
                    Item::Para(line) => {
                        self.paragraph(Para::style("TableText").kept(keep_next), line)
                    }
                    Item::Bullet(line) => {
                        self.paragraph(Para::style("TableBullet").kept(keep_next), line)
                    }
                }
            }
            self.xml.push_str("</w:tc>");
        }
        self.xml.push_str("</w:tr>");
    }
}

/// How much text a row holds.
fn text_length(cells: &[Cell]) -> usize {
    cells
        .iter()
        .flat_map(|c| &c.items)
        .map(|item| match item {
            Item::Para(line) | Item::Bullet(line) => {
                line.iter().map(|s| s.text.len()).sum::<usize>()
            }
        })
        .sum()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Header,
    Body,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_tabs_become_word_breaks() {
        let mut out = String::new();
        runs(&mut out, "one\r\ntwo\rthree\nfour\tfive", Look::Plain);
        assert_eq!(
            out,
            "<w:r><w:t xml:space=\"preserve\">one</w:t><w:br/><w:t xml:space=\"preserve\">two</w:t>\
             <w:br/><w:t xml:space=\"preserve\">three</w:t><w:br/><w:t xml:space=\"preserve\">four</w:t>\
             <w:tab/><w:t xml:space=\"preserve\">five</w:t></w:r>"
        );
    }
}
