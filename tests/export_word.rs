//! The Word document's structure, checked natively: a valid package (every entry's
//! CRC-32, the content types and relationships), well-formed XML whatever the user
//! typed, real headings for every part of the ICO template, header rows on every
//! table, the title and author in the properties, and every answer in the text.
//! tests/word_libreoffice.rs opens the same documents in LibreOffice.

#[path = "fixtures/export/docx.rs"]
mod docx;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::{outcome, Answer, AnswerKind, Ctx, Date, QuestionId};
use lia::export::{escape_xml, to_docx};

const AT: &str = "2026-11-22T10:15:00Z";

fn today() -> Option<Date> {
    Date::new(2026, 11, 22)
}

/// Checks that `xml` is well-formed as far as a package part can be wrong: one root,
/// every element closed in order, attribute values quoted, no `<` or bare `&` in text,
/// and only characters XML 1.0 allows. Returns the problems.
fn xml_problems(xml: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for c in xml.chars() {
        let code = c as u32;
        let allowed = matches!(code, 0x9 | 0xA | 0xD)
            || (0x20..=0xD7FF).contains(&code)
            || (0xE000..=0xFFFD).contains(&code)
            || code >= 0x10000;
        if !allowed {
            problems.push(format!("forbidden character U+{code:04X}"));
        }
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = &after[after.find("?>").map_or(after.len(), |i| i + 2)..];
    }
    let mut roots = 0;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e));
            if !ok {
                problems.push(format!(
                    "bare & in text: {:?}",
                    &entity[..entity.len().min(20)]
                ));
            }
        }
        if !text.trim().is_empty() && stack.is_empty() {
            problems.push("text outside the root".into());
        }
        rest = &rest[text_end..];
        if rest.is_empty() {
            break;
        }
        let Some(tag_end) = rest.find('>') else {
            problems.push("unclosed tag".into());
            break;
        };
        let tag = &rest[1..tag_end];
        rest = &rest[tag_end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => problems.push(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        // Attributes: name="value" pairs, values without < or bare &.
        let mut attributes = &body[name.len()..];
        while !attributes.trim().is_empty() {
            let a = attributes.trim_start();
            let Some(eq) = a.find("=\"") else {
                problems.push(format!("attribute without a quoted value in <{name}>"));
                break;
            };
            let value_end = a[eq + 2..].find('"').map(|i| eq + 2 + i);
            let Some(value_end) = value_end else {
                problems.push(format!("unterminated attribute in <{name}>"));
                break;
            };
            let value = &a[eq + 2..value_end];
            if value.contains('<') {
                problems.push(format!("< in an attribute of <{name}>"));
            }
            attributes = &a[value_end + 1..];
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    if !stack.is_empty() {
        problems.push(format!("unclosed elements: {stack:?}"));
    }
    if roots != 1 {
        problems.push(format!("{roots} root elements"));
    }
    problems
}

fn part(files: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone(),
    )
    .unwrap()
}

/// A paragraph of this style whose text is exactly `text`.
fn styled(document: &str, style: &str, text: &str) -> bool {
    document.contains(&format!(
        "<w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape_xml(text)
    ))
}

#[test]
fn every_example_is_a_valid_package_of_well_formed_parts() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let files = docx::unzip(&to_docx(&a, AT, today()));
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/app.xml",
                "docProps/core.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/numbering.xml",
                "word/styles.xml"
            ]
        );
        for (name, bytes) in &files {
            let xml = std::str::from_utf8(bytes).unwrap();
            assert!(
                xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\""),
                "{name}"
            );
            assert_eq!(
                xml_problems(xml),
                Vec::<String>::new(),
                "{}: {name}",
                example.key
            );
        }
        let types = part(&files, "[Content_Types].xml");
        for overridden in [
            "/word/document.xml",
            "/word/styles.xml",
            "/word/numbering.xml",
            "/docProps/core.xml",
            "/docProps/app.xml",
        ] {
            assert!(
                types.contains(&format!("PartName=\"{overridden}\"")),
                "{overridden}"
            );
        }
        assert!(part(&files, "_rels/.rels").contains("Target=\"word/document.xml\""));
    }
}

#[test]
fn the_document_has_word_headings_table_header_rows_and_its_properties() {
    let styles_needed = [
        "Heading1",
        "Heading2",
        "Heading3",
        "Title",
        "ListBullet",
        "TableGrid",
    ];
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let files = docx::unzip(&to_docx(&a, AT, today()));
        let styles = part(&files, "word/styles.xml");
        for style in styles_needed {
            assert!(
                styles.contains(&format!("w:styleId=\"{style}\"")),
                "{style}"
            );
        }
        // Word's built-in heading names and outline levels: the navigation pane.
        for (n, level) in [(1, 0), (2, 1), (3, 2)] {
            let at = styles.find(&format!("w:styleId=\"Heading{n}\"")).unwrap();
            let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
            assert!(style.contains(&format!("<w:name w:val=\"heading {n}\"/>")));
            assert!(style.contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")));
        }
        let document = part(&files, "word/document.xml");
        assert!(styled(&document, "Title", a.title()), "{}", example.key);
        for heading in [
            "Summary",
            "About the processing",
            "Is legitimate interests available?",
            "Part 1: Purpose test",
            "Part 2: Necessity test",
            "Part 3: Balancing test",
            "DPIA screening",
            "Findings",
            "Making the decision",
            "Sign-off",
            "Review",
            "Suggested privacy information",
            "Approval",
        ] {
            assert!(
                styled(&document, "Heading1", heading),
                "{}: {heading}",
                example.key
            );
        }
        for heading in [
            "Nature of the personal data",
            "Reasonable expectations",
            "Likely impact and safeguards",
            "Review log",
        ] {
            assert!(
                styled(&document, "Heading2", heading),
                "{}: {heading}",
                example.key
            );
        }
        if !a.impacts.is_empty() {
            assert!(styled(&document, "Heading3", "Impacts and risk"));
            assert!(styled(&document, "Heading3", "Risk matrix"));
        }
        // The ICO template's order.
        let positions: Vec<usize> = [
            "Part 1: Purpose test",
            "Part 2: Necessity test",
            "Part 3: Balancing test",
            "DPIA screening",
            "Findings",
            "Making the decision",
            "Sign-off",
        ]
        .iter()
        .map(|h| document.find(&format!(">{h}<")).unwrap())
        .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        // Every table starts with a header row that repeats on each page.
        let tables: Vec<&str> = document.split("<w:tbl>").skip(1).collect();
        assert!(tables.len() >= 8, "{}", tables.len());
        for table in tables {
            let first_row = &table[table.find("<w:tr>").unwrap()..table.find("</w:tr>").unwrap()];
            assert!(first_row.contains("<w:tblHeader/>"), "{first_row}");
            assert_eq!(table.matches("<w:tblHeader/>").count(), 1);
        }
        let core = part(&files, "docProps/core.xml");
        assert!(core.contains(&format!(
            "<dc:title>{}</dc:title>",
            escape_xml(&format!("Legitimate interests assessment: {}", a.title()))
        )));
        if let Some(Answer::Text(name)) = a.answers.get(QuestionId::SignOffCompletedName) {
            assert!(core.contains(&format!(
                "<dc:creator>{}</dc:creator>",
                escape_xml(name.trim())
            )));
        }
        assert!(core.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T10:15:00Z</dcterms:created>"
        ));
    }
}

#[test]
fn every_answer_finding_and_sign_off_is_in_the_document() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let document = part(&docx::unzip(&to_docx(&a, AT, today())), "word/document.xml");
        let ctx = Ctx::new(&a, today());
        for q in QuestionId::ALL
            .iter()
            .copied()
            .filter(|q| ctx.is_visible(*q))
        {
            let question = q.question();
            if matches!(question.kind, AnswerKind::Impacts) {
                continue;
            }
            assert!(
                document.contains(&escape_xml(question.text)),
                "{}",
                question.key
            );
            let expected: Vec<String> = match ctx.answer(q) {
                Some(Answer::Text(t)) => match (question.kind, Date::parse(t)) {
                    (AnswerKind::Date, Some(d)) => vec![d.long()],
                    // Each line of the answer (line breaks become <w:br/>).
                    _ => t
                        .trim()
                        .replace('\r', "")
                        .split('\n')
                        .filter(|l| !l.is_empty())
                        .map(escape_xml)
                        .collect(),
                },
                Some(Answer::YesNo(y)) => vec![y.label().into()],
                Some(Answer::Choice(k)) => vec![escape_xml(question.choice(k).unwrap().label)],
                Some(Answer::Choices(ks)) => ks
                    .iter()
                    .map(|k| escape_xml(question.choice(k).unwrap().label))
                    .collect(),
                None => vec!["Not provided".into()],
            };
            for e in expected {
                assert!(
                    document.contains(&e),
                    "{} {}: {e}",
                    example.key,
                    question.key
                );
            }
        }
        for f in outcome(&a, today()).findings {
            assert!(document.contains(&escape_xml(f.message)), "{}", f.id);
            assert!(
                document.contains(&escape_xml(f.source.citation)),
                "{}",
                f.id
            );
        }
        for impact in &a.impacts {
            assert!(document.contains(&escape_xml(&impact.description)));
        }
    }
}

#[test]
fn hostile_text_is_escaped_kept_and_never_breaks_the_xml() {
    let a = docx::hostile_assessment();
    let bytes = to_docx(&a, "2026-11-22T10:15:00.123Z", today());
    let files = docx::unzip(&bytes);
    for (name, data) in &files {
        let xml = std::str::from_utf8(data).unwrap();
        assert_eq!(xml_problems(xml), Vec::<String>::new(), "{name}");
    }
    let document = part(&files, "word/document.xml");
    // The markup arrives as text; forbidden characters as U+FFFD; the rest as typed.
    assert!(document.contains("Answer0 begins &lt;w:t&gt;&amp;amp; &amp; &lt; &gt; &quot;quoted&quot; &apos;single&apos; ]]&gt; &lt;!-- --&gt; &lt;?xml?&gt; controls\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}here"));
    for kept in [
        "\u{200f}rtl mark\u{200e}",
        "\u{202b}embedded\u{202c}",
        "שלום عليكم",
        "😀 👩🏽‍💻 🇬🇧",
        "e\u{301}\u{327}",
    ] {
        assert!(document.contains(kept), "{kept:?}");
    }
    // Tabs and each kind of line break are Word's own.
    assert!(document.contains("tab</w:t><w:tab/><w:t xml:space=\"preserve\">here</w:t><w:br/><w:t xml:space=\"preserve\">line two</w:t><w:br/><w:t xml:space=\"preserve\">line three</w:t><w:br/>"));
    // The 20,000-character answer is there whole.
    let long = match a.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!(),
    };
    assert_eq!(long.chars().count(), 20_000);
    let tail: String = long.chars().skip(19_900).collect();
    assert!(document.contains(&escape_xml(&tail)));
    // The title, in the properties too, and the hostile id in the facts.
    let core = part(&files, "docProps/core.xml");
    assert!(core.contains("Answer"), "{core}");
    assert!(document.contains("hostile &lt;&amp;&gt; \u{FFFD}"));
}

/// A review of the approved emergency-contacts example with two answers changed (one of
/// them hostile text), and the version it reviews.
fn review_pair() -> (lia::assessment::Assessment, lia::assessment::Assessment) {
    use lia::assessment::examples::example;
    use lia::assessment::lifecycle::{approve, start_review};
    let mut v1 = (example("emergency-contacts").unwrap().build)("v1");
    approve(&mut v1, Date::new(2026, 4, 16).unwrap()).unwrap();
    let mut v2 = start_review(&v1, "v2", Date::new(2027, 4, 1).unwrap());
    v2.set_text(
        QuestionId::ExpPastUse,
        "<w:p>Staff & \"visitors\" \u{202e}right-to-left\u{202c}",
    );
    let why = match v1.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!("the example answers it"),
    };
    v2.set_text(QuestionId::PurposeWhy, why.replace("designated", "chosen"));
    (v1, v2)
}

#[test]
fn the_word_document_of_a_review_lists_the_same_changes_as_the_html_report() {
    use lia::compare::{compare, listing};
    use lia::export::{to_docx_with_previous, to_html_with_previous};
    let (v1, v2) = review_pair();
    let today = Date::new(2026, 4, 16);
    let document = part(
        &docx::unzip(&to_docx_with_previous(&v2, Some(&v1), AT, today)),
        "word/document.xml",
    );
    assert!(
        xml_problems(&document).is_empty(),
        "{:?}",
        xml_problems(&document)
    );
    let title = "Appendix: Changes since version 1, approved on 16 April 2026";
    assert!(
        styled(&document, "Heading1", title),
        "the appendix is a heading"
    );
    let report = to_html_with_previous(&v2, Some(&v1), AT, today);
    assert!(
        report.contains(&format!("<h2>{title}</h2>")),
        "the same heading"
    );
    assert!(document.contains("Version 2 reviews exactly the approved version 1."));
    // One row per change, as the listing (and the HTML report) has them.
    let changes = compare(&v1, &v2, today);
    let groups = listing(&changes);
    let appendix = &document[document.find(&escape_xml(title)).unwrap()..];
    for group in &groups {
        assert!(
            styled(appendix, "Heading2", &group.heading),
            "{}",
            group.heading
        );
        for line in &group.lines {
            assert!(appendix.contains(&escape_xml(&line.what)), "{}", line.what);
        }
    }
    let rows: usize = groups.iter().map(|g| g.lines.len()).sum();
    assert_eq!(rows, changes.len());
    // Header row plus one row per change, in the appendix's tables.
    assert_eq!(appendix.matches("<w:tr>").count(), groups.len() + rows);
    // The words taken out are struck through and those put in underlined, each marked.
    assert!(appendix.contains("<w:strike/>") && appendix.contains("[removed] designated"));
    assert!(appendix.contains("<w:u w:val=\"single\"/>") && appendix.contains("[added] chosen"));
    // The user's text is escaped: no element of theirs in the document.
    assert!(!appendix.contains("<w:p>Staff"));
    assert!(appendix.contains("&lt;w:p&gt;Staff &amp; &quot;visitors&quot;"));
    // Without the earlier version it says so, with the digest it should have.
    let alone = part(&docx::unzip(&to_docx(&v2, AT, today)), "word/document.xml");
    assert!(alone.contains("was not available when this report was made"));
    assert!(alone.contains(&v2.reviewed.as_ref().unwrap().digest));
    // A first version has no appendix; a changed copy of version 1 is called out.
    let first = part(&docx::unzip(&to_docx(&v1, AT, today)), "word/document.xml");
    assert!(!first.contains("Appendix: Changes since"));
    let mut changed = v1.clone();
    changed.set_text(QuestionId::PurposeWhy, "Something else.");
    let other = part(
        &docx::unzip(&to_docx_with_previous(&v2, Some(&changed), AT, today)),
        "word/document.xml",
    );
    assert!(other.contains("Version 2 does not review exactly this copy of version 1."));
}

/// The text of each table row of `document`: its cells' text, paragraphs joined by a
/// space, XML entities undone.
fn table_rows(document: &str) -> Vec<Vec<String>> {
    let unescape = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    let mut rows = Vec::new();
    for row in document.split("<w:tr>").skip(1) {
        let row = &row[..row.find("</w:tr>").unwrap()];
        let cells = row
            .split("<w:tc>")
            .skip(1)
            .map(|cell| {
                let mut words = Vec::new();
                for paragraph in cell.split("<w:p>").skip(1) {
                    let mut text = String::new();
                    for piece in paragraph.split("<w:t").skip(1) {
                        let start = piece.find('>').unwrap() + 1;
                        let end = piece.find("</w:t>").unwrap_or(start);
                        text.push_str(&unescape(&piece[start..end]));
                    }
                    words.push(text);
                }
                words.join(" ")
            })
            .collect();
        rows.push(cells);
    }
    rows
}

#[test]
fn each_impact_is_a_row_with_its_ratings_and_sits_in_its_cells_of_the_risk_matrix() {
    use lia::assessment::Likelihood;
    use lia::report::words::rating;
    let mut checked = 0;
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let document = part(&docx::unzip(&to_docx(&a, AT, today())), "word/document.xml");
        let rows = table_rows(&document);
        for (i, impact) in a.impacts.iter().enumerate() {
            let n = (i + 1).to_string();
            let after = rating(
                impact.residual_likelihood.or(impact.likelihood),
                impact.residual_severity.or(impact.severity),
            );
            let want = vec![
                n.clone(),
                impact.description.trim().to_string(),
                rating(impact.likelihood, impact.severity),
                impact.safeguards.trim().to_string(),
                after,
            ];
            assert!(
                rows.contains(&want),
                "{}: impact {n} as {want:?}",
                example.key
            );
            // The matrix: one row per severity, a column per likelihood in order.
            for (before, l, s) in [
                (true, impact.likelihood, impact.severity),
                (
                    false,
                    impact.residual_likelihood.or(impact.likelihood),
                    impact.residual_severity.or(impact.severity),
                ),
            ] {
                let (Some(l), Some(s)) = (l, s) else { continue };
                let row = rows
                    .iter()
                    .find(|r| r.len() == 1 + Likelihood::ALL.len() && r[0] == s.label())
                    .unwrap_or_else(|| panic!("{}: the matrix row {}", example.key, s.label()));
                let column = 1 + Likelihood::ALL.iter().position(|x| *x == l).unwrap();
                let cell = &row[column];
                let name = if before { "Before: " } else { "After: " };
                // "High risk Before: 1, 2 After: 3": the numbers after `name`.
                let listed = cell
                    .split(name)
                    .nth(1)
                    .map(|rest| rest.split(" After: ").next().unwrap_or(""))
                    .unwrap_or("");
                assert!(
                    listed.split(", ").any(|x| x == n),
                    "{}: impact {n} {name}in the cell of {} and {}: {cell:?}",
                    example.key,
                    l.label(),
                    s.label()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "only {checked} matrix placings checked");
}
