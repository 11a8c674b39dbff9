//! The Word document and the OpenDocument text, read back with independent readers (the
//! `zip` crate, which checks each entry's CRC-32, and the `roxmltree` XML parser): a valid
//! package of well-formed parts whatever the user typed, the model's headings as real
//! headings, every text of the model in order, the head and foot of every page, the
//! properties, the risk matrix kept whole. tests/documents_libreoffice.rs opens the same
//! files in LibreOffice, pandoc and odfpy.

#[path = "fixtures/approver/mod.rs"]
mod approver;
#[path = "realistic/assessments.rs"]
#[allow(dead_code)]
mod assessments;
#[path = "fixtures/export/hostile.rs"]
#[allow(dead_code)]
mod hostile;
#[path = "fixtures/records.rs"]
#[allow(dead_code)]
mod records;
#[path = "fixtures/report_text.rs"]
#[allow(dead_code)]
mod report_text;

use std::io::Read;

use lia::assessment::{Answer, Assessment, QuestionId};
use lia::export::{to_docx_with_previous, to_odt};
use lia::report::Report;
use report_text::{normal, Layout};

use records::{records, review_pair, AT, TODAY};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Word,
    Odt,
}

const FORMATS: [Format; 2] = [Format::Word, Format::Odt];

fn write(format: Format, a: &Assessment, previous: Option<&Assessment>) -> Vec<u8> {
    match format {
        Format::Word => to_docx_with_previous(
            a,
            previous,
            AT,
            TODAY,
            &lia::handover::Trust::default(),
            None,
        ),
        Format::Odt => to_odt(
            a,
            previous,
            AT,
            TODAY,
            &lia::handover::Trust::default(),
            None,
        ),
    }
}

/// The entries of an archive as the `zip` crate reads them (it checks each CRC-32 as it
/// reads to the end): name, bytes, whether stored without compression.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>, bool)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("its CRC-32 checks out");
            let stored = file.compression() == zip::CompressionMethod::Stored;
            (file.name().unwrap().to_string(), data, stored)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, Vec<u8>, bool)], name: &str) -> &'a str {
    let (_, data, _) = entries
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing"));
    std::str::from_utf8(data).unwrap()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

/// One paragraph of a body: its heading level (if a heading), style and text.
#[derive(Debug)]
struct Para {
    heading: Option<usize>,
    style: String,
    text: String,
}

/// The text of a Word paragraph: its runs' text, tabs and breaks; fields as `{NAME}`
/// (their cached result is not the document's text).
fn word_text(p: roxmltree::Node) -> String {
    fn walk(node: roxmltree::Node, out: &mut String) {
        for n in node.children() {
            match (n.tag_name().namespace(), n.tag_name().name()) {
                (Some(W), "t") => out.push_str(n.text().unwrap_or("")),
                (Some(W), "tab") => out.push('\t'),
                (Some(W), "br") => out.push('\n'),
                (Some(W), "fldSimple") => {
                    let instr = n.attribute((W, "instr")).unwrap_or("").trim();
                    out.push_str(&format!("{{{instr}}}"));
                }
                _ => walk(n, out),
            }
        }
    }
    let mut out = String::new();
    walk(p, &mut out);
    out
}

/// The text of an ODF paragraph: its text and spans, runs of spaces (`text:s`), tabs and
/// line breaks; the page number and count as `{PAGE}` and `{NUMPAGES}`.
fn odf_text(node: roxmltree::Node, out: &mut String) {
    for n in node.children() {
        if n.is_text() {
            out.push_str(n.text().unwrap_or(""));
            continue;
        }
        match (n.tag_name().namespace(), n.tag_name().name()) {
            (Some(TEXT), "s") => {
                let c: usize = n.attribute((TEXT, "c")).map_or(1, |c| c.parse().unwrap());
                out.push_str(&" ".repeat(c));
            }
            (Some(TEXT), "tab") => out.push('\t'),
            (Some(TEXT), "line-break") => out.push('\n'),
            (Some(TEXT), "page-number") => out.push_str("{PAGE}"),
            (Some(TEXT), "page-count") => out.push_str("{NUMPAGES}"),
            (Some(TEXT), "span") => odf_text(n, out),
            _ => {}
        }
    }
}

/// Every paragraph and heading of the body, in order.
fn paragraphs(format: Format, entries: &[(String, Vec<u8>, bool)]) -> Vec<Para> {
    match format {
        Format::Word => {
            let xml = entry(entries, "word/document.xml");
            let doc = roxmltree::Document::parse(xml).expect("well-formed document.xml");
            doc.descendants()
                .filter(|n| n.has_tag_name((W, "p")))
                .map(|p| {
                    let style = p
                        .descendants()
                        .find(|n| n.has_tag_name((W, "pStyle")))
                        .and_then(|s| s.attribute((W, "val")))
                        .unwrap_or("")
                        .to_string();
                    let heading = style.strip_prefix("Heading").and_then(|n| n.parse().ok());
                    Para {
                        heading,
                        style,
                        text: word_text(p),
                    }
                })
                .collect()
        }
        Format::Odt => {
            let xml = entry(entries, "content.xml");
            let doc = roxmltree::Document::parse(xml).expect("well-formed content.xml");
            doc.descendants()
                .filter(|n| n.has_tag_name((TEXT, "p")) || n.has_tag_name((TEXT, "h")))
                .map(|p| {
                    let mut text = String::new();
                    odf_text(p, &mut text);
                    Para {
                        heading: p.has_tag_name((TEXT, "h")).then(|| {
                            p.attribute((TEXT, "outline-level"))
                                .unwrap()
                                .parse()
                                .unwrap()
                        }),
                        style: p.attribute((TEXT, "style-name")).unwrap_or("").to_string(),
                        text,
                    }
                })
                .collect()
        }
    }
}

/// The head and foot of every page, as text.
fn head_and_foot(format: Format, entries: &[(String, Vec<u8>, bool)]) -> (String, String) {
    match format {
        Format::Word => {
            let text = |name: &str| {
                let xml = entry(entries, name);
                let doc = roxmltree::Document::parse(xml).unwrap();
                let p = doc
                    .descendants()
                    .find(|n| n.has_tag_name((W, "p")))
                    .unwrap();
                word_text(p)
            };
            (text("word/header1.xml"), text("word/footer1.xml"))
        }
        Format::Odt => {
            let xml = entry(entries, "styles.xml");
            let doc = roxmltree::Document::parse(xml).unwrap();
            let master = doc
                .descendants()
                .find(|n| n.has_tag_name((STYLE, "master-page")))
                .expect("a master page");
            let text = |name: &str| {
                let part = master
                    .children()
                    .find(|n| n.has_tag_name((STYLE, name)))
                    .unwrap_or_else(|| panic!("style:{name}"));
                let mut out = String::new();
                odf_text(part.children().find(|n| n.is_element()).unwrap(), &mut out);
                out
            };
            (text("header"), text("footer"))
        }
    }
}

#[test]
fn each_file_is_a_valid_package_of_well_formed_parts() {
    for format in FORMATS {
        for (name, a, previous) in records() {
            let entries = unzip(&write(format, &a, previous.as_ref()));
            let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
            let expected: &[&str] = match format {
                Format::Word => &[
                    "[Content_Types].xml",
                    "_rels/.rels",
                    "docProps/core.xml",
                    "docProps/app.xml",
                    "word/_rels/document.xml.rels",
                    "word/styles.xml",
                    "word/numbering.xml",
                    "word/header1.xml",
                    "word/footer1.xml",
                    "word/document.xml",
                ],
                Format::Odt => &[
                    "mimetype",
                    "META-INF/manifest.xml",
                    "meta.xml",
                    "styles.xml",
                    "content.xml",
                ],
            };
            assert_eq!(names, expected, "{format:?} {name}");
            for (part, data, _) in &entries {
                if part.ends_with(".xml") || part.ends_with(".rels") {
                    let xml = std::str::from_utf8(data).unwrap();
                    if let Err(e) = roxmltree::Document::parse(xml) {
                        panic!("{format:?} {name}: {part}: {e}");
                    }
                }
            }
            match format {
                Format::Word => {
                    let types = entry(&entries, "[Content_Types].xml");
                    for part in &names[2..] {
                        if part.ends_with(".xml") {
                            assert!(types.contains(&format!("PartName=\"/{part}\"")), "{part}");
                        }
                    }
                    let rels = entry(&entries, "word/_rels/document.xml.rels");
                    for target in ["styles.xml", "numbering.xml", "header1.xml", "footer1.xml"] {
                        assert!(rels.contains(&format!("Target=\"{target}\"")), "{target}");
                    }
                }
                Format::Odt => {
                    // The media type first, stored, exactly: how a reader tells the format.
                    let (first, data, stored) = &entries[0];
                    assert_eq!(first, "mimetype");
                    assert!(*stored);
                    assert_eq!(data, b"application/vnd.oasis.opendocument.text");
                    let bytes = write(format, &a, previous.as_ref());
                    assert_eq!(&bytes[30..38], b"mimetype", "no extra field before it");
                    assert_eq!(&bytes[38..77], b"application/vnd.oasis.opendocument.text");
                    let manifest = entry(&entries, "META-INF/manifest.xml");
                    for part in ["content.xml", "styles.xml", "meta.xml"] {
                        assert!(
                            manifest.contains(&format!("full-path=\"{part}\"")),
                            "{part}"
                        );
                    }
                    for part in ["content.xml", "styles.xml", "meta.xml"] {
                        assert!(entry(&entries, part).contains("office:version=\"1.3\""));
                    }
                }
            }
        }
    }
}

#[test]
fn each_file_says_what_the_model_says_under_real_headings() {
    for format in FORMATS {
        for (name, a, previous) in records() {
            let model = Report::of(&a, previous.as_ref(), TODAY, AT);
            let entries = unzip(&write(format, &a, previous.as_ref()));
            let paragraphs = paragraphs(format, &entries);
            let headings: Vec<(usize, String)> = paragraphs
                .iter()
                .filter_map(|p| p.heading.map(|level| (level, normal(&p.text))))
                .collect();
            assert_eq!(
                headings,
                report_text::headings(&model, 3),
                "{format:?} {name}"
            );
            let title = paragraphs
                .iter()
                .find(|p| p.style == "Title")
                .expect("a title paragraph");
            assert_eq!(title.text, model.title);
            let text: String = paragraphs.iter().map(|p| format!("{}\n", p.text)).collect();
            let missing =
                report_text::missing_in_order(&text, &report_text::texts(&model, Layout::Document));
            assert!(missing.is_empty(), "{format:?} {name}: {missing:#?}");
        }
    }
}

#[test]
fn the_check_of_what_a_reader_finds_would_see_a_difference() {
    let a = assessments::references();
    let model = Report::of(&a, None, TODAY, AT);
    let expected = report_text::texts(&model, Layout::Document);
    let text: String = paragraphs(Format::Odt, &unzip(&write(Format::Odt, &a, None)))
        .iter()
        .map(|p| format!("{}\n", p.text))
        .collect();
    assert!(report_text::missing_in_order(&text, &expected).is_empty());
    let without = text.replacen("Harbour View Hotels Ltd", "", usize::MAX);
    assert!(!report_text::missing_in_order(&without, &expected).is_empty());
}

#[test]
fn every_page_has_the_head_and_the_foot_with_page_n_of_m() {
    for format in FORMATS {
        for (name, a, previous) in records() {
            let model = Report::of(&a, previous.as_ref(), TODAY, AT);
            let entries = unzip(&write(format, &a, previous.as_ref()));
            let (head, foot) = head_and_foot(format, &entries);
            assert_eq!(head, model.running.head, "{format:?} {name}");
            let digest = lia::assessment::assessment_digest(&a);
            let want = match format {
                Format::Word => format!("Page {{PAGE}} of {{NUMPAGES}} · digest {}", &digest[..8]),
                Format::Odt => format!("Page {{PAGE}} of {{NUMPAGES}} · digest {}", &digest[..8]),
            };
            assert_eq!(foot, want, "{format:?} {name}");
            assert!(head.contains(&format!("version {}", a.version)));
        }
    }
}

#[test]
fn the_properties_name_the_record_and_its_author() {
    let a = assessments::references();
    let author = match a.answers.get(QuestionId::SignOffCompletedName) {
        Some(Answer::Text(t)) => t.trim().to_string(),
        _ => unreachable!("the case names who completed it"),
    };
    let title = format!("Legitimate interests assessment: {}", a.title());
    for format in FORMATS {
        let entries = unzip(&write(format, &a, None));
        let (part, ns_dc) = match format {
            Format::Word => ("docProps/core.xml", "http://purl.org/dc/elements/1.1/"),
            Format::Odt => ("meta.xml", "http://purl.org/dc/elements/1.1/"),
        };
        let doc = roxmltree::Document::parse(entry(&entries, part)).unwrap();
        let dc = |name: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name((ns_dc, name)))
                .and_then(|n| n.text())
                .map(str::to_string)
        };
        assert_eq!(dc("title").as_deref(), Some(title.as_str()), "{format:?}");
        assert_eq!(
            dc("creator").as_deref(),
            Some(author.as_str()),
            "{format:?}"
        );
        let created = doc
            .descendants()
            .find(|n| n.tag_name().name() == "created" || n.tag_name().name() == "creation-date")
            .and_then(|n| n.text());
        assert_eq!(created, Some(AT), "{format:?}");
    }
}

#[test]
fn hostile_text_is_kept_and_never_breaks_the_xml() {
    let a = hostile::hostile_assessment();
    let long = match a.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!(),
    };
    assert_eq!(long.chars().count(), 20_000);
    for format in FORMATS {
        let entries = unzip(&write(format, &a, None));
        for (part, data, _) in &entries {
            if part.ends_with(".xml") {
                roxmltree::Document::parse(std::str::from_utf8(data).unwrap())
                    .unwrap_or_else(|e| panic!("{format:?} {part}: {e}"));
            }
        }
        let text: String = paragraphs(format, &entries)
            .iter()
            .map(|p| format!("{}\n", p.text))
            .collect();
        // The markup arrives as text; forbidden characters as U+FFFD; the rest as typed,
        // tabs and line breaks as the format's own.
        let expected = hostile::hostile(0)
            .chars()
            .map(|c| match c as u32 {
                0x9 | 0xA | 0xD => c,
                0x0..=0x1F | 0x7F..=0x9F | 0xFFFE | 0xFFFF => '\u{FFFD}',
                _ => c,
            })
            .collect::<String>()
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        assert!(
            text.contains(&expected),
            "{format:?}: {expected:?} not in the text"
        );
        let tail: String = long.chars().skip(19_900).collect();
        assert!(text.contains(&tail), "{format:?}: the long answer is cut");
        assert!(text.contains("hostile <&> \u{FFFD}"), "{format:?}: the id");
    }
}

#[test]
fn the_risk_matrix_is_a_table_kept_on_one_page_with_each_impact_in_its_cells() {
    let mut checked = 0;
    for (name, a, _) in records()
        .into_iter()
        .filter(|(_, a, _)| !a.impacts.is_empty())
    {
        let model = Report::of(&a, None, TODAY, AT);
        let matrix = model
            .outline()
            .into_iter()
            .find_map(|(_, p)| {
                p.blocks.iter().find_map(|b| match b {
                    lia::report::Block::Matrix(m) => Some(m.clone()),
                    _ => None,
                })
            })
            .unwrap();
        for format in FORMATS {
            let entries = unzip(&write(format, &a, None));
            let body = match format {
                Format::Word => entry(&entries, "word/document.xml").to_string(),
                Format::Odt => entry(&entries, "content.xml").to_string(),
            };
            let doc = roxmltree::Document::parse(&body).unwrap();
            let (table_tag, row_tag, cell_tag) = match format {
                Format::Word => ((W, "tbl"), (W, "tr"), (W, "tc")),
                Format::Odt => (
                    (TABLE, "table"),
                    (TABLE, "table-row"),
                    (TABLE, "table-cell"),
                ),
            };
            let cell_text = |cell: roxmltree::Node| -> String {
                let mut parts = Vec::new();
                for p in cell
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "p")) || n.has_tag_name((TEXT, "p")))
                {
                    let mut t = String::new();
                    match format {
                        Format::Word => t = word_text(p),
                        Format::Odt => odf_text(p, &mut t),
                    }
                    parts.push(t);
                }
                parts.join(" / ")
            };
            // The matrix: the table whose first cell is the severity title.
            let table = doc
                .descendants()
                .filter(|n| n.has_tag_name(table_tag))
                .find(|t| {
                    t.descendants()
                        .find(|n| n.has_tag_name(cell_tag))
                        .is_some_and(|c| cell_text(c) == matrix.severity_title)
                })
                .unwrap_or_else(|| panic!("{format:?} {name}: no matrix table"));
            let rows: Vec<Vec<String>> = table
                .descendants()
                .filter(|n| n.has_tag_name(row_tag))
                .map(|r| {
                    r.children()
                        .filter(|c| c.has_tag_name(cell_tag))
                        .map(cell_text)
                        .collect()
                })
                .collect();
            assert_eq!(rows.len(), 4, "{format:?} {name}");
            for (row, model_row) in rows[1..].iter().zip(&matrix.rows) {
                assert_eq!(row[0], model_row.severity);
                for (cell, model_cell) in row[1..].iter().zip(&model_row.cells) {
                    let want: Vec<String> = model_cell
                        .items
                        .iter()
                        .map(|i| match i {
                            lia::report::Item::Para(l) | lia::report::Item::Bullet(l) => {
                                report_text::line_text(l)
                            }
                        })
                        .collect();
                    assert_eq!(cell, &want.join(" / "), "{format:?} {name}");
                    checked += 1;
                }
            }
            // Kept on one page: in Word every row stays with the next and none splits;
            // in OpenDocument the table may not break between rows.
            match format {
                Format::Word => {
                    let body_rows: Vec<roxmltree::Node> = table
                        .children()
                        .filter(|n| n.has_tag_name((W, "tr")))
                        .collect();
                    for (i, row) in body_rows.iter().enumerate() {
                        assert!(row.descendants().any(|n| n.has_tag_name((W, "cantSplit"))));
                        let kept = row
                            .descendants()
                            .filter(|n| n.has_tag_name((W, "p")))
                            .all(|p| p.descendants().any(|n| n.has_tag_name((W, "keepNext"))));
                        assert_eq!(kept, i + 1 < body_rows.len(), "{name}: row {i}");
                    }
                }
                Format::Odt => {
                    let style = table.attribute((TABLE, "style-name")).unwrap();
                    let styles = doc
                        .descendants()
                        .find(|n| {
                            n.has_tag_name((STYLE, "style"))
                                && n.attribute((STYLE, "name")) == Some(style)
                        })
                        .unwrap();
                    let props = styles
                        .children()
                        .find(|n| n.has_tag_name((STYLE, "table-properties")))
                        .unwrap();
                    assert_eq!(
                        props.attribute((STYLE, "may-break-between-rows")),
                        Some("false"),
                        "{name}"
                    );
                }
            }
        }
    }
    assert!(checked > 50, "{checked}");
}

#[test]
fn a_review_lists_its_changes_with_the_words_taken_out_and_put_in_marked() {
    let (v1, mut v2) = review_pair();
    v2.set_text(
        QuestionId::PurposeWhy,
        match v1.answers.get(QuestionId::PurposeWhy) {
            Some(Answer::Text(t)) => t.replacen("employment history", "full employment history", 1),
            _ => unreachable!(),
        },
    );
    for format in FORMATS {
        let entries = unzip(&write(format, &v2, Some(&v1)));
        let paragraphs = paragraphs(format, &entries);
        let text: String = paragraphs.iter().map(|p| format!("{}\n", p.text)).collect();
        assert!(
            text.contains("Version 2 reviews exactly the approved version 1."),
            "{format:?}"
        );
        assert!(text.contains("[added] full"), "{format:?}");
        assert!(text.contains("<w:p>Staff & \"visitors\""), "{format:?}");
        let body = match format {
            Format::Word => entry(&entries, "word/document.xml"),
            Format::Odt => entry(&entries, "content.xml"),
        };
        match format {
            Format::Word => assert!(body.contains("<w:u w:val=\"single\"/>")),
            Format::Odt => assert!(body.contains("text:style-name=\"Added\"")),
        }
        let alone = unzip(&write(format, &v2, None));
        let text: String = paragraphs_text(format, &alone);
        assert!(text.contains("was not available when this record was made"));
        assert!(text.contains(&v2.reviewed.as_ref().unwrap().digest));
    }
}

fn paragraphs_text(format: Format, entries: &[(String, Vec<u8>, bool)]) -> String {
    paragraphs(format, entries)
        .iter()
        .map(|p| format!("{}\n", p.text))
        .collect()
}
