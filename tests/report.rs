//! The report model (`lia::report`), checked natively: a snapshot of the whole record for
//! every realistic assessment and example (regenerate with `UPDATE_SNAPSHOTS=1 cargo test
//! --test report` and read the difference before committing it), the order of the record,
//! the status sentence true for each state, questions not asked left out, unanswered ones
//! named, and no English sentence typed in a renderer.

#[path = "fixtures/approver/mod.rs"]
mod approver;
#[path = "realistic/assessments.rs"]
#[allow(dead_code)]
mod assessments;
#[path = "fixtures/records.rs"]
#[allow(dead_code)]
mod records;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use lia::assessment::examples::EXAMPLES;
use lia::assessment::stale::check_again_sentence;
use lia::assessment::{Answer, AnswerKind, Assessment, Ctx, QuestionId, Section, Status};
use lia::handover::{send, Approver, DecisionForm, Trust};
use lia::report::{Block, Item, Line, Look, Part, Report, Tone};

use records::{approver, review_pair, AT, TODAY};

// ---- snapshots ----------------------------------------------------------------------

/// A line of spans: plain and typed text as it is, every other look marked `{look:text}`.
fn spans(line: &Line) -> String {
    let mut out = String::new();
    for s in line {
        let mark = match s.look {
            Look::Plain | Look::Typed => None,
            Look::Strong => Some("strong"),
            Look::Quiet => Some("quiet"),
            Look::Missing => Some("missing"),
            Look::Removed => Some("removed"),
            Look::Added => Some("added"),
            Look::Code => Some("code"),
            Look::Day(_) => Some("day"),
        };
        match mark {
            Some(m) => {
                let _ = write!(out, "{{{m}:{}}}", s.text);
            }
            None => out.push_str(&s.text),
        }
    }
    out.replace('\n', "⏎")
}

fn items(items: &[Item], indent: &str, out: &mut String) {
    for item in items {
        match item {
            Item::Para(line) => {
                let _ = writeln!(out, "{indent}{}", spans(line));
            }
            Item::Bullet(line) => {
                let _ = writeln!(out, "{indent}• {}", spans(line));
            }
        }
    }
}

fn part(p: &Part, level: usize, out: &mut String) {
    let _ = writeln!(
        out,
        "\n{} {} [{}]",
        "#".repeat(level + 1),
        p.title,
        p.anchor
    );
    if let Some(lede) = p.lede {
        let _ = writeln!(out, "  lede: {lede}");
    }
    for block in &p.blocks {
        match block {
            Block::Para(line) => {
                let _ = writeln!(out, "  {}", spans(line));
            }
            Block::Banner(tone, line) => {
                let _ = writeln!(out, "  banner ({tone:?}): {}", spans(line));
            }
            Block::Facts(facts) => {
                for (name, value) in facts {
                    let _ = writeln!(out, "  - {name}:");
                    items(value, "      ", out);
                }
            }
            Block::Questions(rows) => {
                for row in rows {
                    let _ = writeln!(out, "  Q {} ({})", row.question, row.key);
                    items(&row.answer, "      ", out);
                }
            }
            Block::Table(t) => {
                let _ = writeln!(out, "  table: {}", t.header.join(" | "));
                for row in &t.rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| {
                            let mut text = String::new();
                            items(&c.items, "", &mut text);
                            text.trim_end().replace('\n', " / ")
                        })
                        .collect();
                    let _ = writeln!(out, "    | {}", cells.join(" | "));
                }
            }
            Block::List(lines) => {
                for line in lines {
                    let _ = writeln!(out, "  • {}", spans(line));
                }
            }
            Block::Findings(found) => {
                for f in found {
                    let _ = writeln!(out, "  finding {} ({:?}): {}", f.id, f.severity, f.message);
                    if let Some(extra) = &f.detail {
                        let _ = writeln!(out, "      {extra}");
                    }
                    let _ = writeln!(out, "      {}", f.source);
                }
            }
            Block::Matrix(m) => {
                let _ = writeln!(
                    out,
                    "  matrix: {} | {}",
                    m.severity_title,
                    m.columns.join(" | ")
                );
                for row in &m.rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|c| {
                            let mut text = String::new();
                            items(&c.items, "", &mut text);
                            format!("{:?}: {}", c.shade, text.trim_end().replace('\n', " / "))
                        })
                        .collect();
                    let _ = writeln!(out, "    {} | {}", row.severity, cells.join(" | "));
                }
                for s in &m.sentences {
                    let _ = writeln!(out, "    - {s}");
                }
            }
        }
    }
    for sub in &p.parts {
        part(sub, level + 1, out);
    }
}

/// The whole report as text: what a snapshot holds.
fn outline(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n# {}", r.kicker, r.title);
    let _ = writeln!(out, "status ({:?}): {}", r.status.0, spans(&r.status.1));
    let _ = writeln!(
        out,
        "head: {}\nfoot: {}N{}M{}",
        r.running.head, r.running.page_before, r.running.page_between, r.running.page_after
    );
    let _ = writeln!(out, "file: {} / author: {:?}", r.document_title, r.author);
    for p in &r.parts {
        part(p, 1, &mut out);
    }
    for p in &r.appendices {
        part(p, 1, &mut out);
    }
    let _ = writeln!(out);
    for line in r
        .colophon
        .lines
        .iter()
        .chain([&r.colophon.with_copy, &r.colophon.without_copy])
    {
        let _ = writeln!(out, "colophon: {}", spans(line));
    }
    out
}

fn snapshot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/report")
        .join(format!("{name}.txt"))
}

/// Compares `text` with the stored snapshot `name`; writes it instead when
/// UPDATE_SNAPSHOTS is set. Returns the name when they differ.
fn check_snapshot(name: &str, text: &str) -> Option<String> {
    let path = snapshot_path(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return None;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    if stored == text {
        return None;
    }
    let first = stored
        .lines()
        .zip(text.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(stored.lines().count().min(text.lines().count()));
    Some(format!(
        "{name}: first difference at line {}:\n  stored: {:?}\n  now:    {:?}",
        first + 1,
        stored.lines().nth(first).unwrap_or("(end)"),
        text.lines().nth(first).unwrap_or("(end)")
    ))
}

/// Every record a snapshot is kept of: the realistic assessments, the examples, and the
/// states of the hand-over.
fn records() -> Vec<(String, Assessment, Option<Assessment>)> {
    let mut out: Vec<(String, Assessment, Option<Assessment>)> = Vec::new();
    for case in assessments::CASES {
        out.push((format!("realistic-{}", case.key), (case.build)(), None));
    }
    for e in EXAMPLES {
        out.push((format!("example-{}", e.key), (e.build)(e.key), None));
    }
    for (state, a, _) in states() {
        out.push((format!("state-{state}"), a, None));
    }
    let (v1, v2) = review_pair();
    out.push(("review-with-previous".into(), v2.clone(), Some(v1)));
    out.push(("review-without-previous".into(), v2, None));
    out
}

#[test]
fn a_snapshot_of_every_realistic_record() {
    let records = records();
    assert!(records.len() >= 25, "{}", records.len());
    let differences: Vec<String> = records
        .iter()
        .filter_map(|(name, a, previous)| {
            // Read where Alex Morgan, who approved the records, is a trusted approver;
            // the states' snapshots include one read where no one is.
            let trust = if name == "state-approved-not-trusted" {
                Trust::default()
            } else {
                approver().trusted()
            };
            check_snapshot(
                name,
                &outline(&Report::checked(
                    a,
                    previous.as_ref(),
                    TODAY,
                    AT,
                    &trust,
                    None,
                )),
            )
        })
        .collect();
    assert!(
        differences.is_empty(),
        "the report changed (UPDATE_SNAPSHOTS=1 to accept it, after reading the difference):\n{}",
        differences.join("\n")
    );
}

// ---- the states of a record ---------------------------------------------------------

/// A sound assessment in each state the record can be in, with the approvers trusted
/// where it is read.
fn states() -> Vec<(&'static str, Assessment, Trust)> {
    let sound = assessments::references();
    let day = TODAY.unwrap();
    let trusted = approver().trusted();
    let mut sent = sound.clone();
    send(&mut sent, day).unwrap();
    let mut changed_since_sent = sent.clone();
    changed_since_sent.set_text(QuestionId::PurposeWhy, "Something else entirely.");
    let returned = approver()
        .decide(
            &sent,
            &DecisionForm {
                verdict: Some(lia::assessment::Verdict::Returned),
                comments: vec![(Section::Purpose, "Say who benefits.".into())],
                ..DecisionForm::default()
            },
            day,
        )
        .unwrap();
    let approved = approver().approve(&sent, day);
    let mut changed_after = approved.clone();
    changed_after.set_text(QuestionId::PurposeWhy, "Something else entirely.");
    // A forgery: the decision's note written in after it was signed.
    let mut forged = approved.clone();
    forged.handover[0].decision.as_mut().unwrap().note = "Approved without conditions.".into();
    // The author approving their own work, where the organisation allows it.
    let mut own = sent.clone();
    own.set_text(QuestionId::SignOffCompletedName, "Alex Morgan");
    let mut own_sent = sound.clone();
    own_sent.set_text(QuestionId::SignOffCompletedName, "Alex Morgan");
    send(&mut own_sent, day).unwrap();
    let me = approver();
    let unsigned = lia::handover::decide(
        &own_sent,
        &DecisionForm {
            verdict: Some(lia::assessment::Verdict::Approved),
            ..DecisionForm::default()
        },
        &Approver {
            signer: Some(&me.signer),
            author_here: true,
            self_approval: true,
            findings: &[],
        },
        day,
    )
    .unwrap();
    own = lia::handover::attach(unsigned.clone(), &me.sign(&unsigned.message)).unwrap();
    let mut marked = sound.clone();
    marked.status = Status::Approved;
    vec![
        ("draft", sound, trusted.clone()),
        ("sent", sent, trusted.clone()),
        ("changed-since-sent", changed_since_sent, trusted.clone()),
        ("returned", returned, trusted.clone()),
        ("approved", approved.clone(), trusted.clone()),
        ("approved-not-trusted", approved, Trust::default()),
        ("approved-forged", forged, trusted.clone()),
        ("approved-by-author", own, trusted.clone()),
        ("changed-after-approval", changed_after, trusted.clone()),
        ("marked-approved", marked, trusted),
    ]
}

fn all_text(r: &Report) -> String {
    outline(r)
}

#[test]
fn the_status_sentence_and_the_control_table_are_true_for_each_state() {
    for (state, a, trust) in states() {
        let r = Report::checked(&a, None, TODAY, AT, &trust, None);
        let status = spans(&r.status.1);
        let control = all_text(&Report {
            parts: r.parts[..1].to_vec(),
            appendices: vec![],
            ..r.clone()
        });
        let approval = all_text(&Report {
            parts: r
                .parts
                .iter()
                .filter(|p| p.anchor == "approval")
                .cloned()
                .collect(),
            appendices: vec![],
            ..r.clone()
        });
        let alex = "Alex Morgan (Data Protection Officer, Acme Housing)";
        let (tone, says, approved_by) = match state {
            "draft" => (Tone::Notice, "Draft: this assessment has not been approved.", "Not approved"),
            "sent" => (Tone::Notice, "Sent for approval on 22 November 2026, and waiting for the decision", "Not approved"),
            "changed-since-sent" => (Tone::Warning, "changed since it was sent for approval on 22 November 2026", "Not approved"),
            "returned" => (Tone::Notice, "Returned with comments by Alex Morgan (Data Protection Officer, Acme Housing)", "Not approved"),
            "approved" => (Tone::Good, "Approved by Alex Morgan (Data Protection Officer, Acme Housing) on 22 November 2026, signed by a trusted approver. This is the record as approved.", "Alex Morgan (Data Protection Officer, Acme Housing), on 22 November 2026"),
            "approved-not-trusted" => (Tone::Warning, "Marked approved by Alex Morgan (Data Protection Officer, Acme Housing) on 22 November 2026, signed by a key not on the trusted list", "Not verified (Approval signed by a key not on the trusted list)"),
            "approved-forged" => (Tone::Warning, "but the signature does not match: the decision, the approver's name", "Not verified (Approval signature does not match)"),
            "approved-by-author" => (Tone::Good, "Approved by its author, Alex Morgan (Data Protection Officer, Acme Housing), on 22 November 2026, as the organisation's settings allow", "its author, on 22 November 2026"),
            "changed-after-approval" => (Tone::Warning, "Changed after approval: this is not what Alex Morgan", "Not this version"),
            "marked-approved" => (Tone::Warning, "Marked approved", "as its sign-off records it"),
            other => panic!("{other}"),
        };
        // The status names the state; the control table's status and the running head
        // say the same.
        assert!(
            control.contains(r.running.head.split(" · ").nth(1).unwrap()),
            "{state}: {}",
            r.running.head
        );
        // Whether the approval verifies is said in the control table and the approval
        // part, never only "Approved".
        if state.starts_with("approved") {
            let verdict = match state {
                "approved" | "approved-by-author" => "Signed by a trusted approver",
                "approved-not-trusted" => "Signed by a key not on the trusted list",
                _ => "Signature does not match",
            };
            assert!(approval.contains(verdict), "{state}: {approval}");
            let by = if state == "approved-by-author" {
                format!("Approved by its author, {alex}")
            } else {
                format!("Approved by {alex}")
            };
            assert!(approval.contains(&by), "{state}: {approval}");
        }
        assert_eq!(r.status.0, tone, "{state}");
        assert!(status.contains(says), "{state}: {status}");
        assert!(control.contains(approved_by), "{state}: {control}");
        // Only an approval that holds is called approved without a qualifier.
        assert_eq!(
            status.starts_with("Approved"),
            r.status.0 == Tone::Good,
            "{state}: {status}"
        );
        assert_eq!(
            status.starts_with("Approved"),
            matches!(state, "approved" | "approved-by-author"),
            "{state}: {status}"
        );
        // Sign-off readiness is said of a draft, never of an approved record.
        let summary = all_text(&Report {
            parts: r.parts[1..2].to_vec(),
            appendices: vec![],
            ..r.clone()
        });
        let settled = state.starts_with("approved")
            || matches!(state, "marked-approved" | "changed-after-approval");
        assert_eq!(
            summary.to_lowercase().contains("ready for sign-off"),
            !settled,
            "{state}: {summary}"
        );
        assert!(
            r.running.head.contains(&format!("version {}", a.version)),
            "{state}"
        );
    }
}

#[test]
fn the_record_runs_control_summary_the_ico_parts_then_the_appendices() {
    let a = assessments::references();
    let r = Report::of(&a, None, TODAY, AT);
    let top: Vec<&str> = r.parts.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(
        top,
        [
            "control",
            "summary",
            "about",
            "triage",
            "purpose",
            "necessity",
            "balancing",
            "dpia",
            "decision",
            "sign-off",
            "privacy-information",
            "approval"
        ]
    );
    let appendices: Vec<&str> = r.appendices.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(appendices, ["findings"]);
    let (v1, v2) = review_pair();
    let r = Report::of(&v2, Some(&v1), TODAY, AT);
    let appendices: Vec<&str> = r.appendices.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(appendices[0], "Appendix A: Findings");
    assert!(appendices[1].starts_with("Appendix B: Changes since version 1, approved on"));
    // The risk matrix is a part of its own, so the renderers can keep it on one page.
    let with_impacts = assessments::bike_shop_email();
    assert!(!with_impacts.impacts.is_empty());
    let r = Report::of(&with_impacts, None, TODAY, AT);
    assert!(r.outline().iter().any(
        |(_, p)| p.anchor == "risk-matrix" && matches!(p.blocks.as_slice(), [Block::Matrix(_)])
    ));
}

/// Every answer of the question in `part` (the first part with that anchor).
fn answered<'a>(r: &'a Report, key: &str) -> Option<&'a [Item]> {
    r.outline().into_iter().find_map(|(_, p)| {
        p.blocks.iter().find_map(|b| match b {
            Block::Questions(rows) => rows
                .iter()
                .find(|row| row.key == key)
                .map(|row| row.answer.as_slice()),
            _ => None,
        })
    })
}

#[test]
fn every_answer_given_is_shown_and_every_question_not_answered_is_named_once() {
    let (mut checked, mut marked, mut suggested) = (0, 0, 0);
    let mut cases: Vec<Assessment> = assessments::CASES.iter().map(|c| (c.build)()).collect();
    cases.extend(EXAMPLES.iter().map(|e| (e.build)(e.key)));
    for a in cases {
        let r = Report::of(&a, None, TODAY, AT);
        let ctx = Ctx::new(&a, TODAY);
        let text = all_text(&r);
        for q in QuestionId::ALL.iter().map(|q| q.question()) {
            if matches!(q.kind, AnswerKind::Impacts) {
                continue;
            }
            let given = match ctx.answer(q.id) {
                Some(Answer::Text(t)) => !t.trim().is_empty(),
                Some(Answer::Choice(c)) => !c.is_empty(),
                Some(Answer::Choices(c)) => !c.is_empty(),
                Some(Answer::YesNo(_)) => true,
                None => false,
            };
            let row = answered(&r, q.key);
            match (ctx.is_visible(q.id), given) {
                (true, true) => {
                    let mut row = row.unwrap_or_else(|| panic!("{}: {} has no row", a.id, q.key));
                    // An answer resting on one changed since ends with "Check again".
                    let changed = ctx.marked(q.id);
                    if !changed.is_empty() {
                        let (last, rest) = row.split_last().unwrap();
                        let Item::Para(l) = last else {
                            panic!("{}: {} check again is not a line", a.id, q.key)
                        };
                        assert_eq!(
                            spans(l),
                            format!("{{missing:{}}}", check_again_sentence(&changed))
                        );
                        row = rest;
                        marked += 1;
                    }
                    let shown: String = row
                        .iter()
                        .map(|i| match i {
                            Item::Para(l) | Item::Bullet(l) => spans(l),
                        })
                        .collect();
                    match ctx.answer(q.id).unwrap() {
                        Answer::YesNo(y) => assert_eq!(shown, y.label()),
                        Answer::Choice(k) => assert_eq!(shown, q.choice(k).unwrap().label),
                        Answer::Choices(ks) => {
                            let labels: String =
                                ks.iter().map(|k| q.choice(k).unwrap().label).collect();
                            assert_eq!(shown, labels);
                        }
                        Answer::Text(t) => match ctx.date(q.id) {
                            Some(d) if matches!(q.kind, AnswerKind::Date) => {
                                assert_eq!(shown, format!("{{day:{}}}", d.long()))
                            }
                            _ => assert!(shown.starts_with(&t.trim().replace('\n', "⏎"))),
                        },
                    }
                    checked += 1;
                }
                (true, false) => {
                    assert!(row.is_none(), "{}: {} unanswered has a row", a.id, q.key);
                    // Named on the part's line of questions not answered, never "Not provided".
                    let named = text
                        .lines()
                        .filter(|l| l.contains("Not answered") && l.contains(q.short))
                        .count();
                    assert!(named >= 1, "{}: {} not named as unanswered", a.id, q.key);
                    // A suggestion is printed as the page words it, never as the answer.
                    if let Some(suggestion) = ctx.suggestion(q.id) {
                        let line = format!("{}: ", q.short);
                        assert!(
                            text.lines()
                                .any(|l| l.contains(&line) && l.contains(&suggestion.sentence())),
                            "{}: {} suggestion not printed",
                            a.id,
                            q.key
                        );
                        suggested += 1;
                    }
                }
                (false, _) => {
                    assert!(row.is_none(), "{}: {} is not asked but shown", a.id, q.key)
                }
            }
        }
        assert!(
            !text.contains("Q ") || !text.contains("Not provided\n"),
            "{}",
            a.id
        );
    }
    assert!(checked > 500, "{checked}");
    assert!(marked > 0 && suggested > 0, "{marked} {suggested}");
}

#[test]
fn questions_not_asked_on_this_route_are_left_out_with_one_line_saying_why() {
    // The recognised route: no balancing test is needed, and the record says so once.
    let case = assessments::CASES
        .iter()
        .map(|c| (c.build)())
        .find(|a| Ctx::new(a, TODAY).recognised_route())
        .expect("a realistic case on the recognised route");
    let r = Report::of(&case, None, TODAY, AT);
    let summary = all_text(&Report {
        parts: r.parts[1..2].to_vec(),
        appendices: vec![],
        ..r.clone()
    });
    let line = summary
        .lines()
        .find(|l| l.contains("Article 6(1)(ea)"))
        .unwrap_or_else(|| panic!("{summary}"));
    let ctx = Ctx::new(&case, TODAY);
    let skipped: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| ctx.not_applicable(*s).is_some())
        .collect();
    assert_eq!(skipped, [Section::Expectations, Section::Impact]);
    for s in &skipped {
        assert!(line.contains(s.title()), "{line}");
        assert!(answered(&r, s.questions().next().unwrap().key).is_none());
    }
    let balancing = r.parts.iter().find(|p| p.anchor == "balancing").unwrap();
    for sub in balancing
        .parts
        .iter()
        .filter(|p| skipped.iter().any(|s| s.key() == p.anchor))
    {
        assert!(
            matches!(sub.blocks.as_slice(), [Block::Banner(Tone::Notice, _)]),
            "{}: {:?}",
            sub.title,
            sub.blocks
        );
    }
}

#[test]
fn the_running_head_and_foot_name_the_record() {
    let a = assessments::references();
    let r = Report::of(&a, None, TODAY, AT);
    assert_eq!(r.running.head, format!("{} · Draft · version 1", a.title()));
    let digest = lia::assessment::assessment_digest(&a);
    assert_eq!(r.running.page_after, format!(" · digest {}", &digest[..8]));
    let control = outline(&Report {
        parts: r.parts[..1].to_vec(),
        appendices: vec![],
        ..r.clone()
    });
    assert!(control.contains(&format!("{{code:{digest}}}")), "{control}");
    let mut unanswered = Assessment::new("x");
    unanswered.set_text(QuestionId::AboutTitle, "Untitled");
    let r = Report::of(&unanswered, None, TODAY, AT);
    assert_eq!(r.author, None);
}

// ---- no English sentence in a renderer ------------------------------------------------

/// The string literals of some Rust code outside its test module, as written.
fn literals(code: &str) -> Vec<String> {
    let code = match code.find("#[cfg(test)]") {
        Some(i) => &code[..i],
        None => code,
    };
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Comments are not literals.
        if bytes[i..].starts_with(b"//") {
            i += code[i..].find('\n').unwrap_or(code.len() - i);
            continue;
        }
        // Raw strings: r"…", r#"…"#, r##"…"##.
        if bytes[i] == b'r'
            && (bytes.get(i + 1) == Some(&b'"') || bytes.get(i + 1) == Some(&b'#'))
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        {
            let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
            if bytes.get(i + 1 + hashes) == Some(&b'"') {
                let start = i + 2 + hashes;
                let end_mark = format!("\"{}", "#".repeat(hashes));
                let end = start + code[start..].find(&end_mark).unwrap();
                out.push(code[start..end].to_string());
                i = end + end_mark.len();
                continue;
            }
        }
        if bytes[i] == b'\'' {
            // A character literal ('"' must not open a string); a lifetime is skipped.
            if bytes.get(i + 2) == Some(&b'\'') {
                i += 3;
                continue;
            }
            if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') {
                i += 4;
                continue;
            }
        }
        if bytes[i] == b'"' {
            let mut j = i + 1;
            let mut text = String::new();
            while j < bytes.len() && bytes[j] != b'"' {
                if bytes[j] == b'\\' {
                    // An escaped line end continues the string; others stand for a character.
                    if bytes.get(j + 1) == Some(&b'\n') {
                        j += 2;
                        while bytes.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
                            j += 1;
                        }
                        text.push(' ');
                        continue;
                    }
                    text.push('\\');
                    text.push(bytes[j + 1] as char);
                    j += 2;
                    continue;
                }
                let c = code[j..].chars().next().unwrap();
                text.push(c);
                j += c.len_utf8();
            }
            out.push(text);
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// A literal that reads as English words: two words of letters in a row outside any
/// markup tag (a tag and its attributes are the format's own).
fn reads_as_english(literal: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => {
                depth -= 1;
                outside.push(' ');
            }
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = outside.split(' ').collect();
    words.windows(2).any(|pair| {
        pair.iter()
            .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_alphabetic()))
    })
}

fn renderer_files() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for dir in [
        "src/export/html",
        "src/export/word",
        "src/export/odt",
        "src/export/package",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out
}

#[test]
fn no_english_sentence_of_the_record_is_typed_in_a_renderer() {
    let files = renderer_files();
    assert!(files.len() >= 10, "{}", files.len());
    let mut found = Vec::new();
    let mut literals_seen = 0;
    for (path, text) in &files {
        for literal in literals(text) {
            literals_seen += 1;
            if reads_as_english(&literal) {
                found.push(format!("{}: {literal:?}", path.display()));
            }
        }
    }
    assert!(literals_seen > 150, "{literals_seen} literals read");
    assert!(
        found.is_empty(),
        "sentences typed in a renderer (word them in src/report/ instead):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_for_sentences_would_see_one() {
    // The check above is only worth its name if it fires on what it forbids.
    let code = r####"
        let a = "Not provided";
        let b = "<p class=\"banner\">Draft: this assessment</p>";
        let c = r#"<w:t>Page of pages</w:t>"#;
        let d = "Approved \
                 by the DPO";
        // let e = "a comment is not a literal";
        let f = '"';
        let g = "<w:pStyle w:val=\"List Bullet\"/>";
        let h = "lia {}";
        let i = "heading 1";
        #[cfg(test)]
        mod tests { const T: &str = "test words are fine"; }
    "####;
    let found: Vec<String> = literals(code)
        .into_iter()
        .filter(|l| reads_as_english(l))
        .collect();
    assert_eq!(
        found,
        [
            "Not provided",
            "<p class=\\\"banner\\\">Draft: this assessment</p>",
            "<w:t>Page of pages</w:t>",
            "Approved  by the DPO",
        ]
    );
}

/// Issue 26: the record names the rules that checked it, and an approved record that rules
/// added since its approval now find more in says so before its findings; one approved
/// under today's rules says nothing of the kind.
#[test]
fn the_rules_that_checked_a_record_are_named_and_new_findings_since_approval_said() {
    let mut a = (EXAMPLES
        .iter()
        .find(|e| e.key == "emergency-contacts")
        .unwrap()
        .build)("old");
    lia::assessment::lifecycle::approve(&mut a, TODAY.unwrap()).unwrap();
    let now = Report::of(&a, None, TODAY, AT);
    let text = all_text(&now);
    assert!(text.contains("Checked with version "), "{text}");
    assert!(!text.contains("Checked with an earlier version of the rules"));
    // As approved before records kept the version, with no retention period recorded.
    a.rules_version = None;
    a.answers.clear(QuestionId::AboutRetention);
    let old = Report::of(&a, None, TODAY, AT);
    let text = all_text(&old);
    assert!(
        text.contains("Approved under version 1 of the tool's rules; checked now with version "),
        "{text}"
    );
    let appendix = old
        .appendices
        .iter()
        .find(|p| p.anchor == "findings")
        .unwrap();
    assert!(
        matches!(&appendix.blocks[0], Block::Banner(Tone::Notice, l) if spans(l).contains("Checked with an earlier version of the rules (version 1")),
        "{:?}",
        appendix.blocks.first()
    );
}
