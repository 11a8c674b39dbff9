//! The fixed parts of the package: content types, relationships, styles (with real
//! Heading 1–3, so Word's navigation pane lists the sections), bullets, and the
//! document properties (title and author in docProps/core.xml).
//!
//! The `http://schemas.openxmlformats.org/…` and `http://purl.org/…` strings are XML
//! namespace names and relationship types that Office Open XML requires word for word:
//! names, never addresses that anything fetches.

use super::xml::escape;

pub const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
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
    "</Relationships>"
);

/// One paragraph style based on Normal: id, name, paragraph and run properties.
macro_rules! para_style {
    ($id:literal, $name:literal, $ppr:literal, $rpr:literal) => {
        concat!(
            r#"<w:style w:type="paragraph" w:styleId=""#,
            $id,
            r#""><w:name w:val=""#,
            $name,
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
    r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
    para_style!(
        "Title",
        "Title",
        r#"<w:spacing w:after="240"/>"#,
        r#"<w:b/><w:sz w:val="48"/><w:szCs w:val="48"/>"#
    ),
    para_style!(
        "Subtitle",
        "Subtitle",
        r#"<w:spacing w:after="120"/>"#,
        r#"<w:color w:val="505A5F"/>"#
    ),
    para_style!(
        "Heading1",
        "heading 1",
        r#"<w:keepNext/><w:keepLines/><w:pBdr><w:top w:val="single" w:sz="24" w:space="4" w:color="1D70B8"/></w:pBdr><w:spacing w:before="480" w:after="160"/><w:outlineLvl w:val="0"/>"#,
        r#"<w:b/><w:sz w:val="34"/><w:szCs w:val="34"/>"#
    ),
    para_style!(
        "Heading2",
        "heading 2",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="1"/>"#,
        r#"<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>"#
    ),
    para_style!(
        "Heading3",
        "heading 3",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/>"#,
        r#"<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>"#
    ),
    para_style!(
        "ListBullet",
        "List Bullet",
        r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>"#,
        ""
    ),
    r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:tblPr><w:tblBorders>"#,
    r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
    r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/></w:tblBorders>"#,
    r#"<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
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

pub fn app(version: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            "<Application>Legitimate interests assessment tool {}</Application></Properties>"
        ),
        escape(version)
    )
}

/// docProps/core.xml: the title and author Word shows in the document's properties, and
/// when it was made (only if `created` is an ISO 8601 UTC time, as W3CDTF requires).
pub fn core(title: &str, author: Option<&str>, created: &str) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    out.push_str("<dc:title>");
    out.push_str(&escape(title));
    out.push_str("</dc:title><dc:subject>Legitimate interests assessment</dc:subject>");
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
fn is_w3cdtf(at: &str) -> bool {
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
            Some("O'Brien \u{1}"),
            "2026-11-22T10:15:00.123Z",
        );
        assert!(core.contains("<dc:title>Tom &amp; &lt;Jerry&gt;</dc:title>"));
        assert!(core.contains("<dc:creator>O&apos;Brien \u{FFFD}</dc:creator>"));
        assert!(core.contains(">2026-11-22T10:15:00.123Z</dcterms:created>"));
        let undated = super::core("t", None, "yesterday\"><x");
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
