//! A record made under an organisation's settings shows its answers to their questions
//! in every record it makes: the report's parts (each answer in its question's section),
//! the document-control table (which settings, which revision), and so the HTML report,
//! the Word document and the OpenDocument text; all from the record alone, with no
//! settings loaded, and the organisation's texts escaped like any other.

use std::io::Read;

use lia::assessment::examples::example;
use lia::assessment::{Assessment, Date, YesNo};
use lia::export::{to_docx, to_html, to_odt};
use lia::organisation::{read, record_of, Answer};
use lia::report::{Block, Part, Report};
use lia::vec_map::VecMap;

const AT: &str = "2026-12-06T10:00:00Z";
const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};
const SYSTEM: &str = "Orchard <b>HMS</b> & the repairs portal";

/// The emergency-contacts example, made under docs/settings.example.json's settings.
fn made_under_settings() -> Assessment {
    let settings = read(include_str!("../docs/settings.example.json")).unwrap();
    let mut answers = VecMap::new();
    answers.insert("system".to_string(), Answer::Text(SYSTEM.into()));
    answers.insert("cctv".to_string(), Answer::YesNo(YesNo::Yes));
    answers.insert("igb".to_string(), Answer::Choice("not-yet".into()));
    answers.insert("tenancy-decisions".to_string(), Answer::YesNo(YesNo::No));
    let mut a = (example("emergency-contacts").unwrap().build)("org-reports");
    a.organisation = Some(Box::new(record_of(&settings, &answers)));
    a
}

/// The rows (question, answer) of the organisation's tables in `part` itself.
fn organisation_rows(part: &Part) -> Vec<(String, String)> {
    let text = |cell: &lia::report::Cell| format!("{:?}", cell.items);
    part.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.header == lia::report::words::ORGANISATION_COLUMNS => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter().map(|r| (text(&r[0]), text(&r[1]))))
        .collect()
}

fn part<'r>(report: &'r Report, anchor: &str) -> &'r Part {
    report
        .outline()
        .into_iter()
        .map(|(_, p)| p)
        .find(|p| p.anchor == anchor)
        .unwrap_or_else(|| panic!("no part {anchor}"))
}

#[test]
fn each_answer_is_shown_in_its_section_and_the_settings_in_the_control_table() {
    let report = Report::of(&made_under_settings(), None, Some(TODAY), AT);
    let expect = [
        ("about", "Which system holds the data?", SYSTEM),
        ("nature", "Does this involve CCTV?", "Yes"),
        (
            "decision",
            "Has the Information Governance Board seen this?",
            "Not yet",
        ),
        ("dpia", "Could the processing affect someone", "No"),
    ];
    for (anchor, question, answer) in expect {
        let rows = organisation_rows(part(&report, anchor));
        assert_eq!(rows.len(), 1, "{anchor}: {rows:?}");
        assert!(rows[0].0.contains(question), "{anchor}: {rows:?}");
        assert!(
            rows[0]
                .1
                .contains(&format!("{answer:?}").trim_matches('"').to_string()),
            "{anchor}: {rows:?}"
        );
    }
    // No other part shows them, and none twice.
    let all: usize = report
        .outline()
        .iter()
        .map(|(_, p)| organisation_rows(p).len())
        .sum();
    assert_eq!(all, 4);
    let control = format!("{:?}", part(&report, "control").blocks);
    assert!(control.contains("Organisation's settings"));
    assert!(control.contains("Riverside Housing Association: legitimate interests assessments"));
    assert!(control.contains("revision 2026.1"));
}

#[test]
fn a_record_without_settings_shows_no_organisation_table() {
    let mut a = made_under_settings();
    a.organisation = None;
    let report = Report::of(&a, None, Some(TODAY), AT);
    let all: usize = report
        .outline()
        .iter()
        .map(|(_, p)| organisation_rows(p).len())
        .sum();
    assert_eq!(all, 0);
    assert!(!format!("{:?}", part(&report, "control").blocks).contains("Organisation's settings"));
}

/// The text of one entry of a ZIP archive.
pub(super) fn entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every text node of an XML document, joined.
pub(super) fn xml_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn the_html_word_and_opendocument_files_show_them_escaped() {
    let a = made_under_settings();
    let html = to_html(&a, AT, Some(TODAY));
    assert!(html.contains("Which system holds the data?"));
    assert!(html.contains("Orchard &lt;b&gt;HMS&lt;/b&gt; &amp; the repairs portal"));
    assert!(!html.contains("<b>HMS"));
    assert!(html.contains("Has the Information Governance Board seen this?"));
    let trust = lia::handover::Trust::default();
    for text in [
        xml_text(&entry(&to_docx(&a, AT, Some(TODAY)), "word/document.xml")),
        xml_text(&entry(
            &to_odt(&a, None, AT, Some(TODAY), &trust, None),
            "content.xml",
        )),
    ] {
        assert!(text.contains("Which system holds the data?"));
        assert!(
            text.contains(SYSTEM),
            "the answer as typed, read back by an XML parser"
        );
        assert!(text.contains("Does this involve CCTV?"));
        assert!(text.contains("Revision 2026.1") || text.contains("revision 2026.1"));
    }
}

/// The register, read from the records' JSON exports as a DPO opens them (no settings
/// loaded), names the settings each was made under: under the organisation on the
/// page, and in a column of the CSV.
#[test]
fn the_register_names_the_settings_each_record_was_made_under() {
    use lia::register::csv::to_csv;
    use lia::register::{Register, Row};

    let made = made_under_settings();
    let mut without = (example("emergency-contacts").unwrap().build)("no-settings");
    without.organisation = None;
    let named = "Riverside Housing Association: legitimate interests assessments (revision 2026.1)";
    let trust = lia::handover::Trust::default();
    assert_eq!(
        Row::of(&made, TODAY, &trust).settings.as_deref(),
        Some(named)
    );
    assert_eq!(Row::of(&without, TODAY, &trust).settings, None);

    let mut register = Register::new(TODAY);
    for a in [&made, &without] {
        register.read(
            &format!("{}.json", a.id),
            lia::export::to_json(a, AT, Some(TODAY)).as_bytes(),
        );
    }
    assert!(register.failures().is_empty());
    let groups = register.groups().to_vec();
    let order: Vec<usize> = (0..groups.len()).collect();
    let html = lia::register::html::to_html(&register, &groups, &order, TODAY, "");
    assert_eq!(html.matches(&format!("Settings: {named}")).count(), 1);

    let csv = to_csv(&register, &groups, &order, false);
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = header
        .iter()
        .position(|h| h == "Organisation's settings")
        .unwrap();
    let cells: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    let mut cells = cells;
    cells.sort();
    assert_eq!(cells, ["", named]);
}
