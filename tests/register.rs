//! The register (src/register): rows worked out from each record today, due flags,
//! sorting by any column and filtering, files that cannot be read each with a reason,
//! the chain between a review and the version it reviews; and its exports, read back
//! with independent parsers: CSV (RFC 4180, formula prefixes neutralised), the printable
//! page (escaped, strict policy) and the calendar (RFC 5545: dates, stable UIDs,
//! escaping, folding), with hostile text throughout.

use std::io::BufReader;

#[path = "fixtures/approver/mod.rs"]
mod approver;
use approver::{approved, TestApprover};

use lia::assessment::digest::APPROVAL_ANSWERS;
use lia::assessment::examples::{example, EXAMPLES};
use lia::assessment::lifecycle::{approve, start_review};
use lia::assessment::{Assessment, Date, QuestionId as Q, Reading, Status};
use lia::export::{to_html, to_json, ImportError};
use lia::handover::{send, Trust};
use lia::register::csv::to_csv;
use lia::register::group::{CopyKind, Group};
use lia::register::ics::{calendar, text, Reminder};
use lia::register::{
    arrange, changed_after_approval, saved_added, Column, Due, DueFilter, Filter, Register, Row,
    Sort, Standing, SAVED_HERE,
};

const AT: &str = "2026-11-22T10:15:00Z";
fn day(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}
fn today() -> Date {
    day(2026, 11, 22)
}

/// The register's groups, in the order their first copies were read.
fn groups_of(r: &Register) -> (Vec<Group>, Vec<usize>) {
    let groups = r.groups().to_vec();
    let order = (0..groups.len()).collect();
    (groups, order)
}

/// A register of these records, each read from its JSON export named `<id>.json`.
fn register_of(records: &[Assessment]) -> Register {
    let mut r = Register::new(today());
    for a in records {
        r.read(
            &format!("{}.json", a.id),
            to_json(a, AT, Some(today())).as_bytes(),
        );
    }
    assert!(r.failures().is_empty(), "{:?}", r.failures());
    r
}

fn with_review(key: &str, id: &str, review: &str) -> Assessment {
    let mut a = (example(key).unwrap().build)(id);
    a.set_text(Q::SignOffReviewDate, review);
    a
}

/// Hostile text for every field a register shows.
const HOSTILE: [&str; 9] = [
    "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "+44 20 7946 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rCarriage",
    "Quotes \"inside\", commas, and\nnew lines\r\nand CR\ronly",
    "שלום \u{200f}right-to-left\u{200e} mixed, مرحبا",
    "<script>alert('x')</script> & ; \\ back\\slash",
];

fn alex() -> TestApprover {
    TestApprover::new(
        5,
        "Alex Morgan",
        "Managing Director",
        "Example Manufacturing Ltd",
    )
}

#[test]
fn each_row_is_worked_out_from_the_record_today() {
    let a = approved(
        (example("emergency-contacts").unwrap().build)("a1"),
        &alex(),
        day(2026, 4, 16),
    );
    let row = Row::of(&a, today(), &alex().trusted());
    assert_eq!(row.standing, Standing::Approved);
    assert_eq!(row.title, "Employees' emergency contacts");
    assert_eq!(row.organisation, "Example Manufacturing Ltd");
    assert_eq!((row.status, row.version), (Status::Approved, 1));
    assert_eq!(row.decision, Some("Yes"));
    assert_eq!(row.reading, Reading::Appropriate);
    assert_eq!((row.blockers, row.warnings), (0, 0));
    assert_eq!(row.approver, "Alex Morgan");
    assert_eq!(row.approved_label(), "16 April 2026");
    assert_eq!(row.review_due, Some(day(2028, 4, 16)));
    assert_eq!(row.due, Due::Later);
    let housing = Row::of(
        &(example("housing-marketing").unwrap().build)("h"),
        today(),
        &Trust::default(),
    );
    assert!(housing.blockers + housing.warnings > 0, "{housing:?}");
    assert_eq!(housing.status, Status::Draft);
}

#[test]
fn review_dates_are_flagged_overdue_or_due_within_30_days() {
    let t = today();
    assert_eq!(Due::of(Some(day(2026, 11, 21)), t), Due::Overdue);
    assert_eq!(Due::of(Some(day(2026, 11, 22)), t), Due::Soon);
    assert_eq!(Due::of(Some(day(2026, 12, 22)), t), Due::Soon);
    assert_eq!(Due::of(Some(day(2026, 12, 23)), t), Due::Later);
    assert_eq!(Due::of(None, t), Due::NotSet);
    assert_eq!(Due::Overdue.flag(), "Overdue");
    assert_eq!(Due::Soon.flag(), "Due within 30 days");
    assert_eq!(Due::Later.flag(), "");
}

fn sample_rows() -> Vec<Row> {
    let dates = ["2026-10-01", "2026-12-01", "2027-06-01", "", "2026-11-30"];
    EXAMPLES
        .iter()
        .zip(dates)
        .enumerate()
        .map(|(i, (e, date))| {
            let mut a = with_review(e.key, &format!("id{i}"), date);
            if i % 2 == 0 {
                a.status = Status::Approved;
            }
            Row::of(&a, today(), &Trust::default())
        })
        .collect()
}

#[test]
fn the_register_sorts_by_any_column_either_way_and_filters() {
    let rows = sample_rows();
    let refs: Vec<&Row> = rows.iter().collect();
    let all = Filter::default();
    for column in Column::ALL {
        let up = arrange(
            &refs,
            Sort {
                column,
                ascending: true,
            },
            &all,
        );
        let down = arrange(
            &refs,
            Sort {
                column,
                ascending: false,
            },
            &all,
        );
        assert_eq!(up.len(), rows.len(), "{column:?}");
        let mut sorted = up.clone();
        sorted.sort();
        assert_eq!(sorted, (0..rows.len()).collect::<Vec<_>>(), "a permutation");
        if column == Column::Title {
            let titles: Vec<&str> = up.iter().map(|&i| rows[i].title.as_str()).collect();
            let mut expected = titles.clone();
            expected.sort_by_key(|t| t.to_lowercase());
            assert_eq!(titles, expected);
            let reversed: Vec<usize> = down.iter().rev().copied().collect();
            assert_eq!(reversed, up, "distinct titles reverse exactly");
        }
    }
    // Review due: soonest first, missing dates last.
    let due = arrange(&refs, Sort::default(), &all);
    let dates: Vec<String> = due
        .iter()
        .map(|&i| {
            rows[i]
                .review_due
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        dates,
        ["2026-10-01", "2026-11-30", "2026-12-01", "2027-06-01", ""]
    );
    // Blockers, most first.
    let most = arrange(
        &refs,
        Sort {
            column: Column::Blockers,
            ascending: false,
        },
        &all,
    );
    assert!(most
        .windows(2)
        .all(|w| rows[w[0]].blockers >= rows[w[1]].blockers));
    // Filters.
    let only = |filter: Filter| -> Vec<usize> { arrange(&refs, Sort::default(), &filter) };
    // Marked approved with no hand-over and no signature: never "Approved".
    assert!(only(Filter {
        status: Some(Standing::Approved),
        due: DueFilter::Any,
    })
    .is_empty());
    let approved = only(Filter {
        status: Some(Standing::NotSigned),
        due: DueFilter::Any,
    });
    assert!(!approved.is_empty() && approved.iter().all(|&i| rows[i].status == Status::Approved));
    assert_eq!(
        only(Filter {
            status: None,
            due: DueFilter::Overdue
        })
        .iter()
        .map(|&i| rows[i].due)
        .collect::<Vec<_>>(),
        [Due::Overdue]
    );
    assert_eq!(
        only(Filter {
            status: None,
            due: DueFilter::Soon
        })
        .len(),
        3
    );
    assert_eq!(
        only(Filter {
            status: None,
            due: DueFilter::NotSet
        })
        .len(),
        1
    );
    // The toggle and aria-sort of a header.
    let s = Sort::default().toggle(Column::Title);
    assert_eq!((s.column, s.ascending), (Column::Title, true));
    assert_eq!(s.aria(Column::Title), "ascending");
    assert_eq!(s.toggle(Column::Title).aria(Column::Title), "descending");
    assert_eq!(s.aria(Column::Version), "none");
    assert_eq!(DueFilter::from_key("soon"), DueFilter::Soon);
    assert_eq!(DueFilter::from_key("nonsense"), DueFilter::Any);
}

#[test]
fn files_that_cannot_be_read_each_say_why_and_the_others_still_load() {
    let mut register = Register::new(today());
    for (i, e) in EXAMPLES.iter().enumerate() {
        let a = with_review(e.key, &format!("f{i}"), "2027-01-01");
        if i % 2 == 0 {
            register.read(
                &format!("{i}.json"),
                to_json(&a, AT, Some(today())).as_bytes(),
            );
        } else {
            register.read(
                &format!("{i}.html"),
                to_html(&a, AT, Some(today())).as_bytes(),
            );
        }
    }
    register.read("empty.json", b"");
    register.read("notes.txt", b"just some notes");
    register.read(
        "cut.json",
        &to_json(&(EXAMPLES[0].build)("c"), AT, None).as_bytes()[..200],
    );
    register.fail("huge.json", ImportError::TooLarge { bytes: 50_000_000 });
    // JSON nested 100,000 deep, another tool's JSON, and a web page that is not a report.
    register.read("deep.json", "[".repeat(100_000).as_bytes());
    register.read(
        "other-tool.json",
        br#"{"format":"pia-tool","version":3,"data":{}}"#,
    );
    register.read(
        "page.html",
        b"<!doctype html><html><head><meta charset=utf-8><title>Intranet</title></head><body><p>Hello</p></body></html>",
    );
    assert_eq!(register.entries().len(), EXAMPLES.len());
    let reasons: Vec<String> = register.failures().iter().map(|f| f.message()).collect();
    assert_eq!(reasons.len(), 7, "{reasons:?}");
    for (reason, file) in reasons.iter().zip([
        "empty.json",
        "notes.txt",
        "cut.json",
        "huge.json",
        "deep.json",
        "other-tool.json",
        "page.html",
    ]) {
        assert!(
            reason.starts_with(&format!("“{file}” could not be read: ")),
            "{reason}"
        );
        assert!(
            reason.len() > format!("“{file}” could not be read: ").len() + 5,
            "{reason}"
        );
    }
    assert_ne!(reasons[0], reasons[1], "each says its own reason");
    assert_eq!(
        register.arrange(Sort::default(), &Filter::default()).len(),
        EXAMPLES.len()
    );
}

#[test]
fn a_review_and_the_version_it_reviews_are_linked_in_the_register() {
    let mut v1 = (example("emergency-contacts").unwrap().build)("v1");
    approve(&mut v1, day(2026, 4, 16)).unwrap();
    let mut v2 = start_review(&v1, "v2", today());
    v2.set_text(Q::ExpPastUse, "Never used before.");
    let mut tampered = v1.clone();
    tampered.set_text(Q::PurposeWhy, "Changed after approval.");
    let mut register = Register::new(today());
    register.read("v2.json", to_json(&v2, AT, None).as_bytes());
    let links = register.links();
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].describe(),
        "The version it reviews is not among these files."
    );
    register.read("v1-tampered.json", to_json(&tampered, AT, None).as_bytes());
    register.read("v1.html", to_html(&v1, AT, None).as_bytes());
    let links = register.links();
    assert_eq!(
        links[0].previous,
        Some(2),
        "the copy the chain holds with is chosen"
    );
    assert_eq!(
        links[0].describe(),
        "Version 2 reviews exactly the approved version 1."
    );
    let changes = register.changes(2, 0).unwrap();
    assert_eq!(changes.len(), 1);
    // With only the tampered copy, the chain is broken and says so.
    let mut only_tampered = Register::new(today());
    only_tampered.read("v2.json", to_json(&v2, AT, None).as_bytes());
    only_tampered.read("v1.json", to_json(&tampered, AT, None).as_bytes());
    let links = only_tampered.links();
    assert!(!links[0].chain.as_ref().unwrap().holds());
    assert!(links[0].describe().contains("does not review exactly"));
}

/// Records with hostile text in every text column a register shows.
fn hostile_records() -> Vec<Assessment> {
    HOSTILE
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut a = with_review("postal-offers", &format!("h{i}"), "2027-02-03");
            a.set_text(Q::AboutTitle, *text)
                .set_text(Q::AboutOrganisation, *text)
                .set_text(Q::SignOffApprovedName, *text)
                .set_text(Q::SignOffApprovedDate, *text);
            a
        })
        .collect()
}

/// What the CSV must hold for a text: without control characters (a tab a space, each
/// line break a line feed), and an apostrophe first where a spreadsheet would start a
/// formula.
fn in_csv(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    if out
        .trim_start_matches([' ', '\n'])
        .starts_with(['=', '+', '-', '@'])
    {
        out.insert(0, '\'');
    }
    out
}

#[test]
fn the_csv_reads_back_exactly_with_formulas_neutralised_whatever_comes_first() {
    let mut records = hostile_records();
    // Control characters before the formula: NUL, SOH, a tab, a space.
    for (i, prefix) in ["\u{0}", "\u{1}\u{7f}", "\u{0} \t", "\u{85}", " \u{0}"]
        .iter()
        .enumerate()
    {
        let mut a = with_review("postal-offers", &format!("c{i}"), "2027-02-03");
        a.set_text(
            Q::AboutTitle,
            format!("{prefix}=HYPERLINK(\"http://evil.example\",\"x\")"),
        )
        .set_text(Q::AboutOrganisation, format!("{prefix}@SUM(A1)"));
        records.push(a);
    }
    let mut long = with_review("postal-offers", "long", "2027-02-03");
    long.set_text(Q::AboutTitle, "=".to_string() + &"x,\"y\"\n".repeat(2_000));
    records.push(long);
    let register = register_of(&records);
    let (groups, order) = groups_of(&register);
    let csv = to_csv(&register, &groups, &order, false);
    assert!(csv.starts_with('\u{feff}'));
    let body = csv.trim_start_matches('\u{feff}');
    assert!(body.ends_with("\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "Assessment");
    assert_eq!(
        &header[11..],
        [
            "Review flag",
            "Id",
            "Files",
            "Digest",
            "Copy",
            "Organisation's settings"
        ]
    );
    let lines: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(lines.len(), records.len());
    for (line, a) in lines.iter().zip(&records) {
        let row = Row::of(a, today(), &Trust::default());
        for (field, original) in [
            (&line[0], &row.title),
            (&line[1], &row.organisation),
            (&line[8], &row.approver),
        ] {
            assert_eq!(field, in_csv(original), "{original:?}");
            assert!(
                !field.trim_start().starts_with(['=', '+', '-', '@']),
                "{field:?}"
            );
            assert!(
                !field.chars().any(|c| c.is_control() && c != '\n'),
                "{field:?}"
            );
        }
        assert_eq!(&line[10], "2027-02-03");
        assert_eq!(&line[3], "1");
        assert_eq!(&line[12], a.id.as_str());
        assert_eq!(&line[13], format!("{}.json", a.id));
        assert_eq!(&line[14], "Matches");
        assert_eq!(&line[15], "Latest");
    }
    // Every line outside quotes ends in CRLF: no bare LF between records.
    let mut quoted = false;
    let bytes = body.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => assert_eq!(bytes[i - 1], b'\r', "at byte {i}"),
            _ => {}
        }
    }
    assert!(!quoted);
}

#[test]
fn the_printable_register_escapes_everything_and_allows_nothing_to_run() {
    let records = hostile_records();
    let register = register_of(&records);
    let (groups, order) = groups_of(&register);
    let page = lia::register::html::to_html(&register, &groups, &order, today(), "Overdue");
    assert!(!page.contains("<script>alert"), "escaped");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"));
    assert_eq!(page.matches("<script").count(), 0);
    assert_eq!(page.matches("<tr>").count(), records.len() + 1);
    let policy = lia::register::html::content_security_policy();
    assert!(policy.starts_with("default-src 'none'; style-src 'sha256-"));
    assert!(page.contains(&format!(
        "content=\"{}\"",
        lia::export::escape::html(&policy)
    )));
    assert!(page.contains("9 assessments on 22 November 2026 (Overdue)."));
}

fn approver(name: &str) -> TestApprover {
    TestApprover::new(9, name, "Data Protection Officer", "")
}

/// Sent for approval and approved by `name` through the hand-over, as the approver gives
/// it back.
fn approved_through_the_hand_over(id: &str, name: &str) -> Assessment {
    let mut a = (example("emergency-contacts").unwrap().build)(id);
    for q in APPROVAL_ANSWERS {
        a.answers.clear(q);
    }
    approved(a, &approver(name), today())
}

/// One answer edited after approval, without a new approval: the file's own export
/// digest matches again (a careful editor), the approval's does not.
fn changed_after_it_was_approved(approved: &Assessment, id: &str) -> Assessment {
    let mut changed = approved.clone();
    changed.id = id.into();
    changed.set_text(Q::PurposeWhy, "Something the approver never saw");
    changed
}

const CHANGED_WARNING: &str = "Changed after approval: this is not what Sam Patel (Data Protection Officer) approved on 22 November 2026. The approval does not cover this version: do not rely on it as the approved record.";

#[test]
fn a_record_changed_after_its_approval_says_so_in_its_row_the_filter_the_csv_and_the_page() {
    let approved = approved_through_the_hand_over("approved", "Sam Patel");
    let changed = changed_after_it_was_approved(&approved, "changed");
    // Near miss: sent, then edited before any decision (the approver decides on what was
    // sent; nothing was approved, so nothing is flagged).
    let mut waiting = (example("emergency-contacts").unwrap().build)("waiting");
    send(&mut waiting, today()).unwrap();
    waiting.set_text(Q::PurposeWhy, "Edited while it waits");

    let mut register = Register::with_trust(today(), approver("Sam Patel").trusted());
    register.read(
        "approved.json",
        to_json(&approved, AT, Some(today())).as_bytes(),
    );
    register.read(
        "changed.json",
        to_json(&changed, AT, Some(today())).as_bytes(),
    );
    register.read(
        "changed.html",
        to_html(&changed, AT, Some(today())).as_bytes(),
    );
    register.read("waiting.json", to_json(&waiting, AT, None).as_bytes());
    register.add_saved(vec![changed_after_it_was_approved(&approved, "saved")]);
    assert!(register.failures().is_empty(), "{:?}", register.failures());
    let rows: Vec<&Row> = register.entries().iter().map(|e| &e.row).collect();
    assert_eq!(rows.len(), 5);

    // The untouched approval holds.
    assert_eq!(rows[0].status, Status::Approved);
    assert_eq!(rows[0].standing, Standing::Approved);
    assert_eq!(rows[0].warning, None);
    assert_eq!(rows[0].approver, "Sam Patel");
    // The changed ones still say "approved" of themselves; the register does not.
    for (i, row) in rows.iter().enumerate().skip(1).filter(|(i, _)| *i != 3) {
        assert_eq!(row.status, Status::Approved, "{i}");
        assert_eq!(row.standing, Standing::ChangedAfterApproval, "{i}");
        assert_eq!(row.warning.as_deref(), Some(CHANGED_WARNING), "{i}");
    }
    assert_eq!(register.entries()[4].file, SAVED_HERE);
    assert_eq!(
        (rows[3].status, rows[3].standing, rows[3].warning.clone()),
        (Status::Draft, Standing::Draft, None)
    );
    assert_eq!(register.changed_after_approval(), 3);
    assert_eq!(
        changed_after_approval(register.changed_after_approval()).as_deref(),
        Some("Warning: 3 assessments are marked approved, but their approvals cannot be relied on: they were changed after approval, or are not signed by a trusted approver. Each row says which.")
    );
    assert_eq!(changed_after_approval(0), None);
    assert!(changed_after_approval(1).unwrap().starts_with(
        "Warning: 1 assessment is marked approved, but its approval cannot be relied on:"
    ));

    // The status filter: "Approved" leaves them out; they have an option of their own.
    let only = |status: Standing| {
        register.arrange(
            Sort::default(),
            &Filter {
                status: Some(status),
                due: DueFilter::Any,
            },
        )
    };
    assert_eq!(only(Standing::Approved), [0]);
    assert_eq!(only(Standing::ChangedAfterApproval), [1, 2, 4]);
    assert_eq!(only(Standing::Draft), [3]);
    for s in Standing::ALL {
        assert_eq!(Standing::from_key(s.key()), Some(s));
    }
    assert_eq!(Standing::from_key("any"), None);
    assert_eq!(
        Standing::ChangedAfterApproval.label(),
        "Changed after approval"
    );
    // Sorted by status, after the approvals that hold.
    let by_status = register.arrange(
        Sort {
            column: Column::Status,
            ascending: true,
        },
        &Filter::default(),
    );
    assert_eq!(by_status, [3, 0, 1, 2, 4]);

    // The CSV's status column: one line per assessment (the JSON and the HTML of the
    // changed record are one).
    let (groups, order) = groups_of(&register);
    assert_eq!(groups.len(), 4);
    let csv = to_csv(&register, &groups, &order, false);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(&reader.headers().unwrap()[2], "Status");
    let statuses: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[2].to_string())
        .collect();
    assert_eq!(
        statuses,
        [
            "Approved",
            "Changed after approval",
            "Draft",
            "Changed after approval"
        ]
    );

    // The printable page: the status flagged, the warning with the row, and how many.
    let page = lia::register::html::to_html(&register, &groups, &order, today(), "");
    assert_eq!(
        page.matches("<td><span class=\"missing\">Changed after approval</span></td>")
            .count(),
        2
    );
    assert_eq!(
        page.matches(&format!(
            "<p><span class=\"missing\">{CHANGED_WARNING}</span></p>"
        ))
        .count(),
        2
    );
    assert!(
        page.contains(
            "<p class=\"banner changed\">Warning: 2 assessments are marked approved, but their approvals cannot be relied on:"
        ),
        "{}",
        page.lines().filter(|l| l.contains("Warning")).collect::<Vec<_>>().join("\n")
    );
    // Only the untouched approval: nothing of the kind.
    let page = lia::register::html::to_html(&register, &groups, &[0], today(), "");
    assert!(!page.contains("Changed after approval"), "{page}");
    assert!(!page.contains("class=\"missing\"") && !page.contains("banner changed"));
    assert!(page.contains("<td>Approved</td>"));
    assert!(!to_csv(&register, &groups, &[0], false).contains("Changed after approval"));
}

#[test]
fn the_approvers_name_in_the_warning_is_escaped_on_the_printable_page() {
    let hostile = "<script>alert('x')</script> & co";
    let approved = approved_through_the_hand_over("a", hostile);
    let trust = approver(hostile).trusted();
    let changed = changed_after_it_was_approved(&approved, "b");
    let row = Row::of(&changed, today(), &trust);
    assert!(row.warning.as_deref().unwrap().contains(hostile));
    let register = register_of(&[changed]);
    let (groups, order) = groups_of(&register);
    let page = lia::register::html::to_html(&register, &groups, &order, today(), "");
    assert_eq!(page.matches("<script").count(), 0);
    assert!(page.contains(
        "this is not what &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co (Data Protection Officer) approved"
    ));
    // The approver's name changed in the sign-off only (it is not part of the content):
    // it no longer says who signed, so the approval does not hold, and says why.
    let row = Row::of(&approved, today(), &trust);
    assert_eq!((row.standing, row.warning), (Standing::Approved, None));
    let mut renamed = approved.clone();
    renamed.set_text(Q::SignOffApprovedName, "S. Patel");
    let row = Row::of(&renamed, today(), &trust);
    assert_eq!(row.standing, Standing::SignatureDoesNotMatch);
    assert!(row.warning.unwrap().contains(
        "the approver's name, role or approval date in the sign-off section is not the one signed"
    ));
    assert_eq!(row.approver, "");
}

fn parse_calendar(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "only one calendar");
    calendar
}

fn property<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Vec<&'a ical::property::Property> {
    props.iter().filter(|p| p.name == name).collect()
}

fn value(props: &[ical::property::Property], name: &str) -> String {
    let found = property(props, name);
    assert_eq!(found.len(), 1, "one {name}");
    found[0].value.clone().unwrap_or_default()
}

/// A TEXT value back to the text it escapes.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a lone backslash in {value:?}"),
            }
        } else {
            assert!(c != ';' && c != ',', "unescaped {c:?} in {value:?}");
            out.push(c);
        }
    }
    out
}

#[test]
fn a_review_reminder_is_an_all_day_event_with_an_alarm_14_days_before() {
    let mut a = with_review("emergency-contacts", "a1", "2028-04-16");
    a.set_text(Q::AboutTitle, "Staff; contacts, \\ and\nmore");
    let reminder = Reminder::of(&a).unwrap();
    let ics = calendar(std::slice::from_ref(&reminder), AT);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "CRLF only");
    let cal = parse_calendar(&ics);
    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
    assert!(!value(&cal.properties, "PRODID").is_empty());
    assert_eq!(cal.events.len(), 1);
    let event = &cal.events[0];
    let start = property(&event.properties, "DTSTART")[0];
    assert_eq!(start.value.as_deref(), Some("20280416"));
    assert_eq!(
        start.params,
        Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
    );
    assert_eq!(value(&event.properties, "DTEND"), "20280417");
    assert_eq!(value(&event.properties, "DTSTAMP"), "20261122T101500Z");
    assert_eq!(
        unescape(&value(&event.properties, "SUMMARY")),
        "Review LIA: Staff; contacts, \\ and\nmore"
    );
    let description = unescape(&value(&event.properties, "DESCRIPTION"));
    for needle in [
        "purpose, nature and context of the processing are unchanged",
        "new risks",
        "privacy information",
        "Example Manufacturing Ltd",
        "(version 1)",
    ] {
        assert!(description.contains(needle), "{needle}: {description}");
    }
    assert_eq!(event.alarms.len(), 1);
    let alarm = &event.alarms[0].properties;
    assert_eq!(value(alarm, "ACTION"), "DISPLAY");
    assert_eq!(value(alarm, "TRIGGER"), "-P14D");
    assert!(!value(alarm, "DESCRIPTION").is_empty());
    // No valid review date, no reminder.
    assert!(Reminder::of(&with_review("emergency-contacts", "b", "2028-02-30")).is_none());
    assert!(Reminder::of(&with_review("emergency-contacts", "b", "")).is_none());
}

#[test]
fn the_uid_is_one_per_assessment_across_its_versions_and_the_sequence_grows_with_them() {
    let a = with_review("emergency-contacts", "a1", "2028-04-16");
    let event = |a: &Assessment| {
        let cal = parse_calendar(&calendar(&[Reminder::of(a).unwrap()], AT));
        let props = &cal.events[0].properties;
        (
            value(props, "UID"),
            value(props, "SEQUENCE").parse::<u32>().unwrap(),
        )
    };
    let (first, sequence) = event(&a);
    assert!(
        first.starts_with("lia-review-") && first.is_ascii() && first.len() < 75,
        "{first}"
    );
    assert_eq!(sequence, 0);
    let mut renamed = a.clone();
    renamed
        .set_text(Q::AboutTitle, "Another name")
        .set_text(Q::SignOffReviewDate, "2029-01-01");
    assert_eq!(event(&renamed).0, first, "the same assessment");
    let cal = calendar(&[Reminder::of(&a).unwrap()], "2030-01-01T00:00:00Z");
    assert_eq!(
        value(&parse_calendar(&cal).events[0].properties, "UID"),
        first,
        "another day"
    );
    // Its next version, a review under a new id, and the one after (with the version
    // between them not at hand): the same event, a later sequence each time the hand-over
    // or the version moves on.
    let mut v1 = a.clone();
    send(&mut v1, today()).unwrap();
    let (_, sent) = event(&v1);
    assert!(sent > sequence);
    let v1 = approver("Sam Patel").approve(&v1, today());
    let mut v2 = start_review(&v1, "a1-review", today());
    v2.set_text(Q::SignOffReviewDate, "2029-04-16")
        .set_text(Q::SignOffCompletedDate, "2026-11-22")
        .set_choices(Q::SignOffChecklist, &v1_checklist(&v1));
    let (uid2, seq2) = event(&v2);
    assert_eq!(uid2, first, "a review of it");
    assert!(seq2 > sent, "{seq2} after {sent}");
    send(&mut v2, today()).unwrap();
    let v2 = approver("Sam Patel").approve(&v2, today());
    let mut v3 = start_review(&v2, "a1-second-review", today());
    v3.set_text(Q::SignOffReviewDate, "2030-04-16");
    let (uid3, seq3) = event(&v3);
    assert_eq!(uid3, first, "a review of a review");
    assert!(seq3 > event(&v2).1);
    let other = with_review("emergency-contacts", "a2", "2028-04-16");
    assert_ne!(event(&other).0, first, "another assessment");
}

/// The checklist as version 1 ticked it (a review ticks it again).
fn v1_checklist(v1: &Assessment) -> Vec<&'static str> {
    match v1.answers.get(Q::SignOffChecklist) {
        Some(lia::assessment::Answer::Choices(keys)) => keys
            .iter()
            .filter_map(|k| Q::SignOffChecklist.question().choice(k).map(|c| c.key))
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn hostile_and_very_long_titles_are_escaped_and_folded_at_75_octets() {
    let mut titles: Vec<String> = HOSTILE.iter().map(|t| t.to_string()).collect();
    titles.push("é".repeat(10_000));
    // (A value's own trailing white space is not kept by every reader, so none here.)
    titles.push("😀 a ".repeat(2_500) + "end");
    titles.push(format!(
        "{}\u{200f}{}",
        "ש".repeat(5_000),
        ", ;\\".repeat(1_000)
    ));
    let reminders: Vec<Reminder> = titles
        .iter()
        .enumerate()
        .map(|(i, title)| Reminder {
            id: format!("r{i}"),
            lineage: format!("r{i}"),
            version: 1,
            sequence: 0,
            title: title.clone(),
            organisation: title.clone(),
            date: day(2027, 1, 1 + i as u8),
        })
        .collect();
    let ics = calendar(&reminders, AT);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']));
    }
    assert!(
        ics.split("\r\n").filter(|l| l.starts_with(' ')).count() > 100,
        "long lines are folded"
    );
    let cal = parse_calendar(&ics);
    assert_eq!(cal.events.len(), titles.len());
    for (event, title) in cal.events.iter().zip(&titles) {
        // What the title becomes as TEXT: line breaks as \n, other controls left out.
        let expected = format!("Review LIA: {title}")
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\t', " ");
        assert_eq!(unescape(&value(&event.properties, "SUMMARY")), expected);
        assert_eq!(
            value(&event.properties, "SUMMARY"),
            text(&format!("Review LIA: {title}"))
        );
    }
    let dates: Vec<String> = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "DTSTART"))
        .collect();
    assert_eq!(dates[0], "20270101");
    assert_eq!(dates[11], "20270112");
}

#[test]
fn assessments_saved_here_join_the_register_beside_files_and_any_two_versions_compare() {
    // Versions 1 and 2 are saved in this browser; version 3 comes from a file.
    let mut v1 = (example("emergency-contacts").unwrap().build)("v1");
    approve(&mut v1, day(2025, 4, 16)).unwrap();
    let mut v2 = start_review(&v1, "v2", day(2025, 11, 1));
    v2.set_text(Q::PurposeImportance, "Essential for staff safety.");
    // The sign-off is done again at a review: as it was for version 1.
    for q in lia::assessment::lifecycle::REDONE_AT_REVIEW {
        if let Some(answer) = v1.answers.get(q) {
            v2.answers.set(q, answer.clone());
        }
    }
    approve(&mut v2, day(2025, 11, 2)).unwrap();
    let mut v3 = start_review(&v2, "v3", today());
    v3.set_text(
        Q::PurposeWhy,
        "To reach someone quickly in an emergency at work.",
    );

    let mut register = Register::new(today());
    register.read("v3.json", to_json(&v3, AT, None).as_bytes());
    let before = register.generation();
    register.add_saved(vec![v1.clone(), v2.clone()]);
    assert!(register.generation() > before);
    let entries = register.entries();
    assert_eq!(entries.len(), 3);
    assert_eq!(
        entries
            .iter()
            .map(|e| (e.file.as_str(), e.saved, e.row.version))
            .collect::<Vec<_>>(),
        vec![
            ("v3.json", false, 3),
            (SAVED_HERE, true, 1),
            (SAVED_HERE, true, 2)
        ]
    );
    // The file's review and the saved version it reviews form a chain.
    let links = register.links();
    let v3_link = links.iter().find(|l| l.review == 0).unwrap();
    assert_eq!(v3_link.previous, Some(2));
    assert_eq!(
        v3_link.describe(),
        "Version 3 reviews exactly the approved version 2."
    );
    // Any two versions: 1 against 3 has both changes, 2 against 3 only the last.
    let question = |c: &lia::compare::Changes| {
        c.sections
            .iter()
            .flat_map(|s| s.answers.iter().map(|a| a.question))
            .collect::<Vec<_>>()
    };
    let one_to_three = register.changes(1, 0).unwrap();
    assert!(question(&one_to_three).contains(&Q::PurposeImportance));
    assert!(question(&one_to_three).contains(&Q::PurposeWhy));
    let two_to_three = register.changes(2, 0).unwrap();
    assert!(!question(&two_to_three).contains(&Q::PurposeImportance));
    assert!(question(&two_to_three).contains(&Q::PurposeWhy));

    // Asked again, a saved one is read again in its place, never twice.
    let mut draft = (example("postal-offers").unwrap().build)("draft");
    register.add_saved(vec![v1.clone(), v2.clone(), draft.clone()]);
    assert_eq!(register.entries().len(), 4);
    draft.set_text(Q::AboutTitle, "Renamed since");
    let before = register.generation();
    register.add_saved(vec![v1, v2, draft]);
    assert_eq!(register.entries().len(), 4);
    assert_eq!(register.entries()[3].row.title, "Renamed since");
    assert!(register.generation() > before, "the rows are drawn again");
    // A file with the same id as a saved one is a copy of its own, not replaced.
    register.read(
        "v1-copy.json",
        to_json(&register.entries()[1].imported.assessment, AT, None).as_bytes(),
    );
    assert_eq!(register.entries().len(), 5);
}

#[test]
fn adding_the_saved_assessments_says_how_many_and_how_many_could_not_be_read() {
    assert_eq!(
        saved_added(0, 0),
        "No assessment saved in this browser could be added."
    );
    assert_eq!(
        saved_added(1, 0),
        "1 assessment saved in this browser is in the register."
    );
    assert_eq!(
        saved_added(12, 2),
        "12 assessments saved in this browser are in the register. 2 could not be read: the start page says why."
    );
}

#[test]
fn reading_files_says_how_many_records_were_added_and_how_many_could_not_be_read() {
    assert_eq!(
        lia::register::files_read(1, 1, 0),
        "1 file read: 1 record added to the register."
    );
    assert_eq!(
        lia::register::files_read(30, 27, 3),
        "30 files read: 27 records added to the register, 3 could not be read."
    );
    assert_eq!(
        lia::register::files_read(2, 0, 1),
        "2 files read: 0 records added to the register, 1 could not be read."
    );
}

#[test]
fn each_verification_outcome_has_its_status_and_only_a_trusted_approval_shows_who_and_when() {
    let sam = approver("Sam Patel");
    let a = approved_through_the_hand_over("t", "Sam Patel");
    let row = |a: &Assessment, trust: &Trust| Row::of(a, today(), trust);
    let shown = |r: &Row| (r.standing, r.approver.clone(), r.approved_label());

    // Signed by a trusted approver: approved, with who and when.
    let trusted = row(&a, &sam.trusted());
    assert_eq!(
        shown(&trusted),
        (
            Standing::Approved,
            "Sam Patel".into(),
            "22 November 2026".into()
        )
    );
    assert_eq!(trusted.warning, None);
    // The same file where the key is not on the trusted list.
    let untrusted = row(&a, &Trust::default());
    assert_eq!(
        shown(&untrusted),
        (Standing::NotTrusted, String::new(), String::new())
    );
    assert!(untrusted
        .warning
        .as_deref()
        .unwrap()
        .contains("signed by a key not on the trusted list (fingerprint "));
    // The approver's name, role or date changed in the decision (and in the sign-off, so
    // the two agree): the signature does not match.
    for edit in [
        |d: &mut lia::assessment::Decision, a: &mut Assessment| {
            d.name = "Chief Executive (forged)".into();
            a.set_text(Q::SignOffApprovedName, "Chief Executive (forged)");
        },
        |d: &mut lia::assessment::Decision, a: &mut Assessment| {
            d.role = "Chief Executive".into();
            a.set_text(Q::SignOffApprovedRole, "Chief Executive");
        },
        |d: &mut lia::assessment::Decision, a: &mut Assessment| {
            d.date = "2020-01-01".into();
            a.set_text(Q::SignOffApprovedDate, "2020-01-01");
        },
    ] {
        let mut forged = a.clone();
        let mut decision = forged.handover[0].decision.clone().unwrap();
        edit(&mut decision, &mut forged);
        forged.handover[0].decision = Some(decision);
        let r = row(&forged, &sam.trusted());
        assert_eq!(
            shown(&r),
            (
                Standing::SignatureDoesNotMatch,
                String::new(),
                String::new()
            )
        );
        assert!(r
            .warning
            .unwrap()
            .contains("but the signature does not match"));
    }
    // Not signed: the signature taken out, or marked approved with no hand-over at all.
    let mut unsigned = a.clone();
    unsigned.handover[0].decision.as_mut().unwrap().signature = None;
    assert_eq!(
        shown(&row(&unsigned, &sam.trusted())),
        (Standing::NotSigned, String::new(), String::new())
    );
    let mut bare = (example("emergency-contacts").unwrap().build)("bare");
    bare.status = Status::Approved;
    let r = row(&bare, &sam.trusted());
    assert_eq!(
        shown(&r),
        (Standing::NotSigned, String::new(), String::new())
    );
    assert!(r.warning.unwrap().contains("but not signed"));
    // A draft whose sign-off names an approver and a date does not look approved.
    let draft = (example("emergency-contacts").unwrap().build)("draft");
    assert!(draft.answers.get(Q::SignOffApprovedName).is_some());
    let r = row(&draft, &sam.trusted());
    assert_eq!(shown(&r), (Standing::Draft, String::new(), String::new()));
    assert_eq!(r.warning, None);
    // Each outcome is a status of its own, and only the approvals that hold are not
    // problems.
    for s in Standing::ALL {
        assert_eq!(
            s.is_problem(),
            !matches!(
                s,
                Standing::Draft | Standing::Approved | Standing::ApprovedByAuthor
            ),
            "{s:?}"
        );
    }
}

/// Issue 26: a record approved under an earlier version of the rules that now gets new
/// findings says so in its row; one checked by today's rules says nothing.
#[test]
fn a_record_checked_with_an_earlier_version_of_the_rules_says_so() {
    let mut a = (example("emergency-contacts").unwrap().build)("old");
    approve(&mut a, today()).unwrap();
    assert_eq!(Row::of(&a, today(), &Trust::default()).rules_note, None);
    // As approved before this version: no stamp, and no retention period recorded.
    a.rules_version = None;
    a.answers.clear(Q::AboutRetention);
    assert_eq!(
        Row::of(&a, today(), &Trust::default()).rules_note.as_deref(),
        Some("Checked with an earlier version of the rules (version 1, this is version 2): 1 new finding.")
    );
}

// ---- one row per assessment ----------------------------------------------------------------

/// The five files a DPO keeps of one assessment's first version: the draft, the copy sent
/// for approval, the copy the approver returned, the copy sent again, the approval.
fn life_of_one_assessment() -> Vec<(&'static str, Assessment)> {
    let mut draft = (example("emergency-contacts").unwrap().build)("staff-contacts");
    for q in APPROVAL_ANSWERS {
        draft.answers.clear(q);
    }
    let mut sent = draft.clone();
    send(&mut sent, today()).unwrap();
    let returned = approver("Sam Patel")
        .decide(
            &sent,
            &lia::handover::DecisionForm {
                verdict: Some(lia::assessment::Verdict::Returned),
                note: "Say more about the benefit.".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    let mut resent = returned.clone();
    resent.set_text(
        Q::PurposeBenefit,
        "Staff safety: someone close hears quickly.",
    );
    send(&mut resent, today()).unwrap();
    let approved = approver("Sam Patel").approve(&resent, today());
    vec![
        ("draft", draft),
        ("sent", sent),
        ("returned", returned),
        ("resent", resent),
        ("approved", approved),
    ]
}

#[test]
fn every_copy_of_one_assessment_is_one_row_with_its_earlier_copies_beneath() {
    let life = life_of_one_assessment();
    let mut register = Register::with_trust(today(), approver("Sam Patel").trusted());
    // Read in a muddled order, with the approval's HTML report beside its JSON, and
    // another assessment among them.
    for name in ["returned", "approved", "draft", "resent", "sent"] {
        let a = &life.iter().find(|(n, _)| *n == name).unwrap().1;
        register.read(
            &format!("{name}.json"),
            to_json(a, AT, Some(today())).as_bytes(),
        );
    }
    let approved = &life[4].1;
    register.read(
        "approved.html",
        to_html(approved, AT, Some(today())).as_bytes(),
    );
    register.read(
        "other.json",
        to_json(
            &with_review("postal-offers", "other", "2027-01-01"),
            AT,
            None,
        )
        .as_bytes(),
    );
    assert!(register.failures().is_empty());
    let groups = register.groups();
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.lineage, "staff-contacts");
    assert!(g.conflicts.is_empty());
    assert_eq!(g.others_label().as_deref(), Some("4 earlier copies"));
    assert_eq!(g.kind(0), CopyKind::Latest);
    assert!((1..5).all(|m| g.kind(m) == CopyKind::Superseded));
    // The latest is the approval, with both its files; the four before it beneath,
    // latest first.
    assert_eq!(
        register.files(&g.members[0]),
        ["approved.json", "approved.html"]
    );
    let superseded: Vec<String> = g.members[1..]
        .iter()
        .map(|m| register.files(m).join(", "))
        .collect();
    assert_eq!(
        superseded,
        ["resent.json", "returned.json", "sent.json", "draft.json"]
    );
    let places: Vec<String> = g.members.iter().map(|m| m.place.describe()).collect();
    assert_eq!(
        places,
        [
            "Version 1, round 2, approved",
            "Version 1, round 2, sent for approval",
            "Version 1, round 1, returned with comments",
            "Version 1, round 1, sent for approval",
            "Version 1, draft",
        ]
    );
    assert_eq!(
        register.entries()[g.latest()].row.standing,
        Standing::Approved
    );
    // Sorting and filtering work on assessments, by their latest copy.
    let only_drafts = register.arrange_groups(
        Sort::default(),
        &Filter {
            status: Some(Standing::Draft),
            due: DueFilter::Any,
        },
    );
    assert_eq!(
        only_drafts,
        [1],
        "the earlier drafts of the approved one are not rows"
    );
    // Every version in the CSV when asked for, each marked.
    let csv = to_csv(&register, groups, &[0, 1], true);
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let copies: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[13].to_string(), r[15].to_string())
        })
        .collect();
    assert_eq!(
        copies,
        [
            ("approved.json; approved.html".into(), "Latest".into()),
            ("resent.json".into(), "Superseded".into()),
            ("returned.json".into(), "Superseded".into()),
            ("sent.json".into(), "Superseded".into()),
            ("draft.json".into(), "Superseded".into()),
            ("other.json".into(), "Latest".into()),
        ]
    );
    // The printable page: one row per assessment, the earlier copies named in it.
    let page = lia::register::html::to_html(&register, groups, &[0, 1], today(), "");
    assert_eq!(page.matches("<tr>").count(), 3);
    assert_eq!(page.matches("Superseded: ").count(), 4);
    assert!(page.contains("2 assessments on 22 November 2026."));
}

#[test]
fn two_copies_at_one_place_that_differ_are_a_conflict_never_merged() {
    let life = life_of_one_assessment();
    let sent = life[1].1.clone();
    // Two people edit the copy sent for approval, differently.
    let mut mine = sent.clone();
    mine.set_text(Q::PurposeWhy, "My edit.");
    let mut theirs = sent.clone();
    theirs.set_text(Q::PurposeWhy, "Their edit.");
    let mut register = Register::new(today());
    register.read("sent.json", to_json(&sent, AT, None).as_bytes());
    register.read("mine.json", to_json(&mine, AT, None).as_bytes());
    register.read("theirs.json", to_json(&theirs, AT, None).as_bytes());
    // The same copy twice is one, not a conflict.
    register.read("sent (copy).json", to_json(&sent, AT, None).as_bytes());
    let groups = register.groups();
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(
        g.members.len(),
        3,
        "both edits kept, the two identical copies one"
    );
    assert_eq!(
        register.files(g.members.last().unwrap()),
        ["sent.json", "sent (copy).json"]
    );
    assert_eq!(g.conflicts.len(), 1);
    // The two edits are in conflict, the copy they were both made from superseded; the
    // list beneath the row is named for both kinds.
    assert_eq!(
        [g.kind(0), g.kind(1), g.kind(2)],
        [
            CopyKind::InConflict,
            CopyKind::InConflict,
            CopyKind::Superseded
        ]
    );
    assert_eq!(
        g.others_label().as_deref(),
        Some("1 earlier copy and 1 in conflict")
    );
    let warning = g.conflict_warning().unwrap();
    assert!(
        warning.starts_with("Two copies of version 1, round 1, changed since it was sent differ"),
        "{warning}"
    );
    let csv = to_csv(&register, groups, &[0], true);
    assert_eq!(
        csv.matches("Conflict: another copy at the same point differs")
            .count(),
        2
    );
    // The page says so in the row.
    let page = lia::register::html::to_html(&register, groups, &[0], today(), "");
    assert!(page.contains("Two copies of version 1"));
    assert_eq!(page.matches("In conflict: ").count(), 1, "the other edit");
    assert_eq!(page.matches("Superseded: ").count(), 1, "the copy sent");
}

#[test]
fn the_versions_of_one_assessment_are_one_even_without_the_versions_between() {
    let approved = approved_through_the_hand_over("v1", "Sam Patel");
    let mut v2 = start_review(&approved, "v2", today());
    v2.set_text(Q::SignOffCompletedDate, "2026-11-22")
        .set_text(Q::SignOffReviewDate, "2028-01-01")
        .set_choices(Q::SignOffChecklist, &v1_checklist(&approved));
    send(&mut v2, today()).unwrap();
    let v2 = approver("Sam Patel").approve(&v2, today());
    let v3 = start_review(&v2, "v3", today());
    // Versions 1 and 3 only: one assessment, version 3 its row.
    let register = register_of(&[approved.clone(), v3.clone()]);
    let groups = register.groups();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(register.entries()[groups[0].latest()].row.version, 3);
    // A review made before the lineage was recorded joins the version it reviews.
    let mut old = v2.clone();
    old.reviewed.as_mut().unwrap().lineage = None;
    let register = register_of(&[approved, old]);
    assert_eq!(register.groups().len(), 1);
    // One event in the calendar for it: the latest version's date.
    let register = register_of(&[v2.clone(), v3]);
    let groups = register.groups();
    let reminders: Vec<Reminder> = groups.iter().filter_map(|g| register.reminder(g)).collect();
    assert_eq!(reminders.len(), 1);
    assert_eq!(
        reminders[0].date,
        day(2028, 1, 1),
        "version 3 has no date yet: version 2's"
    );
}

#[test]
fn a_copy_whose_digest_does_not_match_is_flagged_in_its_row_and_the_files_out() {
    let a = with_review("postal-offers", "edited", "2027-01-01");
    let mut json: serde_json::Value =
        serde_json::from_str(&to_json(&a, AT, Some(today()))).unwrap();
    json["assessment"]["answers"]["purpose.why"] = "Edited in a text editor.".into();
    let mut register = Register::new(today());
    register.read("edited.json", json.to_string().as_bytes());
    register.read(
        "fine.json",
        to_json(
            &with_review("postal-offers", "fine", "2027-01-01"),
            AT,
            None,
        )
        .as_bytes(),
    );
    let entries = register.entries();
    assert!(lia::register::digest_warning(&entries[0])
        .unwrap()
        .contains("does not match"));
    assert_eq!(lia::register::digest_warning(&entries[1]), None);
    let (groups, order) = groups_of(&register);
    let csv = to_csv(&register, &groups, &order, false);
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let digests: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[14].to_string())
        .collect();
    assert_eq!(digests, ["Does not match", "Matches"]);
    let page = lia::register::html::to_html(&register, &groups, &order, today(), "");
    assert_eq!(page.matches("Its digest does not match").count(), 1);
}

/// Whether LibreOffice can be run; if not, whether that is allowed (`./dev test` installs
/// it and sets LIA_REQUIRE_LIBREOFFICE, so there it must run).
fn calc_present() -> bool {
    let present = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        assert!(
            std::env::var_os("LIA_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice is missing, and LIA_REQUIRE_LIBREOFFICE is set"
        );
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed; `./dev test` installs it.");
    }
    present
}

#[test]
fn the_csv_opened_in_libreoffice_calc_runs_no_formula() {
    if !calc_present() {
        return;
    }
    let mut records = hostile_records();
    for (i, prefix) in ["\u{0}", "\u{1}", " \u{0}", "\u{0}\t"].iter().enumerate() {
        let mut a = with_review("postal-offers", &format!("n{i}"), "2027-02-03");
        a.set_text(
            Q::AboutTitle,
            format!("{prefix}=HYPERLINK(\"http://evil.example\",\"x\")"),
        )
        .set_text(Q::AboutOrganisation, format!("{prefix}+1+1"))
        .set_text(Q::SignOffApprovedName, format!("{prefix}@SUM(1,2)"));
        records.push(a);
    }
    let register = register_of(&records);
    let (groups, order) = groups_of(&register);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("register-calc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("register.csv"),
        to_csv(&register, &groups, &order, false),
    )
    .unwrap();
    // LibreOffice Calc's own import of a CSV file: comma, quote, UTF-8, from line 1; the
    // rest as it sets them by default (formulas evaluated).
    let output = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(&dir)
        .arg(dir.join("register.csv"))
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success() && dir.join("register.fods").exists(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The sheet as a flat OpenDocument file: a formula would be a cell's table:formula.
    let sheet = std::fs::read_to_string(dir.join("register.fods")).unwrap();
    let sheet = roxmltree::Document::parse(&sheet).unwrap();
    let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    let formulas: Vec<String> = sheet
        .descendants()
        .filter_map(|n| n.attribute((table, "formula")).map(String::from))
        .collect();
    assert!(
        formulas.is_empty(),
        "live formulas in the sheet: {formulas:?}"
    );
    let cells: Vec<String> = sheet
        .descendants()
        .filter(|n| n.tag_name().name() == "table-cell")
        .map(|c| {
            c.descendants()
                .filter(|n| n.tag_name().name() == "p")
                .map(|p| {
                    p.descendants()
                        .filter(|t| t.is_text())
                        .filter_map(|t| t.text())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    for a in &records {
        let title = Row::of(a, today(), &Trust::default()).title;
        assert!(
            cells.contains(&in_csv(&title)),
            "{title:?} is not a text cell: {:?} in {cells:?}",
            in_csv(&title)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The groups are kept between changes (the page asks for them many times), and every
/// change to the entries is seen: a file read, a register added, the saved ones added.
#[test]
fn the_kept_groups_follow_every_change_to_the_entries() {
    let record = |key: &str, id: &str| (example(key).unwrap().build)(id);
    let mut register = register_of(&[record("emergency-contacts", "one")]);
    assert_eq!(register.groups().len(), 1);
    let two = record("postal-offers", "two");
    register.read("two.json", to_json(&two, AT, Some(today())).as_bytes());
    assert_eq!(register.groups().len(), 2, "a file read");
    let mut other = Register::new(today());
    other.read(
        "three.json",
        to_json(&record("housing-marketing", "three"), AT, Some(today())).as_bytes(),
    );
    register.extend(other);
    assert_eq!(register.groups().len(), 3, "a register added");
    register.add_saved(vec![record("emergency-contacts", "four")]);
    let lineages: Vec<&str> = register
        .groups()
        .iter()
        .map(|g| g.lineage.as_str())
        .collect();
    assert_eq!(
        lineages,
        ["one", "two", "three", "four"],
        "the saved ones added"
    );
    // The same entries grouped afresh give the same groups.
    assert_eq!(register.groups(), register.clone().groups());
}

#[test]
fn the_kept_first_order_follows_every_change_to_the_entries() {
    let file = |key: &str, id: &str, title: &str| {
        let mut a = (example(key).unwrap().build)(id);
        a.set_text(Q::AboutTitle, title);
        (format!("{id}.json"), to_json(&a, AT, Some(today())))
    };
    let files = [
        file("emergency-contacts", "one", "Beta"),
        file("postal-offers", "two", "Alpha"),
        file("housing-marketing", "three", "Aardvark"),
    ];
    // What a register read afresh, with nothing kept yet, gives.
    let fresh = |n: usize, sort: Sort| {
        let mut r = Register::new(today());
        for (name, json) in &files[..n] {
            r.read(name, json.as_bytes());
        }
        let order = r.arrange_groups(sort, &Filter::default());
        titles(&r, &order)
    };
    fn titles(r: &Register, order: &[usize]) -> Vec<String> {
        order
            .iter()
            .map(|&i| r.entries()[r.groups()[i].latest()].row.title.clone())
            .collect()
    }
    let first = Sort::default();
    let mut register = Register::new(today());
    register.read(&files[0].0, files[0].1.as_bytes());
    let order = register.arrange_groups(first, &Filter::default());
    assert_eq!(titles(&register, &order), ["Beta"]);
    register.read(&files[1].0, files[1].1.as_bytes());
    let order = register.arrange_groups(first, &Filter::default());
    assert_eq!(titles(&register, &order), fresh(2, first), "a file read");
    let mut other = Register::new(today());
    other.read(&files[2].0, files[2].1.as_bytes());
    register.extend(other);
    let order = register.arrange_groups(first, &Filter::default());
    assert_eq!(
        titles(&register, &order),
        fresh(3, first),
        "a register added"
    );
    assert_eq!(order.len(), 3);
    // Another sort is worked out, not taken from what is kept; the first order stays.
    let by_title_down = Sort {
        column: Column::Title,
        ascending: false,
    };
    let down = register.arrange_groups(by_title_down, &Filter::default());
    assert_eq!(titles(&register, &down), ["Beta", "Alpha", "Aardvark"]);
    assert_eq!(register.arrange_groups(first, &Filter::default()), order);
}
