//! word/document.xml: the same content as the HTML report, laid out like the ICO's LIA
//! template, with Word's own headings, tables whose header rows repeat on each page,
//! and bullet lists, so organisations can edit it in the usual way.

use crate::assessment::matrix::describe;
use crate::assessment::outcome::SectionStatus;
use crate::assessment::privacy_notice::{gap_text, privacy_wording, Route, DRAFT_NOTE};
use crate::assessment::screening::Screening;
use crate::assessment::{
    Answer, AnswerKind, Assessment, Ctx, Date, HarmSeverity, Likelihood, Outcome, Question,
    QuestionId, Risk, Section, Severity, Status,
};
use crate::assessment::{Decision, Verdict};
use crate::handover::{self, Stage};

use super::super::template::*;
use super::doc::{looked, text, Block, Cell, Doc, Look};
use crate::assessment::assessment_digest;

/// The body of word/document.xml.
pub fn document(
    a: &Assessment,
    previous: Option<&Assessment>,
    ctx: &Ctx,
    result: &Outcome,
    exported_at: &str,
) -> String {
    let mut doc = Doc {
        xml: String::with_capacity(64 * 1024),
    };
    doc.xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
    ));
    let stage = handover::stage(a);
    cover(&mut doc, a, ctx, exported_at, &stage);
    summary(&mut doc, result);
    let comments = stage.comments();
    for p in [&ABOUT, &TRIAGE, &PURPOSE, &NECESSITY] {
        part(&mut doc, ctx, p, comments);
    }
    balancing(&mut doc, ctx, comments);
    dpia(&mut doc, ctx, result, comments);
    findings(&mut doc, result);
    part(&mut doc, ctx, &DECISION, comments);
    sign_off(&mut doc, ctx, comments);
    privacy(&mut doc, a);
    approval(&mut doc, a, &stage);
    super::changes::appendix(&mut doc, a, previous, ctx.today);
    doc.quiet(
        "This document was made by the legitimate interests assessment tool. The digest \
         above lets anyone check, with the tool, that the assessment has not been changed \
         since it was exported: to open the assessment in the tool, use the JSON file or the \
         HTML report, which hold it in machine-readable form.",
    );
    doc.xml.push_str(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" \
         w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>",
    );
    doc.xml
}

fn cover(doc: &mut Doc, a: &Assessment, ctx: &Ctx, exported_at: &str, stage: &Stage) {
    doc.paragraph(Some("Title"), &[(a.title(), Look::Plain)]);
    doc.paragraph(
        Some("Subtitle"),
        &[(
            "Legitimate interests assessment (UK GDPR Article 6(1)(f))",
            Look::Plain,
        )],
    );
    match a.status {
        Status::Approved => doc.bold("Approved. This is the record as signed off."),
        Status::Draft => doc.bold("Draft: this assessment has not been approved."),
    }
    if stage.approval_broken() {
        doc.paragraph(None, &[(&handover::describe(stage), Look::Missing)]);
    }
    let mut facts: Vec<(&str, Block)> = vec![
        (
            "Organisation",
            text_or_missing(ctx, QuestionId::AboutOrganisation),
        ),
        ("Status", text(status_label(a.status))),
        ("Version", text(a.version.to_string())),
        ("Assessment reference", text(a.id.clone())),
    ];
    if let Some(of) = &a.review_of {
        facts.push(("Review of", text(of.clone())));
    }
    facts.push(("Exported", text(readable_timestamp(exported_at))));
    facts.push((
        "Made with",
        text(format!(
            "lia {} (export format version {})",
            env!("CARGO_PKG_VERSION"),
            crate::assessment::schema::SCHEMA_VERSION
        )),
    ));
    facts.push((
        "Digest of the assessment (SHA-256)",
        text(assessment_digest(a)),
    ));
    if *stage != Stage::NotSent {
        facts.push(("Approval", text(handover::describe(stage))));
    }
    let hidden = a
        .answers
        .iter()
        .filter(|(q, _)| !ctx.is_visible(*q))
        .count();
    if let Some(sentence) = hidden_answers(hidden) {
        facts.push(("Answers not shown", text(sentence)));
    }
    let rows = facts
        .into_iter()
        .map(|(name, value)| vec![looked(name, Look::Bold).into(), value.into()])
        .collect();
    doc.table(&["Detail", "Value"], &[35, 65], rows);
}

fn text_or_missing(ctx: &Ctx, q: QuestionId) -> Block {
    match ctx.text(q).trim() {
        "" => looked(NOT_PROVIDED, Look::Missing),
        t => text(t),
    }
}

fn summary(doc: &mut Doc, result: &Outcome) {
    doc.heading(1, "Summary");
    doc.paragraph(
        None,
        &[
            ("Overall reading: ", Look::Bold),
            (result.reading.label(), Look::Plain),
        ],
    );
    let c = result.counts;
    let counts = format!(
        "{} blocker{}, {} warning{}, {} advice.",
        c.blockers,
        plural(c.blockers),
        c.warnings,
        plural(c.warnings),
        c.advice
    );
    doc.paragraph(None, &[("Findings: ", Look::Bold), (&counts, Look::Plain)]);
    doc.paragraph(
        None,
        &[
            ("DPIA: ", Look::Bold),
            (dpia_label(result.dpia), Look::Plain),
        ],
    );
    if result.ready_for_sign_off {
        doc.paragraph(
            None,
            &[
                ("Sign-off: ", Look::Bold),
                ("ready for sign-off.", Look::Plain),
            ],
        );
    } else {
        doc.paragraph(
            None,
            &[
                ("Sign-off: ", Look::Bold),
                ("not ready for sign-off, because:", Look::Plain),
            ],
        );
        for refusal in &result.sign_off_refusals {
            doc.bullet(refusal);
        }
    }
    let rows = result
        .sections
        .iter()
        .map(|s| {
            let status = match s.status {
                SectionStatus::NotApplicable(reason) => reason.to_string(),
                other => other.label().to_string(),
            };
            vec![text(s.section.title()).into(), text(status).into()]
        })
        .collect();
    doc.table(&["Section", "Status"], &[60, 40], rows);
}

/// The approver's comment on `section`, where the assessment was returned with one.
fn comment(doc: &mut Doc, comments: Option<&Decision>, section: Section) {
    if let Some((decision, t)) = comments.and_then(|d| Some((d, d.comment(section)?))) {
        let from = format!(
            "Comment from {}, {}: ",
            decision.who(),
            decision.date_long()
        );
        doc.paragraph(None, &[(&from, Look::Bold), (t, Look::Plain)]);
    }
}

fn part(doc: &mut Doc, ctx: &Ctx, p: &Part, comments: Option<&Decision>) {
    doc.heading(1, p.title);
    doc.quiet(p.lede);
    comment(doc, comments, p.section);
    questions(doc, ctx, p.section, |_| true);
}

/// The section's visible questions (those `keep` accepts) as a question-and-answer table.
fn questions(doc: &mut Doc, ctx: &Ctx, section: Section, keep: impl Fn(QuestionId) -> bool) {
    if let Some(reason) = ctx.not_applicable(section) {
        doc.bold(reason);
        return;
    }
    let rows: Vec<Vec<Cell>> = section
        .questions()
        .filter(|q| ctx.is_visible(q.id) && keep(q.id) && !matches!(q.kind, AnswerKind::Impacts))
        .map(|q| vec![text(q.text).into(), answer(ctx, q).into()])
        .collect();
    if !rows.is_empty() {
        doc.table(&["Question", "Answer"], &[45, 55], rows);
    }
}

/// An answer as the report shows it: labels, long dates, or "Not provided".
fn answer(ctx: &Ctx, q: &Question) -> Vec<Block> {
    match ctx.answer(q.id) {
        Some(Answer::Text(t)) if !t.trim().is_empty() => {
            let t = t.trim();
            match (q.kind, ctx.date(q.id)) {
                (AnswerKind::Date, Some(date)) => vec![text(date.long())],
                (AnswerKind::Date, None) => vec![Block::Text(vec![
                    (t.to_string(), Look::Plain),
                    (" (not a valid date)".into(), Look::Quiet),
                ])],
                _ => vec![text(t)],
            }
        }
        Some(Answer::YesNo(y)) => vec![text(y.label())],
        Some(Answer::Choice(key)) if !key.is_empty() => vec![text(label(q, key))],
        Some(Answer::Choices(keys)) if !keys.is_empty() => keys
            .iter()
            .map(|k| Block::Bullet(label(q, k).to_string()))
            .collect(),
        _ => {
            let look = if q.required {
                Look::Missing
            } else {
                Look::Quiet
            };
            let mut blocks = vec![looked(NOT_PROVIDED, look)];
            if let Some(s) = ctx.suggestion(q.id) {
                blocks.push(looked(
                    format!(
                        "Suggested by earlier answers: {}. {}",
                        s.answer.label(),
                        s.reason
                    ),
                    Look::Quiet,
                ));
            }
            blocks
        }
    }
}

fn label<'a>(q: &Question, key: &'a str) -> &'a str {
    q.choice(key).map_or(key, |c| c.label)
}

fn balancing(doc: &mut Doc, ctx: &Ctx, comments: Option<&Decision>) {
    doc.heading(1, BALANCING_TITLE);
    doc.quiet(BALANCING_LEDE);
    for (section, title) in BALANCING {
        doc.heading(2, title);
        comment(doc, comments, section);
        questions(doc, ctx, section, |_| true);
    }
    if ctx.applies(Section::Impact) {
        impacts(doc, ctx);
    }
}

fn impacts(doc: &mut Doc, ctx: &Ctx) {
    doc.heading(3, IMPACTS_TITLE);
    doc.para(QuestionId::ImpactList.question().text);
    let impacts = &ctx.assessment.impacts;
    if impacts.is_empty() {
        doc.paragraph(
            None,
            &[
                (NOT_PROVIDED, Look::Missing),
                (": no impacts are recorded.", Look::Plain),
            ],
        );
        return;
    }
    let describe_text = |t: &str| match t.trim() {
        "" => looked(NOT_PROVIDED, Look::Missing),
        t => text(t),
    };
    let rows = impacts
        .iter()
        .enumerate()
        .map(|(i, impact)| {
            vec![
                text((i + 1).to_string()).into(),
                describe_text(&impact.description).into(),
                text(rating(impact.likelihood, impact.severity)).into(),
                describe_text(&impact.safeguards).into(),
                text(rating(
                    impact.residual_likelihood.or(impact.likelihood),
                    impact.residual_severity.or(impact.severity),
                ))
                .into(),
            ]
        })
        .collect();
    doc.table(
        &[
            "No.",
            "Impact",
            "Before safeguards",
            "Safeguards",
            "After safeguards",
        ],
        &[7, 28, 20, 25, 20],
        rows,
    );
    matrix(doc, impacts);
}

/// The risk matrix as a table: severity down, likelihood across, each cell coloured by
/// its risk and listing the impacts in it before and after safeguards.
fn matrix(doc: &mut Doc, impacts: &[crate::assessment::Impact]) {
    doc.heading(3, "Risk matrix");
    doc.quiet(
        "Likelihood against severity of each impact, before and after safeguards, on the \
         scale of the ICO's DPIA template. Each impact is shown by its number.",
    );
    let mut rows = Vec::new();
    for severity in HarmSeverity::ALL.into_iter().rev() {
        let mut row: Vec<Cell> = vec![looked(severity.label(), Look::Bold).into()];
        for likelihood in Likelihood::ALL {
            let risk = Risk::of(likelihood, severity);
            let numbers = |before: bool| -> Vec<String> {
                impacts
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        let (l, s) = if before {
                            (i.likelihood, i.severity)
                        } else {
                            (
                                i.residual_likelihood.or(i.likelihood),
                                i.residual_severity.or(i.severity),
                            )
                        };
                        l == Some(likelihood) && s == Some(severity)
                    })
                    .map(|(n, _)| (n + 1).to_string())
                    .collect()
            };
            let mut blocks = vec![looked(format!("{} risk", risk.label()), Look::Bold)];
            for (before, name) in [(true, "Before"), (false, "After")] {
                let list = numbers(before);
                if !list.is_empty() {
                    blocks.push(text(format!("{name}: {}", list.join(", "))));
                }
            }
            row.push(Cell {
                blocks,
                fill: Some(match risk {
                    Risk::Low => "CCE2D8",
                    Risk::Medium => "FFF2B3",
                    Risk::High => "F4CDC6",
                }),
            });
        }
        rows.push(row);
    }
    let mut header = vec!["Severity of harm"];
    header.extend(Likelihood::ALL.map(Likelihood::label));
    doc.table(&header, &[22, 26, 26, 26], rows);
    for sentence in describe(impacts) {
        doc.bullet(&sentence);
    }
}

fn dpia(doc: &mut Doc, ctx: &Ctx, result: &Outcome, comments: Option<&Decision>) {
    doc.heading(1, DPIA_TITLE);
    doc.quiet(DPIA_LEDE);
    comment(doc, comments, Section::Dpia);
    questions(doc, ctx, Section::Dpia, |_| true);
    doc.heading(2, "Result");
    doc.bold(&format!("A DPIA is {}", dpia_label(result.dpia)));
    let screening = Screening::of(ctx);
    if !screening.triggers.is_empty() {
        doc.para("The screening answers that make a DPIA necessary:");
        for q in &screening.triggers {
            doc.bullet(q.question().short);
        }
    }
    if screening.high_risk_impacts > 0 {
        doc.para(&format!(
            "{} impact{} still high risk after safeguards, which also makes a DPIA necessary.",
            screening.high_risk_impacts,
            if screening.high_risk_impacts == 1 {
                " is"
            } else {
                "s are"
            }
        ));
    }
}

fn findings(doc: &mut Doc, result: &Outcome) {
    doc.heading(1, FINDINGS_TITLE);
    doc.quiet(FINDINGS_LEDE);
    if result.findings.is_empty() {
        doc.para("No findings.");
    }
    for severity in Severity::ALL {
        let found: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if found.is_empty() {
            continue;
        }
        let group = match severity {
            Severity::Blocker => "Blockers",
            Severity::Warning => "Warnings",
            Severity::Advice => "Advice",
        };
        doc.heading(2, &format!("{group} ({})", found.len()));
        for f in found {
            doc.bold(f.message);
            if let Some(detail) = &f.detail {
                doc.para(detail);
            }
            if !f.questions.is_empty() {
                let names: Vec<&str> = f.questions.iter().map(|q| q.question().short).collect();
                doc.para(&format!("About: {}", names.join("; ")));
            }
            doc.quiet(&format!(
                "Source: {} ({}). Rule {}.",
                f.source.citation, f.source.url, f.id
            ));
        }
    }
}

fn sign_off(doc: &mut Doc, ctx: &Ctx, comments: Option<&Decision>) {
    doc.heading(1, SIGN_OFF_TITLE);
    doc.quiet(SIGN_OFF_LEDE);
    comment(doc, comments, Section::SignOff);
    questions(doc, ctx, Section::SignOff, |q| {
        q != QuestionId::SignOffReviewDate
    });
    doc.heading(1, "Review");
    let review = QuestionId::SignOffReviewDate.question();
    if ctx.is_visible(review.id) {
        doc.table(
            &["Question", "Answer"],
            &[45, 55],
            vec![vec![text(review.text).into(), answer(ctx, review).into()]],
        );
    }
    doc.heading(2, "Review log");
    let log = &ctx.assessment.review_log;
    if log.is_empty() {
        doc.para("No reviews are recorded.");
        return;
    }
    let rows = log
        .iter()
        .map(|entry| {
            let date = Date::parse(&entry.date).map_or_else(|| entry.date.clone(), |d| d.long());
            vec![text(date).into(), text(entry.note.clone()).into()]
        })
        .collect();
    doc.table(&["Date", "What was reviewed or changed"], &[25, 75], rows);
}

fn privacy(doc: &mut Doc, a: &Assessment) {
    let wording = privacy_wording(a);
    doc.heading(1, PRIVACY_TITLE);
    doc.quiet(PRIVACY_LEDE);
    doc.bold(DRAFT_NOTE);
    if let Route::NotApplicable(reason) = wording.route {
        doc.para(reason);
        return;
    }
    for paragraph in &wording.paragraphs {
        let pieces: Vec<(String, Look)> = paragraph
            .iter()
            .map(|part| match part {
                crate::assessment::privacy_notice::Part::Text(t) => (t.clone(), Look::Plain),
                crate::assessment::privacy_notice::Part::Gap(m) => (gap_text(m), Look::Missing),
            })
            .collect();
        let pieces: Vec<(&str, Look)> = pieces.iter().map(|(t, l)| (t.as_str(), *l)).collect();
        doc.paragraph(None, &pieces);
    }
    let missing = wording.missing();
    if !missing.is_empty() {
        doc.heading(2, "What is missing");
        for m in missing {
            match m.question {
                Some(q) => doc.bullet(&format!("{}: answer “{}”.", m.what, q.question().text)),
                None => doc.bullet(&format!("{}: the assessment does not ask for it.", m.what)),
            }
        }
    }
    if !wording.checks.is_empty() {
        doc.heading(2, "Check before you use it");
        for c in &wording.checks {
            doc.bullet(c);
        }
    }
}

fn approval(doc: &mut Doc, a: &Assessment, stage: &Stage) {
    doc.heading(1, HANDOVER_TITLE);
    doc.quiet(HANDOVER_LEDE);
    let look = if stage.approval_broken() {
        Look::Missing
    } else {
        Look::Bold
    };
    doc.paragraph(None, &[(&handover::describe(stage), look)]);
    if a.handover.is_empty() {
        return;
    }
    let rows = a
        .handover
        .iter()
        .map(|round| {
            let sent = Date::parse(&round.sent).map_or_else(|| round.sent.clone(), |d| d.long());
            let decision = match &round.decision {
                None => "Not decided".to_string(),
                Some(d) => format!(
                    "{} by {} on {}",
                    match d.verdict {
                        Verdict::Approved => "Approved",
                        Verdict::Returned => "Returned with comments",
                    },
                    d.who(),
                    d.date_long()
                ),
            };
            let mut notes = Vec::new();
            if let Some(d) = &round.decision {
                if !d.note.is_empty() {
                    notes.push(text(d.note.clone()));
                }
                for c in &d.comments {
                    notes.push(Block::Text(vec![
                        (format!("{}: ", c.section.title()), Look::Bold),
                        (c.text.clone(), Look::Plain),
                    ]));
                }
            }
            notes.push(looked(
                format!("Content digest: {}", round.content),
                Look::Quiet,
            ));
            vec![text(sent).into(), text(decision).into(), notes.into()]
        })
        .collect();
    doc.table(&["Sent", "Decision", "Comments"], &[20, 30, 50], rows);
}
