//! The parts of the package besides the body: content types, relationships, styles (with
//! real Heading 1–3, so Word's navigation pane lists the sections), bullets, the page
//! head and foot (with the page number and the count of pages as Word fields), and the
//! document properties (title and author in docProps/core.xml).
//!
//! The `http://schemas.openxmlformats.org/…` and `http://purl.org/…` strings are XML
//! namespace names and relationship types that Office Open XML requires word for word:
//! names, never addresses that anything fetches.

use super::super::package::xml::{escape, push_text};
use crate::report::Running;

pub const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

pub const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

pub const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    "</Relationships>"
);

/// One paragraph style of our own, based on Normal: its id (also its name), paragraph
/// and run properties.
macro_rules! para_style {
    ($id:literal, $ppr:literal, $rpr:literal) => {
        concat!(
            r#"<w:style w:type="paragraph" w:styleId=""#,
            $id,
            r#""><w:name w:val=""#,
            $id,
            r#""/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>"#,
            $ppr,
            "</w:pPr><w:rPr>",
            $rpr,
            "</w:rPr></w:style>"
        )
    };
}

pub const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
    para_style!(
        "Title",
        r#"<w:spacing w:after="120"/>"#,
        r#"<w:b/><w:sz w:val="40"/><w:szCs w:val="40"/>"#
    ),
    para_style!(
        "Subtitle",
        r#"<w:spacing w:after="40"/>"#,
        r#"<w:color w:val="505A5F"/>"#
    ),
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:top w:val="single" w:sz="18" w:space="4" w:color="1D70B8"/></w:pBdr><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>"#,
    para_style!(
        "Lede",
        r#"<w:keepNext/><w:keepLines/>"#,
        r#"<w:color w:val="505A5F"/>"#
    ),
    para_style!(
        "Banner",
        r#"<w:keepLines/><w:pBdr><w:left w:val="single" w:sz="36" w:space="6" w:color="1D70B8"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/><w:spacing w:before="60" w:after="100"/><w:ind w:left="170"/>"#,
        r#"<w:b/>"#
    ),
    para_style!(
        "BannerApproved",
        r#"<w:keepLines/><w:pBdr><w:left w:val="single" w:sz="36" w:space="6" w:color="00703C"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF7F1"/><w:spacing w:before="60" w:after="100"/><w:ind w:left="170"/>"#,
        r#"<w:b/>"#
    ),
    para_style!(
        "BannerWarning",
        r#"<w:keepLines/><w:pBdr><w:left w:val="single" w:sz="36" w:space="6" w:color="D4351C"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FCEBE8"/><w:spacing w:before="60" w:after="100"/><w:ind w:left="170"/>"#,
        r#"<w:b/>"#
    ),
    para_style!(
        "TableText",
        r#"<w:spacing w:before="0" w:after="40"/>"#,
        r#""#
    ),
    para_style!(
        "TableBullet",
        r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="0" w:after="20"/><w:ind w:left="284" w:hanging="284"/>"#,
        r#""#
    ),
    para_style!(
        "AfterTable",
        r#"<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>"#,
        r#"<w:sz w:val="8"/><w:szCs w:val="8"/>"#
    ),
    para_style!(
        "Finding",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="80" w:after="0" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#
    ),
    para_style!(
        "FindingText",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#
    ),
    para_style!(
        "FindingSource",
        r#"<w:keepLines/><w:spacing w:after="40" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="17"/><w:szCs w:val="17"/>"#
    ),
    para_style!(
        "Colophon",
        r#"<w:spacing w:before="120" w:after="40"/>"#,
        r#"<w:color w:val="505A5F"/><w:sz w:val="17"/><w:szCs w:val="17"/>"#
    ),
    r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="B1B4B6"/></w:pBdr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>"#,
    r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>"#,
    r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
    r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/></w:tblBorders>"#,
    r#"<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    "</w:styles>"
);

pub const NUMBERING: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>"#,
    r#"</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
);

/// docProps/app.xml: the application that made the document, and its version.
pub fn app(application: &str, version: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            "<Application>{} {}</Application></Properties>"
        ),
        escape(application),
        escape(version)
    )
}

/// word/header1.xml: the title, state and version on every page.
pub fn header(running: &Running) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">"#
    ));
    push_text(&mut out, &running.head);
    out.push_str("</w:t></w:r></w:p></w:hdr>");
    out
}

/// word/footer1.xml: "Page N of M" (Word's PAGE and NUMPAGES fields) and the short digest.
pub fn footer(running: &Running) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#
    ));
    let text = |out: &mut String, t: &str| {
        out.push_str("<w:r><w:t xml:space=\"preserve\">");
        push_text(out, t);
        out.push_str("</w:t></w:r>");
    };
    let field = |out: &mut String, instruction: &str| {
        out.push_str("<w:fldSimple w:instr=\" ");
        out.push_str(instruction);
        out.push_str(" \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
    };
    text(&mut out, running.page_before);
    field(&mut out, "PAGE");
    text(&mut out, running.page_between);
    field(&mut out, "NUMPAGES");
    text(&mut out, &running.page_after);
    out.push_str("</w:p></w:ftr>");
    out
}

/// docProps/core.xml: the title and author Word shows in the document's properties, and
/// when it was made (only if `created` is an ISO 8601 UTC time, as W3CDTF requires).
pub fn core(title: &str, subject: &str, author: Option<&str>, created: &str) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    out.push_str("<dc:title>");
    out.push_str(&escape(title));
    out.push_str("</dc:title><dc:subject>");
    out.push_str(&escape(subject));
    out.push_str("</dc:subject>");
    if let Some(author) = author {
        out.push_str("<dc:creator>");
        out.push_str(&escape(author));
        out.push_str("</dc:creator>");
    }
    if is_w3cdtf(created) {
        for element in ["dcterms:created", "dcterms:modified"] {
            out.push_str(&format!(
                "<{element} xsi:type=\"dcterms:W3CDTF\">{created}</{element}>"
            ));
        }
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// `yyyy-mm-ddThh:mm:ss` with optional fractions, then `Z`: the form exports are dated in.
pub fn is_w3cdtf(at: &str) -> bool {
    let b = at.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[b.len() - 1] == b'Z'
        && (b.len() == 20
            || (b[19] == b'.' && b.len() > 21 && b[20..b.len() - 1].iter().all(u8::is_ascii_digit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_properties_carry_title_and_author_escaped() {
        let core = core(
            "Tom & <Jerry>",
            "LIA",
            Some("O'Brien \u{1}"),
            "2026-11-22T10:15:00.123Z",
        );
        assert!(core.contains("<dc:title>Tom &amp; &lt;Jerry&gt;</dc:title>"));
        assert!(core.contains("<dc:creator>O&apos;Brien \u{FFFD}</dc:creator>"));
        assert!(core.contains(">2026-11-22T10:15:00.123Z</dcterms:created>"));
        let undated = super::core("t", "s", None, "yesterday\"><x");
        assert!(!undated.contains("dcterms:created") && !undated.contains("creator"));
        for bad in [
            "2026-11-22T10:15:00",
            "2026-11-22T10:15:00.Z",
            "2026-11-22 10:15:00Z",
        ] {
            assert!(!is_w3cdtf(bad), "{bad}");
        }
    }
}
