//! `Report::of`: the record in the order a DPO files it. The document-control table and a
//! summary first; then the ICO's template part by part (about the processing, whether
//! legitimate interests is available, the purpose, necessity and balancing tests, the DPIA
//! screening, the decision, the sign-off and review); the privacy information and the
//! approval; then the appendices: the findings, and a review's changes.

use crate::assessment::catalogue::since_checked;
use crate::assessment::{Assessment, Ctx, Date, QuestionId, Section};
use crate::handover::{self, Trust};

use super::answers::{organisation, questions};
use super::approval::{comment, history};
use super::control::{self, State};
use super::words::{
    long_date, Template, ABOUT, BALANCING, BALANCING_LEDE, BALANCING_TITLE, DECISION,
    DOCUMENT_TITLE, DPIA, DPIA_RESULT, DPIA_TRIGGERS, KICKER, NECESSITY, NO_REVIEWS, PURPOSE,
    REVIEW_LOG_COLUMNS, REVIEW_LOG_TITLE, REVIEW_TITLE, SIGN_OFF, TRIAGE,
};
use super::{
    changes, findings, impacts, plain, privacy, span, Block, Cell, Colophon, Look, Part, Report,
    Table, Tone,
};
use crate::assessment::Decision;

impl Report {
    /// The report of `a` as it stands on `today`, made at `exported_at` (ISO 8601 UTC).
    /// For a review, `previous` is a copy of the version it reviews, if one is at hand,
    /// whose changes the last appendix lists.
    ///
    /// No approver is trusted: an approval shows as signed by a key not on the list.
    /// Where the user's lists are at hand, use `Report::checked`.
    pub fn of(
        a: &Assessment,
        previous: Option<&Assessment>,
        today: Option<Date>,
        exported_at: &str,
    ) -> Report {
        Report::checked(a, previous, today, exported_at, &Trust::default(), None)
    }

    /// The report, with the approval verified against `trust` (the organisation's and
    /// this browser's trusted approvers): only an approval that verifies is called
    /// "Approved".
    pub fn checked(
        a: &Assessment,
        previous: Option<&Assessment>,
        today: Option<Date>,
        exported_at: &str,
        trust: &Trust,
        settings: Option<&crate::organisation::Settings>,
    ) -> Report {
        let result = crate::organisation::evaluate::outcome(a, settings, today);
        let ctx = Ctx::new(a, today);
        let stage = handover::stage(a);
        // Without a day, the day it is made: a decision dated later does not verify.
        let day = today
            .or_else(|| exported_at.get(..10).and_then(Date::parse))
            .unwrap_or(Date {
                year: 2999,
                month: 12,
                day: 31,
            });
        let approval = handover::approval(a, trust, day);
        let state = State::of(a, &stage, approval.as_ref());
        let digest = control::digest(a);
        let comments = stage.comments();
        let mut parts = vec![
            control::control(
                a,
                &ctx,
                &stage,
                state,
                approval.as_ref(),
                exported_at,
                &digest,
            ),
            control::summary(a, &ctx, &result, state),
        ];
        for t in [&ABOUT, &TRIAGE, &PURPOSE, &NECESSITY] {
            parts.push(template_part(&ctx, t, comments));
        }
        parts.push(balancing(&ctx, comments));
        parts.push(dpia(&ctx, &result, comments));
        parts.push(template_part(&ctx, &DECISION, comments));
        parts.push(sign_off(&ctx, comments));
        parts.push(privacy::privacy(a));
        parts.push(history(a, &stage, approval.as_ref(), trust, day));
        let since = since_checked(a, &result.findings);
        let mut appendices = vec![findings::appendix(a, &result, since.as_ref(), settings)];
        appendices.extend(changes::appendix(a, previous, today, 'B'));
        Report {
            kicker: KICKER,
            title: a.title().to_string(),
            document_title: format!("{DOCUMENT_TITLE}{}", a.title()),
            author: match ctx.text(QuestionId::SignOffCompletedName) {
                "" => None,
                name => Some(name.to_string()),
            },
            subject: super::words::SUBJECT,
            application: super::words::APPLICATION,
            status: control::status(a, &stage, state, approval.as_ref()),
            running: control::running(a, state, &digest),
            parts,
            appendices,
            colophon: colophon(),
        }
    }

    /// Every part and appendix, depth first, with its level (1 for a top part).
    pub fn outline(&self) -> Vec<(usize, &Part)> {
        fn walk<'a>(part: &'a Part, level: usize, out: &mut Vec<(usize, &'a Part)>) {
            out.push((level, part));
            for sub in &part.parts {
                walk(sub, level + 1, out);
            }
        }
        let mut out = Vec::new();
        for part in self.parts.iter().chain(&self.appendices) {
            walk(part, 1, &mut out);
        }
        out
    }
}

/// A part of the ICO's template: heading, introduction, the approver's comment on it
/// while returned, and its questions.
fn template_part(ctx: &Ctx, t: &Template, comments: Option<&Decision>) -> Part {
    let mut part = Part::new(t.section.key(), t.title);
    part.lede = Some(t.lede);
    part.blocks.extend(comment(comments, t.section));
    part.blocks.extend(questions(ctx, t.section, |_| true));
    part.blocks.extend(organisation(ctx, t.section));
    part
}

fn balancing(ctx: &Ctx, comments: Option<&Decision>) -> Part {
    let mut part = Part::new("balancing", BALANCING_TITLE);
    part.lede = Some(BALANCING_LEDE);
    for (section, title) in BALANCING {
        let mut sub = Part::new(section.key(), title);
        sub.blocks.extend(comment(comments, section));
        sub.blocks.extend(questions(ctx, section, |_| true));
        sub.blocks.extend(organisation(ctx, section));
        if section == Section::Impact && ctx.applies(Section::Impact) {
            sub.parts.push(impacts::impacts(ctx));
        }
        part.parts.push(sub);
    }
    part
}

fn dpia(ctx: &Ctx, result: &crate::assessment::Outcome, comments: Option<&Decision>) -> Part {
    let mut part = template_part(ctx, &DPIA, comments);
    let mut sub = Part::new("dpia-result", DPIA_RESULT);
    sub.blocks.push(Block::Banner(
        Tone::Notice,
        plain(format!(
            "A DPIA is {}",
            super::words::dpia_label(result.dpia)
        )),
    ));
    let screening = crate::assessment::screening::Screening::of(ctx);
    if !screening.triggers.is_empty() {
        sub.blocks.push(Block::Para(plain(DPIA_TRIGGERS)));
        sub.blocks.push(Block::List(
            screening
                .triggers
                .iter()
                .map(|q| plain(q.question().short))
                .collect(),
        ));
    }
    if screening.high_risk_impacts > 0 {
        sub.blocks.push(Block::Para(plain(format!(
            "{} impact{} still high risk after safeguards, which also makes a DPIA necessary.",
            screening.high_risk_impacts,
            if screening.high_risk_impacts == 1 {
                " is"
            } else {
                "s are"
            }
        ))));
    }
    part.parts.push(sub);
    part
}

fn sign_off(ctx: &Ctx, comments: Option<&Decision>) -> Part {
    let mut part = Part::new(SIGN_OFF.section.key(), SIGN_OFF.title);
    part.lede = Some(SIGN_OFF.lede);
    part.blocks.extend(comment(comments, Section::SignOff));
    part.blocks.extend(questions(ctx, Section::SignOff, |q| {
        q != QuestionId::SignOffReviewDate
    }));
    part.blocks.extend(organisation(ctx, Section::SignOff));
    let mut review = Part::new("review", REVIEW_TITLE);
    review.blocks.extend(questions(ctx, Section::SignOff, |q| {
        q == QuestionId::SignOffReviewDate
    }));
    let mut log = Part::new("review-log", REVIEW_LOG_TITLE);
    let entries = &ctx.assessment.review_log;
    if entries.is_empty() {
        log.blocks.push(Block::Para(plain(NO_REVIEWS)));
    } else {
        let rows = entries
            .iter()
            .map(|entry| {
                let date = match Date::parse(&entry.date) {
                    Some(d) => span(d.long(), Look::Day(d)),
                    None => span(long_date(&entry.date), Look::Typed),
                };
                vec![
                    Cell::line(vec![date]),
                    Cell::line(vec![span(entry.note.clone(), Look::Typed)]),
                ]
            })
            .collect();
        log.blocks.push(Block::Table(Table {
            header: REVIEW_LOG_COLUMNS.to_vec(),
            widths: vec![25, 75],
            rows,
            row_headers: false,
        }));
    }
    review.parts.push(log);
    part.parts.push(review);
    part
}

/// What made the record and how to check it.
fn colophon() -> Colophon {
    Colophon {
        lines: vec![plain(
            "This record was made by the legitimate interests assessment tool, in the browser. \
             The digest in the document-control table lets anyone check, with the tool, that \
             the assessment has not been changed since.",
        )],
        with_copy: plain(
            "This file holds a complete copy of the assessment: to open the assessment again, \
             open this file in the tool.",
        ),
        without_copy: plain(
            "To open the assessment in the tool again, use its JSON file or its HTML report, \
             which hold it in machine-readable form.",
        ),
    }
}
