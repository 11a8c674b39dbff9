//! The Word document and the OpenDocument text in real readers. LibreOffice (Debian's
//! `libreoffice-writer-nogui`) converts every example's files, an approved one, a review
//! and one full of hostile text to PDF headless, and `pdftotext` (poppler-utils) reads back
//! every page: the head and "Page N of M" foot on each, the document-control table, the
//! appendix, every answer; the housing example in at most 8 pages; no part starting at the
//! foot of a page; the risk matrix on one page. Then pandoc reads every heading and answer
//! of the Word files, and odfpy (Debian's python3-odf) of the OpenDocument files.
//!
//! Skipped, saying so, only where those programs are not installed and
//! LIA_REQUIRE_LIBREOFFICE is not set (`./dev test` installs them and sets it).

#[path = "fixtures/approver/mod.rs"]
mod approver;
#[path = "realistic/assessments.rs"]
#[allow(dead_code)]
mod assessments;
#[path = "fixtures/export/hostile.rs"]
#[allow(dead_code)]
mod hostile;
#[path = "fixtures/report_text.rs"]
#[allow(dead_code)]
mod report_text;

use std::path::{Path, PathBuf};
use std::process::Command;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::lifecycle::start_review;
use lia::assessment::{Answer, Assessment, Date, QuestionId};
use lia::export::{to_docx_with_previous, to_odt};
use lia::handover::send;
use lia::report::{Block, Item, Report};
use report_text::normal;

const AT: &str = "2026-11-22T10:15:00Z";
const TODAY: Option<Date> = Date::new(2026, 11, 22);

/// The most pages the housing example may take in either format.
const HOUSING_PAGES: usize = 8;

fn installed(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn odfpy_installed() -> bool {
    Command::new("/usr/bin/python3")
        .args(["-c", "import odf"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the readers are here; if not, whether that is allowed.
fn readers_present() -> bool {
    let present = installed("soffice", "--version")
        && installed("pdftotext", "-v")
        && installed("pandoc", "--version")
        && odfpy_installed();
    if !present {
        // `./dev test` installs them and asks for this check: there it must not pass unseen.
        assert!(
            std::env::var_os("LIA_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice, pdftotext, pandoc or python3-odf is missing, and \
             LIA_REQUIRE_LIBREOFFICE is set"
        );
        eprintln!(
            "SKIPPED: LibreOffice (soffice), pdftotext, pandoc or python3-odf is not \
             installed. `./dev test` installs them from Debian, so it runs there."
        );
    }
    present
}

/// The text without any white space: a line may wrap anywhere LibreOffice allows, so
/// spaces and breaks are not compared.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What XML receives of a text: characters XML 1.0 forbids replaced by U+FFFD.
fn as_written(text: &str) -> String {
    text.chars()
        .map(|c| {
            let code = c as u32;
            let bad = (code < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
                || (0x7F..=0x9F).contains(&code)
                || (0xFDD0..=0xFDEF).contains(&code)
                || code & 0xFFFE == 0xFFFE;
            if bad {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The parts of a text any PDF text extraction gives back as they are: runs of Latin
/// text at least three characters long. Right-to-left scripts come back in visual order
/// and emoji depend on the fonts, so those are checked in the XML instead
/// (tests/export_documents.rs); here they only must not stop the conversion.
fn checkable(text: &str) -> Vec<String> {
    let latin = |c: char| {
        c.is_ascii_graphic()
            || c == ' '
            || ('\u{A0}'..='\u{24F}').contains(&c)
            || "‘’“”–—…·".contains(c)
    };
    as_written(text)
        .replace(['\t', '\r', '\n'], " ")
        .split(|c: char| !latin(c))
        .map(squash)
        .filter(|s| s.chars().count() >= 3)
        .collect()
}

fn approver() -> approver::TestApprover {
    approver::TestApprover::new(
        11,
        "Priya O'Neill",
        "Head of Information Governance",
        "Bike shop",
    )
}

/// The records opened: every example, a realistic assessment approved through the
/// hand-over, its review (with the version it reviews), and one full of hostile text.
fn records() -> Vec<(String, Assessment, Option<Assessment>)> {
    let mut out: Vec<(String, Assessment, Option<Assessment>)> = EXAMPLES
        .iter()
        .map(|e| (e.key.to_string(), (e.build)(e.key), None))
        .collect();
    let day = TODAY.unwrap();
    let mut sent = assessments::bike_shop_email();
    send(&mut sent, day).unwrap();
    let approved = approver().approve(&sent, day);
    let mut review = start_review(&approved, "bike-shop-v2", day);
    let why = match approved.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!("the case answers it"),
    };
    review.set_text(
        QuestionId::PurposeWhy,
        why.replacen("once a month", "twice a month", 1),
    );
    out.push(("approved".into(), approved.clone(), None));
    out.push(("review".into(), review, Some(approved)));
    out.push(("hostile".into(), hostile::hostile_assessment(), None));
    out
}

/// A converted file: its pages as laid out (`pdftotext -layout`, for where things are on
/// a page), and its text in the order LibreOffice wrote it (`pdftotext -raw`, where a
/// table's cells come one after another rather than side by side).
struct Converted {
    pages: Vec<String>,
    text: String,
}

/// Converts every file in `dir` with these names to PDF in one LibreOffice run, with a
/// profile of its own, then reads each PDF.
fn convert(dir: &Path, files: &[String]) -> Vec<Converted> {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let mut command = Command::new("soffice");
    command
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir);
    for file in files {
        command.arg(dir.join(file));
    }
    let output = command.output().expect("soffice runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "soffice failed: {stderr}");
    assert!(!stderr.contains("Error"), "soffice reported: {stderr}");
    files
        .iter()
        .map(|file| {
            let pdf = dir.join(file).with_extension("pdf");
            let size = std::fs::metadata(&pdf).map_or(0, |m| m.len());
            assert!(
                size > 1000,
                "{file}: no PDF came out ({size} bytes). {stderr}"
            );
            let read = |layout: bool| {
                let mut command = Command::new("pdftotext");
                command.args(["-enc", "UTF-8"]);
                command.arg(if layout { "-layout" } else { "-raw" });
                let out = command.arg(&pdf).arg("-").output().expect("pdftotext runs");
                assert!(out.status.success(), "{file}: pdftotext failed");
                String::from_utf8(out.stdout).unwrap()
            };
            let mut pages: Vec<String> = read(true).split('\u{c}').map(str::to_string).collect();
            if pages.last().is_some_and(|p| p.trim().is_empty()) {
                pages.pop();
            }
            Converted {
                pages,
                text: read(false),
            }
        })
        .collect()
}

/// Each record's files, written to a folder of their own: `<name>.docx`, `<name>.odt`.
/// LibreOffice names both PDFs `<name>.pdf`, so the two formats go in two folders.
fn write_all(root: &Path, records: &[(String, Assessment, Option<Assessment>)]) -> Vec<PathBuf> {
    let dirs = [root.join("docx"), root.join("odt")];
    for dir in &dirs {
        std::fs::create_dir_all(dir).unwrap();
    }
    for (name, a, previous) in records {
        std::fs::write(
            dirs[0].join(format!("{name}.docx")),
            to_docx_with_previous(
                a,
                previous.as_ref(),
                AT,
                TODAY,
                &lia::handover::Trust::default(),
                None,
            ),
        )
        .unwrap();
        std::fs::write(
            dirs[1].join(format!("{name}.odt")),
            to_odt(
                a,
                previous.as_ref(),
                AT,
                TODAY,
                &lia::handover::Trust::default(),
                None,
            ),
        )
        .unwrap();
    }
    dirs.to_vec()
}

/// Every answer the record shows, and every heading.
fn answers_and_headings(r: &Report) -> (Vec<String>, Vec<String>) {
    let mut answers = Vec::new();
    for (_, part) in r.outline() {
        for block in &part.blocks {
            if let Block::Questions(rows) = block {
                for row in rows {
                    for item in &row.answer {
                        let (Item::Para(line) | Item::Bullet(line)) = item;
                        answers.push(report_text::line_text(line));
                    }
                }
            }
        }
    }
    let headings = r.outline().iter().map(|(_, p)| normal(&p.title)).collect();
    (answers, headings)
}

/// The text of the pages without their heads and feet: each page's head takes as many
/// lines as it does above the first words of the record on page 1 (the kicker), and its
/// foot is its last line.
fn body_text(raw: &str, kicker: &str) -> String {
    let pages: Vec<Vec<&str>> = raw
        .split('\u{c}')
        .map(lines)
        .filter(|p| !p.is_empty())
        .collect();
    let head = pages[0]
        .iter()
        .position(|l| squash(l) == squash(kicker))
        .expect("the kicker on page 1");
    pages
        .iter()
        .map(|p| p[head.min(p.len())..p.len().saturating_sub(1)].join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of a page that carry text.
fn lines(page: &str) -> Vec<&str> {
    page.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn each_document_opens_in_libreoffice_with_its_head_foot_control_table_and_appendix() {
    if !readers_present() {
        return;
    }
    let root: PathBuf =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("documents-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let records = records();
    let dirs = write_all(&root, &records);
    for (dir, ext) in dirs.iter().zip(["docx", "odt"]) {
        let files: Vec<String> = records
            .iter()
            .map(|(n, _, _)| format!("{n}.{ext}"))
            .collect();
        let converted = convert(dir, &files);
        for ((name, a, previous), converted) in records.iter().zip(&converted) {
            let what = format!("{ext} {name}");
            let pages = &converted.pages;
            let model = Report::of(a, previous.as_ref(), TODAY, AT);
            let count = pages.len();
            if name == "housing-marketing" {
                assert!(count <= HOUSING_PAGES, "{what}: {count} pages");
            }
            // Every page: the head first, "Page N of M · digest" last.
            let digest = lia::assessment::assessment_digest(a);
            for (i, page) in pages.iter().enumerate() {
                let lines = lines(page);
                let top = squash(&lines[..2.min(lines.len())].concat());
                if *name != "hostile" {
                    assert!(
                        top.starts_with(&squash(&model.running.head)),
                        "{what}: page {} starts {:?}",
                        i + 1,
                        lines.first()
                    );
                }
                let foot = format!("Page {} of {count} · digest {}", i + 1, &digest[..8]);
                assert_eq!(
                    lines.last().map(|l| l.trim()),
                    Some(foot.as_str()),
                    "{what}: page {}",
                    i + 1
                );
            }
            // In the order written, without the head and foot of each page, or the header
            // rows repeated where a table runs on.
            let mut squashed = squash(&body_text(&converted.text, model.kicker));
            squashed = squashed.replace(&squash("Question Answer"), "");
            // The control table first, the findings in an appendix after the sign-off.
            let at = |text: &str| {
                squashed
                    .find(&squash(text))
                    .unwrap_or_else(|| panic!("{what}: {text:?} not in the PDF"))
            };
            assert!(at("Document control") < at("Summary"), "{what}");
            assert!(at("Sign-off") < at("Appendix A: Findings"), "{what}");
            assert!(
                squash(&pages[0]).contains(&squash("Document control")),
                "{what}"
            );
            if name == "hostile" {
                // Right-to-left text and emoji are reordered by layout, so the pieces of
                // an answer around them do not come back in order: the 20,000-character
                // answer must be there whole, all its sentences.
                let sentence = squash("the quick brown fox jumps over the lazy dog & <tag>");
                let long = match a.answers.get(QuestionId::PurposeWhy) {
                    Some(Answer::Text(t)) => squash(t),
                    _ => unreachable!(),
                };
                assert!(long.matches(&sentence).count() > 300);
                assert!(
                    squashed.matches(&sentence).count() >= long.matches(&sentence).count(),
                    "{what}: the long answer is cut short"
                );
            } else {
                // Every answer, where PDF text extraction can give it back as it is.
                let (answers, _) = answers_and_headings(&model);
                let mut checked = 0;
                for answer in &answers {
                    for piece in checkable(answer) {
                        checked += 1;
                        assert!(
                            squashed.contains(&piece),
                            "{what}: not in the PDF: {:?}",
                            piece.chars().take(120).collect::<String>()
                        );
                    }
                }
                assert!(checked > 20, "{what}: only {checked} pieces checked");
            }
            no_part_starts_at_the_foot_of_a_page(&what, &model, pages);
            the_risk_matrix_is_on_one_page(&what, &model, pages);
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// A heading must have at least two lines of its part below it on its page, unless the
/// whole part is there (the next page starts with another heading).
fn no_part_starts_at_the_foot_of_a_page(what: &str, model: &Report, pages: &[String]) {
    let headings: Vec<String> = model
        .outline()
        .iter()
        .map(|(_, p)| squash(&p.title))
        .collect();
    for (i, page) in pages.iter().enumerate() {
        let on_page = lines(page);
        // The last line is the foot.
        let body = &on_page[..on_page.len().saturating_sub(1)];
        for (at, line) in body.iter().enumerate() {
            let line = squash(line);
            let joined = body
                .get(at + 1)
                .map_or(line.clone(), |next| format!("{line}{}", squash(next)));
            let Some(heading) = headings
                .iter()
                .find(|h| **h == line || (**h == joined && line.len() > 8))
            else {
                continue;
            };
            let used = if *heading == line { 1 } else { 2 };
            let below = body.len() - at - used;
            // The next page's first line after its head: a heading, or the part running on.
            let next_starts_a_part = pages.get(i + 1).is_none_or(|next| {
                let next = lines(next);
                next.iter()
                    .skip(1)
                    .map(|l| squash(l))
                    .find(|l| !l.starts_with(&squash(&model.running.head)))
                    .is_none_or(|first| headings.iter().any(|h| h.starts_with(&first)))
            });
            assert!(
                below >= 2 || next_starts_a_part,
                "{what}: {heading:?} starts at the foot of page {} ({below} lines below it)",
                i + 1
            );
        }
    }
}

/// The risk matrix's header row and its last row are on one page.
fn the_risk_matrix_is_on_one_page(what: &str, model: &Report, pages: &[String]) {
    let Some(m) = model.outline().into_iter().find_map(|(_, p)| {
        p.blocks.iter().find_map(|b| match b {
            Block::Matrix(m) => Some(m.clone()),
            _ => None,
        })
    }) else {
        return;
    };
    let header = squash(&format!("{}{}", m.severity_title, m.columns.concat()));
    let last = squash(m.rows.last().unwrap().severity);
    let page = pages
        .iter()
        .position(|p| lines(p).iter().any(|l| squash(l) == header))
        .unwrap_or_else(|| panic!("{what}: the matrix's header row is not on any page"));
    let lines = lines(&pages[page]);
    let from = lines.iter().position(|l| squash(l) == header).unwrap();
    assert!(
        lines[from..].iter().any(|l| squash(l).starts_with(&last)),
        "{what}: the matrix is broken across pages {} and {}",
        page + 1,
        page + 2
    );
}

#[test]
fn pandoc_and_odfpy_read_every_heading_and_answer() {
    if !readers_present() {
        return;
    }
    let root: PathBuf =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("readers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let records: Vec<_> = records()
        .into_iter()
        .filter(|(n, _, _)| n != "hostile")
        .collect();
    let dirs = write_all(&root, &records);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readers/odt_text.py");
    for (name, a, previous) in &records {
        let model = Report::of(a, previous.as_ref(), TODAY, AT);
        let (answers, headings) = answers_and_headings(&model);
        let word = Command::new("pandoc")
            .args(["-t", "plain", "--wrap=none", "-s"])
            .arg(dirs[0].join(format!("{name}.docx")))
            .output()
            .expect("pandoc runs");
        assert!(word.status.success(), "pandoc: {name}");
        let odt = Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(dirs[1].join(format!("{name}.odt")))
            .output()
            .expect("python3 runs");
        assert!(
            odt.status.success(),
            "odfpy: {name}: {}",
            String::from_utf8_lossy(&odt.stderr)
        );
        for (reader, text) in [("pandoc", word.stdout), ("odfpy", odt.stdout)] {
            // pandoc lays tables out in columns, so compare without white space.
            let text = squash(&String::from_utf8(text).unwrap());
            for heading in &headings {
                assert!(
                    text.contains(&squash(heading)),
                    "{reader} {name}: {heading:?}"
                );
            }
            for answer in &answers {
                assert!(
                    text.contains(&squash(answer)),
                    "{reader} {name}: {answer:?}"
                );
            }
            assert!(answers.len() > 20, "{name}: {} answers", answers.len());
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}
