//! The Word document in a real word processor: LibreOffice (Debian's
//! `libreoffice-writer-nogui`, installed by `./dev test`) converts each document to PDF
//! headless without error, and `pdftotext` (poppler-utils) reads back every answer,
//! finding and the sign-off. Three documents: the real housing LIA as filled in, an
//! assessment sent and approved through the hand-over (so the approval is in it), and
//! one full of hostile text (XML metacharacters, control characters, right-to-left
//! marks, Hebrew and Arabic, emoji, a 20,000-character answer).
//!
//! Skipped, saying so, only where LibreOffice or pdftotext is not installed.

#[path = "fixtures/approver/mod.rs"]
mod approver;
#[path = "fixtures/export/docx.rs"]
mod docx;

use std::path::{Path, PathBuf};
use std::process::Command;

use lia::assessment::examples::example;
use lia::assessment::{outcome, Answer, AnswerKind, Assessment, Ctx, Date, QuestionId};
use lia::export::to_docx;
use lia::handover::send;

const AT: &str = "2026-11-22T10:15:00Z";

fn today() -> Option<Date> {
    Date::new(2026, 11, 22)
}

fn installed(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What XML receives of a text: characters XML 1.0 forbids (and the C1 controls and
/// noncharacters it discourages) replaced by U+FFFD, as the writer does.
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

/// The text without any white space: a line may wrap anywhere LibreOffice allows
/// (after "<?", inside a long digest), so spaces and breaks are not compared.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The parts of an expected text that any PDF text extraction gives back as they are:
/// runs of Latin text (letters, digits, punctuation, XML's metacharacters), at least
/// three characters long. Right-to-left scripts come back in visual order, and emoji
/// depend on the fonts installed, so those are checked in the document's XML instead
/// (tests/export_word.rs); here they only must not stop the conversion.
fn checkable(text: &str) -> Vec<String> {
    let latin = |c: char| {
        c.is_ascii_graphic()
            || c == ' '
            || ('\u{A0}'..='\u{24F}').contains(&c)
            || "‘’“”–—…·".contains(c)
    };
    let written = as_written(text).replace(['\t', '\r', '\n'], " ");
    written
        .split(|c: char| !latin(c))
        .map(squash)
        .filter(|s| s.chars().count() >= 3)
        .collect()
}

/// Every text the document must show: each visible answer (as the report words it),
/// each finding's message and detail, each impact, the sign-off answers, the review log.
fn expected(a: &Assessment) -> Vec<String> {
    let ctx = Ctx::new(a, today());
    let mut out = Vec::new();
    for q in QuestionId::ALL
        .iter()
        .copied()
        .filter(|q| ctx.is_visible(*q))
    {
        let question = q.question();
        match ctx.answer(q) {
            _ if matches!(question.kind, AnswerKind::Impacts) => {}
            Some(Answer::Text(t)) => match (question.kind, Date::parse(t)) {
                (AnswerKind::Date, Some(d)) => out.push(d.long()),
                _ => out.push(t.trim().to_string()),
            },
            Some(Answer::YesNo(y)) => out.push(y.label().into()),
            Some(Answer::Choice(k)) => out.push(question.choice(k).unwrap().label.into()),
            Some(Answer::Choices(ks)) => out.extend(
                ks.iter()
                    .map(|k| question.choice(k).unwrap().label.to_string()),
            ),
            None => {}
        }
    }
    for f in outcome(a, today()).findings {
        out.push(f.message.into());
        out.extend(f.detail);
    }
    for i in &a.impacts {
        out.push(i.description.clone());
        out.push(i.safeguards.clone());
    }
    for entry in &a.review_log {
        out.push(entry.note.clone());
    }
    out.push("Sign-off".into());
    out
}

/// An assessment sent for approval and approved by someone else: the sign-off's
/// approver, role and date, and the approval's digest, are all in it.
fn approved() -> Assessment {
    let mut a = (example("emergency-contacts").unwrap().build)("approved");
    for q in lia::assessment::digest::APPROVAL_ANSWERS {
        a.answers.clear(q);
    }
    send(&mut a, today().unwrap()).unwrap();
    let priya =
        approver::TestApprover::new(4, "Priya O'Neill", "Head of Information Governance", "");
    priya.approve(&a, today().unwrap())
}

/// Version 1 of the emergency-contacts example, approved, and its review with one word
/// of the purpose changed.
fn review_pair() -> (Assessment, Assessment) {
    use lia::assessment::lifecycle::{approve, start_review};
    let mut v1 = (example("emergency-contacts").unwrap().build)("v1");
    approve(&mut v1, Date::new(2026, 4, 16).unwrap()).unwrap();
    let mut v2 = start_review(&v1, "v2", Date::new(2027, 4, 1).unwrap());
    let why = match v1.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!("the example answers it"),
    };
    v2.set_text(QuestionId::PurposeWhy, why.replace("designated", "chosen"));
    (v1, v2)
}

/// Converts the documents to PDF in one LibreOffice run, with a profile of its own (so
/// it never meets another LibreOffice on this machine), then extracts each PDF's text.
fn convert(dir: &Path, names: &[&str]) -> Vec<String> {
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
    for name in names {
        command.arg(dir.join(format!("{name}.docx")));
    }
    let output = command.output().expect("soffice runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "soffice failed: {stderr}");
    assert!(!stderr.contains("Error"), "soffice reported: {stderr}");
    names
        .iter()
        .map(|name| {
            let pdf = dir.join(format!("{name}.pdf"));
            let size = std::fs::metadata(&pdf).map_or(0, |m| m.len());
            assert!(
                size > 1000,
                "{name}: no PDF came out ({size} bytes). {stderr}"
            );
            let text = Command::new("pdftotext")
                .args(["-enc", "UTF-8"])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            assert!(text.status.success(), "{name}: pdftotext failed");
            String::from_utf8(text.stdout).unwrap()
        })
        .collect()
}

/// The PDF's text with white space squashed, and the header rows Word repeats at the
/// top of each page taken out (a long answer runs on under them).
fn readable(pdf_text: &str) -> String {
    let mut text = squash(pdf_text);
    for header in [
        "Question Answer",
        "Date What was reviewed or changed",
        "No. Impact Before safeguards Safeguards After safeguards",
    ] {
        text = text.replace(&squash(header), "");
    }
    text
}

#[test]
fn libreoffice_opens_each_document_and_shows_every_answer_finding_and_the_sign_off() {
    if !installed("soffice", "--version") || !installed("pdftotext", "-v") {
        // `./dev test` installs both and asks for this check: there it must not pass unseen.
        assert!(
            std::env::var_os("LIA_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice (soffice) or pdftotext is missing, and LIA_REQUIRE_LIBREOFFICE is set"
        );
        eprintln!(
            "SKIPPED: LibreOffice (soffice) or pdftotext is not installed. `./dev test` \
             installs Debian's libreoffice-writer-nogui and poppler-utils, so it runs there."
        );
        return;
    }
    let dir: PathBuf =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("word-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let documents = [
        (
            "housing",
            (example("housing-marketing").unwrap().build)("housing"),
        ),
        ("approved", approved()),
        ("hostile", docx::hostile_assessment()),
    ];
    for (name, a) in &documents {
        std::fs::write(dir.join(format!("{name}.docx")), to_docx(a, AT, today())).unwrap();
    }
    // A review, with the version it reviews at hand: its appendix lists the changes.
    let (v1, v2) = review_pair();
    std::fs::write(
        dir.join("review.docx"),
        lia::export::to_docx_with_previous(&v2, Some(&v1), AT, today()),
    )
    .unwrap();
    let mut names: Vec<&str> = documents.iter().map(|(n, _)| *n).collect();
    names.push("review");
    let texts = convert(&dir, &names);
    let review = readable(&texts[3]);
    for piece in [
        "Appendix: Changes since version 1, approved on 16 April 2026",
        "Version 2 reviews exactly the approved version 1.",
        "Why do you want to process the data?",
        "[removed] designated",
        "[added] chosen",
    ] {
        assert!(
            review.contains(&squash(piece)),
            "review: not in the PDF: {piece:?}"
        );
    }
    for ((name, a), text) in documents.iter().zip(&texts) {
        let text = readable(text);
        let mut checked = 0;
        for item in expected(a) {
            for piece in checkable(&item) {
                checked += 1;
                assert!(
                    text.contains(&piece),
                    "{name}: not in the PDF: {:?}",
                    piece.chars().take(200).collect::<String>()
                );
            }
        }
        assert!(checked > 40, "{name}: only {checked} pieces checked");
        assert!(
            text.contains(&squash(a.title())) || *name == "hostile",
            "{name}: the title"
        );
    }
    // The approval and who gave it.
    let approved = readable(&texts[1]);
    assert!(approved.contains(&squash(
        "approved by Priya O'Neill (Head of Information Governance) on 22 November 2026"
    )));
    // The 20,000-character answer is there whole: as many repetitions of its sentence in
    // the PDF as in the document (it is also quoted in the privacy information).
    let hostile = readable(&texts[2]);
    let sentence = "the quick brown fox jumps over the lazy dog & <tag>";
    let squashed = squash(sentence);
    let long = match documents[2].1.answers.get(QuestionId::PurposeWhy) {
        Some(Answer::Text(t)) => t.clone(),
        _ => unreachable!(),
    };
    assert!(long.matches(sentence).count() > 300);
    let xml = String::from_utf8(
        docx::unzip(&std::fs::read(dir.join("hostile.docx")).unwrap())["word/document.xml"].clone(),
    )
    .unwrap();
    let in_document = xml.matches(&lia::export::escape_xml(sentence)).count();
    assert!(in_document >= long.matches(sentence).count());
    assert_eq!(
        hostile.matches(&squashed).count(),
        in_document,
        "the long answer is cut short"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
