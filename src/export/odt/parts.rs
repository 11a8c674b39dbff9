//! The parts of the OpenDocument package besides the body: the manifest, the document's
//! properties (meta.xml) and styles.xml, with the named styles (headings with their outline
//! levels, so a navigator lists the parts), the bullet list, the A4 page, and the master
//! page whose head and foot carry the title, state and version, "Page N of M" (ODF's own
//! page number and page count fields) and the short digest.
//!
//! The `urn:oasis:…` and `http://…` strings are XML namespace names that ODF requires word
//! for word: names, never addresses that anything fetches.

use super::super::package::xml::{escape, push_text};
use crate::report::Running;

/// The media type of an OpenDocument text, also the archive's first entry, `mimetype`.
pub const MIME: &str = "application/vnd.oasis.opendocument.text";

/// The namespaces every part declares.
pub const NAMESPACES: &str = concat!(
    r##"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "##,
    r##"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "##,
    r##"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "##,
    r##"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "##,
    r##"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "##,
    r##"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" "##,
    r##"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "##,
    r##"xmlns:dc="http://purl.org/dc/elements/1.1/""##
);

pub const MANIFEST: &str = concat!(
    r##"<?xml version="1.0" encoding="UTF-8"?>"##,
    "\n",
    r##"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">"##,
    r##"<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>"##,
    r##"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"##,
    r##"<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>"##,
    r##"<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>"##,
    "</manifest:manifest>"
);

/// meta.xml: the title and author a word processor shows in the document's properties,
/// and when it was made (only if `created` is an ISO 8601 UTC time).
pub fn meta(title: &str, author: Option<&str>, created: &str, version: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta ");
    out.push_str(NAMESPACES);
    out.push_str(" office:version=\"1.3\"><office:meta><meta:generator>lia/");
    push_text(&mut out, version);
    out.push_str("</meta:generator><dc:title>");
    push_text(&mut out, title);
    out.push_str("</dc:title>");
    if let Some(author) = author {
        for element in ["meta:initial-creator", "dc:creator"] {
            out.push_str(&format!("<{element}>{}</{element}>", escape(author)));
        }
    }
    if super::super::word::is_w3cdtf(created) {
        for element in ["meta:creation-date", "dc:date"] {
            out.push_str(&format!("<{element}>{created}</{element}>"));
        }
    }
    out.push_str("</office:meta></office:document-meta>");
    out
}

/// One paragraph style of ours: its name, parent, paragraph and text properties.
macro_rules! paragraph {
    ($name:literal, $parent:literal, $para:literal, $text:literal) => {
        concat!(
            r##"<style:style style:name=""##,
            $name,
            r##"" style:family="paragraph" style:parent-style-name=""##,
            $parent,
            r##"" style:class="text"><style:paragraph-properties "##,
            $para,
            r##"/><style:text-properties "##,
            $text,
            r##"/></style:style>"##
        )
    };
}

/// One heading style: its level, the space above it and its size.
macro_rules! heading {
    ($level:literal, $display:literal, $para:literal, $size:literal) => {
        concat!(
            r##"<style:style style:name="Heading_20_"##,
            $level,
            r##"" style:display-name=""##,
            $display,
            r##"" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level=""##,
            $level,
            r##"" style:class="text"><style:paragraph-properties fo:keep-with-next="always" fo:keep-together="always" "##,
            $para,
            r##"/><style:text-properties fo:font-weight="bold" fo:font-size=""##,
            $size,
            r##""/></style:style>"##
        )
    };
}

/// One banner style: its name, the colour of its left border and of its background.
macro_rules! banner {
    ($name:literal, $border:literal, $background:literal) => {
        concat!(
            r#"<style:style style:name=""#,
            $name,
            r##"" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:border-left="3pt solid #"##,
            $border,
            r##"" fo:background-color="#"##,
            $background,
            r#"" fo:margin-top="0.1cm" fo:margin-bottom="0.18cm" fo:padding-left="0.2cm" fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:keep-together="always"/><style:text-properties fo:font-weight="bold"/></style:style>"#
        )
    };
}

/// The named styles, the page and the bullets.
const STYLES: &str = concat!(
    r##"<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/></office:font-face-decls>"##,
    r##"<office:styles>"##,
    r##"<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.14cm" fo:line-height="100%"/><style:text-properties style:font-name="Arial" fo:font-size="10pt" fo:language="en" fo:country="GB"/></style:default-style>"##,
    r##"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>"##,
    paragraph!(
        "Title",
        "Standard",
        r##"fo:margin-bottom="0.2cm""##,
        r##"fo:font-size="20pt" fo:font-weight="bold""##
    ),
    paragraph!(
        "Subtitle",
        "Standard",
        r##"fo:margin-bottom="0.07cm""##,
        r##"fo:color="#505a5f""##
    ),
    heading!(
        "1",
        "Heading 1",
        r##"fo:margin-top="0.42cm" fo:margin-bottom="0.14cm" fo:border-top="1.5pt solid #1d70b8" fo:padding-top="0.12cm""##,
        "14pt"
    ),
    heading!(
        "2",
        "Heading 2",
        r##"fo:margin-top="0.28cm" fo:margin-bottom="0.1cm""##,
        "12pt"
    ),
    heading!(
        "3",
        "Heading 3",
        r##"fo:margin-top="0.21cm" fo:margin-bottom="0.07cm""##,
        "10.5pt"
    ),
    paragraph!(
        "Lede",
        "Standard",
        r##"fo:keep-with-next="always" fo:keep-together="always""##,
        r##"fo:color="#505a5f""##
    ),
    banner!("Banner", "1d70b8", "f3f2f1"),
    banner!("BannerApproved", "00703c", "eef7f1"),
    banner!("BannerWarning", "d4351c", "fcebe8"),
    paragraph!(
        "TableText",
        "Standard",
        r##"fo:margin-bottom="0.07cm""##,
        ""
    ),
    paragraph!(
        "TableHeading",
        "TableText",
        r##"fo:keep-with-next="always""##,
        r##"fo:font-weight="bold""##
    ),
    paragraph!(
        "Finding",
        "Standard",
        r##"fo:margin-top="0.14cm" fo:margin-bottom="0cm" fo:line-height="100%" fo:keep-with-next="always" fo:keep-together="always""##,
        r##"fo:font-weight="bold" fo:font-size="9pt""##
    ),
    paragraph!(
        "FindingText",
        "Standard",
        r##"fo:margin-bottom="0cm" fo:line-height="100%" fo:keep-with-next="always" fo:keep-together="always""##,
        r##"fo:font-size="9pt""##
    ),
    paragraph!(
        "FindingSource",
        "Standard",
        r##"fo:margin-bottom="0.07cm" fo:line-height="100%" fo:keep-together="always""##,
        r##"fo:font-size="8.5pt""##
    ),
    paragraph!(
        "Colophon",
        "Standard",
        r##"fo:margin-top="0.2cm""##,
        r##"fo:color="#505a5f" fo:font-size="8.5pt""##
    ),
    paragraph!(
        "Header",
        "Standard",
        r##"fo:margin-bottom="0cm" fo:border-bottom="0.5pt solid #b1b4b6" fo:padding-bottom="0.05cm""##,
        r##"fo:color="#505a5f" fo:font-size="8pt""##
    ),
    paragraph!(
        "Footer",
        "Standard",
        r##"fo:margin-bottom="0cm""##,
        r##"fo:color="#505a5f" fo:font-size="8pt""##
    ),
    r##"<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.45cm" fo:text-indent="-0.45cm" fo:margin-left="0.45cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>"##,
    r##"</office:styles>"##,
    r##"<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1.7cm" fo:margin-right="1.7cm"/>"##,
    r##"<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.35cm"/></style:header-style>"##,
    r##"<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.35cm"/></style:footer-style></style:page-layout></office:automatic-styles>"##
);

/// styles.xml, with the head and foot of this document's pages.
pub fn styles(running: &Running) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles ");
    out.push_str(NAMESPACES);
    out.push_str(" office:version=\"1.3\">");
    out.push_str(STYLES);
    out.push_str(
        "<office:master-styles><style:master-page style:name=\"Standard\" \
         style:page-layout-name=\"A4\"><style:header><text:p text:style-name=\"Header\">",
    );
    push_text(&mut out, &running.head);
    out.push_str("</text:p></style:header><style:footer><text:p text:style-name=\"Footer\">");
    push_text(&mut out, running.page_before);
    out.push_str("<text:page-number text:select-page=\"current\">1</text:page-number>");
    push_text(&mut out, running.page_between);
    out.push_str("<text:page-count>1</text:page-count>");
    push_text(&mut out, &running.page_after);
    out.push_str("</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>");
    out
}
