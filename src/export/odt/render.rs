//! The report model as OpenDocument text (content.xml): parts as real headings with
//! outline levels, introductions, facts and questions as two-column tables, tables with
//! header rows that repeat on every page, bullet lists, the risk matrix as a table shaded
//! by risk that is not broken across pages. A heading, an introduction or a sentence that
//! leads into what follows is kept with it. Every text goes through `package::xml`; the
//! only words here are style names.

use std::fmt::Write;

use crate::assessment::Risk;
use crate::report::{Block, Cell, Found, Item, Line, Look, Part, Report, Span, Tone};

use super::super::package::xml::{lines, push_text};
use super::parts::NAMESPACES;

/// A table of at most this many rows is never broken across pages.
const SHORT_TABLE: usize = 4;

/// What the body needs besides the styles of styles.xml: the column widths it used.
struct Body {
    xml: String,
    /// Each relative column width used, for its column style.
    widths: Vec<u16>,
    tables: usize,
}

/// The whole of content.xml.
pub fn content(r: &Report) -> String {
    let mut body = Body {
        xml: String::with_capacity(64 * 1024),
        widths: Vec::new(),
        tables: 0,
    };
    body.paragraph("Subtitle", false, &[plain(r.kicker)]);
    body.paragraph("Title", false, &[plain(&r.title)]);
    body.banner(r.status.0, &r.status.1, false);
    for part in r.parts.iter().chain(&r.appendices) {
        body.part(part, 1);
    }
    for line in r.colophon.lines.iter().chain([&r.colophon.without_copy]) {
        body.paragraph("Colophon", false, line);
    }
    let mut out = String::with_capacity(body.xml.len() + 4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ");
    out.push_str(NAMESPACES);
    out.push_str(" office:version=\"1.3\">");
    out.push_str(
        "<office:font-face-decls><style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" \
         style:font-family-generic=\"swiss\"/><style:font-face style:name=\"Courier New\" \
         svg:font-family=\"&apos;Courier New&apos;\" style:font-family-generic=\"modern\" \
         style:font-pitch=\"fixed\"/></office:font-face-decls><office:automatic-styles>",
    );
    out.push_str(AUTOMATIC);
    for w in &body.widths {
        let _ = write!(
            out,
            "<style:style style:name=\"W{w}\" style:family=\"table-column\">\
             <style:table-column-properties style:rel-column-width=\"{w}*\"/></style:style>"
        );
    }
    out.push_str("</office:automatic-styles><office:body><office:text>");
    out.push_str(&body.xml);
    out.push_str("</office:text></office:body></office:document-content>");
    out
}

/// The automatic styles every document uses: tables, rows, cells, the looks of text,
/// and paragraphs kept with the next.
const AUTOMATIC: &str = concat!(
    r##"<style:style style:name="Tab" style:family="table"><style:table-properties style:width="17.6cm" table:align="margins" fo:margin-bottom="0.15cm"/></style:style>"##,
    r##"<style:style style:name="TabWhole" style:family="table"><style:table-properties style:width="17.6cm" table:align="margins" fo:margin-bottom="0.15cm" style:may-break-between-rows="false"/></style:style>"##,
    r##"<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>"##,
    r##"<style:style style:name="RowLong" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>"##,
    r##"<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.07cm" fo:padding-bottom="0.04cm" fo:padding-left="0.15cm" fo:padding-right="0.15cm" fo:border="0.5pt solid #b1b4b6"/></style:style>"##,
    r##"<style:style style:name="CHead" style:family="table-cell"><style:table-cell-properties fo:background-color="#f3f2f1" fo:padding-top="0.07cm" fo:padding-bottom="0.04cm" fo:padding-left="0.15cm" fo:padding-right="0.15cm" fo:border="0.5pt solid #b1b4b6"/></style:style>"##,
    r##"<style:style style:name="CLow" style:family="table-cell"><style:table-cell-properties fo:background-color="#cce2d8" fo:padding="0.1cm" fo:border="0.5pt solid #b1b4b6"/></style:style>"##,
    r##"<style:style style:name="CMedium" style:family="table-cell"><style:table-cell-properties fo:background-color="#fff2b3" fo:padding="0.1cm" fo:border="0.5pt solid #b1b4b6"/></style:style>"##,
    r##"<style:style style:name="CHigh" style:family="table-cell"><style:table-cell-properties fo:background-color="#f4cdc6" fo:padding="0.1cm" fo:border="0.5pt solid #b1b4b6"/></style:style>"##,
    r##"<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>"##,
    r##"<style:style style:name="Quiet" style:family="text"><style:text-properties fo:color="#505a5f"/></style:style>"##,
    r##"<style:style style:name="Missing" style:family="text"><style:text-properties fo:color="#d4351c" fo:font-weight="bold"/></style:style>"##,
    r##"<style:style style:name="Removed" style:family="text"><style:text-properties fo:color="#d4351c" style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>"##,
    r##"<style:style style:name="Added" style:family="text"><style:text-properties fo:color="#00703c" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>"##,
    r##"<style:style style:name="Code" style:family="text"><style:text-properties style:font-name="Courier New" fo:font-size="8.5pt"/></style:style>"##,
    r##"<style:style style:name="Kept" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"##,
    r##"<style:style style:name="FindingKept" style:family="paragraph" style:parent-style-name="FindingText"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"##,
    r##"<style:style style:name="BannerKept" style:family="paragraph" style:parent-style-name="Banner"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"##,
    r##"<style:style style:name="BannerApprovedKept" style:family="paragraph" style:parent-style-name="BannerApproved"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"##,
    r##"<style:style style:name="BannerWarningKept" style:family="paragraph" style:parent-style-name="BannerWarning"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"##,
);

fn plain(text: &str) -> Span {
    crate::report::span(text, Look::Plain)
}

/// The text style of a look, if it has one.
fn style(look: Look) -> Option<&'static str> {
    match look {
        Look::Plain | Look::Typed | Look::Day(_) => None,
        Look::Strong => Some("Strong"),
        Look::Quiet => Some("Quiet"),
        Look::Missing => Some("Missing"),
        Look::Removed => Some("Removed"),
        Look::Added => Some("Added"),
        Look::Code => Some("Code"),
    }
}

/// The text of a paragraph's spans: runs of spaces kept (`text:s`), tabs and line breaks
/// as ODF's own elements, each span in its look's style.
fn spans(out: &mut String, line: &[Span]) {
    // A space at the start of a paragraph, or after another, must be written out.
    let mut after_space = true;
    for s in line {
        let styled = style(s.look);
        if let Some(name) = styled {
            let _ = write!(out, "<text:span text:style-name=\"{name}\">");
        }
        for (i, piece) in lines(&s.text).enumerate() {
            if i > 0 {
                out.push_str("<text:line-break/>");
                after_space = true;
            }
            let mut spaces = 0;
            let flush = |out: &mut String, spaces: &mut usize| {
                if *spaces > 0 {
                    let _ = write!(out, "<text:s text:c=\"{spaces}\"/>");
                    *spaces = 0;
                }
            };
            let mut run = String::new();
            for c in piece.chars() {
                match c {
                    ' ' if after_space => {
                        push_text(out, &std::mem::take(&mut run));
                        spaces += 1;
                    }
                    ' ' => {
                        run.push(' ');
                        after_space = true;
                    }
                    '\t' => {
                        push_text(out, &std::mem::take(&mut run));
                        flush(out, &mut spaces);
                        out.push_str("<text:tab/>");
                        after_space = false;
                    }
                    c => {
                        if spaces > 0 {
                            flush(out, &mut spaces);
                        }
                        run.push(c);
                        after_space = false;
                    }
                }
            }
            push_text(out, &run);
            flush(out, &mut spaces);
        }
        if styled.is_some() {
            out.push_str("</text:span>");
        }
    }
}

impl Body {
    fn paragraph(&mut self, style: &str, kept: bool, line: &[Span]) {
        let style = match (style, kept) {
            ("Standard", true) => "Kept",
            ("FindingText", true) => "FindingKept",
            ("Banner", true) => "BannerKept",
            ("BannerApproved", true) => "BannerApprovedKept",
            ("BannerWarning", true) => "BannerWarningKept",
            (style, _) => style,
        };
        let _ = write!(self.xml, "<text:p text:style-name=\"{style}\">");
        spans(&mut self.xml, line);
        self.xml.push_str("</text:p>");
    }

    fn banner(&mut self, tone: Tone, line: &Line, leads: bool) {
        let style = match tone {
            Tone::Notice => "Banner",
            Tone::Good => "BannerApproved",
            Tone::Warning => "BannerWarning",
        };
        self.paragraph(style, leads, line);
    }

    fn part(&mut self, part: &Part, level: usize) {
        let level = level.min(3);
        let _ = write!(
            self.xml,
            "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">"
        );
        spans(&mut self.xml, &[plain(&part.title)]);
        self.xml.push_str("</text:h>");
        if let Some(lede) = part.lede {
            self.paragraph("Lede", false, &[plain(lede)]);
        }
        for (i, block) in part.blocks.iter().enumerate() {
            let leads = i + 1 < part.blocks.len() || !part.parts.is_empty();
            self.block(block, leads);
        }
        for sub in &part.parts {
            self.part(sub, level + 1);
        }
    }

    fn block(&mut self, block: &Block, leads: bool) {
        match block {
            Block::Para(line) => self.paragraph("Standard", leads, line),
            Block::Banner(tone, line) => self.banner(*tone, line, leads),
            Block::Facts(_) | Block::Questions(_) | Block::Table(_) | Block::Matrix(_) => {
                let t = block.as_table().unwrap_or_else(|| unreachable!());
                let named = matches!(block, Block::Facts(_)) || t.row_headers;
                let whole = matches!(block, Block::Matrix(_));
                self.table(&t.header, &t.widths, t.rows, named, whole);
            }
            Block::List(lines) => {
                let items: Vec<Item> = lines.iter().cloned().map(Item::Bullet).collect();
                self.items(&items, "Standard");
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
            "Finding",
            false,
            &[crate::report::span(f.message.clone(), Look::Strong)],
        );
        if let Some(detail) = &f.detail {
            self.paragraph("FindingText", true, &[plain(detail)]);
        }
        self.paragraph(
            "FindingSource",
            false,
            &[crate::report::span(&f.source, Look::Quiet)],
        );
    }

    /// Paragraphs and bullet lists, in `style` (bullets as ODF lists).
    fn items(&mut self, items: &[Item], style: &str) {
        let mut in_list = false;
        for item in items {
            match item {
                Item::Bullet(line) => {
                    if !in_list {
                        self.xml.push_str("<text:list text:style-name=\"Bullets\">");
                        in_list = true;
                    }
                    self.xml.push_str("<text:list-item>");
                    self.paragraph(style, false, line);
                    self.xml.push_str("</text:list-item>");
                }
                Item::Para(line) => {
                    if in_list {
                        self.xml.push_str("</text:list>");
                        in_list = false;
                    }
                    self.paragraph(style, false, line);
                }
            }
        }
        if in_list {
            self.xml.push_str("</text:list>");
        }
    }

    /// A table: a header row repeated on each page unless `header` is empty, columns in
    /// proportion to `widths`, the first column shaded when it names the row; `whole`
    /// keeps it on one page, as is any table of a few rows (ODF cannot keep a heading
    /// with more than a table's first row, so a short table goes whole or not at all).
    fn table(
        &mut self,
        header: &[&str],
        widths: &[u16],
        rows: Vec<Vec<Cell>>,
        row_headers: bool,
        whole: bool,
    ) {
        self.tables += 1;
        let whole = whole || rows.len() <= SHORT_TABLE;
        let _ = write!(
            self.xml,
            "<table:table table:name=\"Table{}\" table:style-name=\"{}\">",
            self.tables,
            if whole { "TabWhole" } else { "Tab" }
        );
        for w in widths {
            if !self.widths.contains(w) {
                self.widths.push(*w);
            }
            let _ = write!(self.xml, "<table:table-column table:style-name=\"W{w}\"/>");
        }
        if !header.is_empty() {
            self.xml
                .push_str("<table:table-header-rows><table:table-row table:style-name=\"Row\">");
            for h in header {
                self.xml.push_str(
                    "<table:table-cell table:style-name=\"CHead\" office:value-type=\"string\">",
                );
                self.paragraph("TableHeading", false, &[plain(h)]);
                self.xml.push_str("</table:table-cell>");
            }
            self.xml
                .push_str("</table:table-row></table:table-header-rows>");
        }
        for row in rows {
            let long = row
                .iter()
                .flat_map(|c| &c.items)
                .map(|item| match item {
                    Item::Para(line) | Item::Bullet(line) => {
                        line.iter().map(|s| s.text.len()).sum::<usize>()
                    }
                })
                .sum::<usize>()
                > 1_500;
            let _ = write!(
                self.xml,
                "<table:table-row table:style-name=\"{}\">",
                if long { "RowLong" } else { "Row" }
            );
            for (i, cell) in row.into_iter().enumerate() {
                let style = match cell.shade {
                    Some(Risk::Low) => "CLow",
                    Some(Risk::Medium) => "CMedium",
                    Some(Risk::High) => "CHigh",
                    None if row_headers && i == 0 => "CHead",
                    None => "C",
                };
                let _ = write!(
                    self.xml,
                    "<table:table-cell table:style-name=\"{style}\" office:value-type=\"string\">"
                );
                if cell.items.is_empty() {
                    self.xml.push_str("<text:p text:style-name=\"TableText\"/>");
                }
                self.items(&cell.items, "TableText");
                self.xml.push_str("</table:table-cell>");
            }
            self.xml.push_str("</table:table-row>");
        }
        self.xml.push_str("</table:table>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(line: &[Span]) -> String {
        let mut out = String::new();
        spans(&mut out, line);
        out
    }

    #[test]
    fn spaces_tabs_and_line_breaks_are_kept_as_odf_elements() {
        assert_eq!(
            written(&[plain("  two  spaces\tand\r\na <b>")]),
            "<text:s text:c=\"2\"/>two <text:s text:c=\"1\"/>spaces<text:tab/>and\
             <text:line-break/>a &lt;b&gt;"
        );
        assert_eq!(
            written(&[crate::report::span("bold ", Look::Strong), plain(" then")]),
            "<text:span text:style-name=\"Strong\">bold </text:span><text:s text:c=\"1\"/>then"
        );
    }
}
