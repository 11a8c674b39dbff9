//! The top of the record: what it is in one sentence true for its state, the
//! document-control table a DPO files it by, the summary of the outcome, and what each
//! page's head and foot say.

use crate::assessment::accepted::accepted_warnings;
use crate::assessment::catalogue::rules_line;
use crate::assessment::text::capitalised;
use crate::assessment::{assessment_digest, Answer, Assessment, Ctx, Outcome, QuestionId, Status};
use crate::handover::{self, Approval, Stage};

use super::words::{
    dpia_label, hidden_answers, long_date, plural, readable_timestamp, CONTROL_TITLE, PAGE,
    PAGE_OF, SUMMARY_TITLE,
};
use super::{looked, plain, span, Block, Item, Line, Look, Part, Running, Tone};

/// Where the record stands, as the control table and the running head name it. An
/// approval is called "Approved" only when it verifies (`handover::verify`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Draft,
    Sent,
    /// Sent, and changed since: the approver has an earlier version.
    ChangedSinceSent,
    Returned,
    /// Approved, signed by a trusted approver.
    Approved,
    /// Approved by its author, signed, where the organisation allows it.
    ApprovedByAuthor,
    /// Marked approved through the hand-over, but the approval does not verify: the
    /// label says what stands in its way.
    Unverified(&'static str),
    ChangedAfterApproval,
    /// Marked approved with no approval through the hand-over on record.
    MarkedApproved,
}

impl State {
    pub fn of(a: &Assessment, stage: &Stage, approval: Option<&Approval>) -> State {
        match stage {
            Stage::Approved { changed: true, .. } => State::ChangedAfterApproval,
            Stage::Approved { changed: false, .. } => match approval {
                Some(ap) if ap.holds() && ap.by_author => State::ApprovedByAuthor,
                Some(ap) if ap.holds() => State::Approved,
                Some(ap) => State::Unverified(ap.status_label()),
                None => State::Unverified("Approval not signed"),
            },
            _ if a.status == Status::Approved => State::MarkedApproved,
            Stage::Waiting { changed: false, .. } => State::Sent,
            Stage::Waiting { changed: true, .. } => State::ChangedSinceSent,
            Stage::Returned { .. } => State::Returned,
            Stage::NotSent => State::Draft,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            State::Draft => "Draft",
            State::Sent => "Sent for approval",
            State::ChangedSinceSent => "Draft, changed since it was sent for approval",
            State::Returned => "Returned with comments",
            State::Approved => "Approved",
            State::ApprovedByAuthor => "Approved by its author",
            State::Unverified(label) => label,
            State::ChangedAfterApproval => "Changed after approval",
            State::MarkedApproved => "Marked approved",
        }
    }

    /// Whether the record claims to be approved as it stands, so sign-off readiness
    /// means nothing.
    pub fn settled(self) -> bool {
        matches!(
            self,
            State::Approved
                | State::ApprovedByAuthor
                | State::Unverified(_)
                | State::MarkedApproved
        )
    }
}

/// The sign-off's own answer to `q`, trimmed ("" when not given).
fn sign_off(a: &Assessment, q: QuestionId) -> &str {
    match a.answers.get(q) {
        Some(Answer::Text(t)) => t.trim(),
        _ => "",
    }
}

/// "Alex Morgan (Data Protection Officer)", or "" when no name is given.
fn person(a: &Assessment, name: QuestionId, role: QuestionId) -> String {
    match (sign_off(a, name), sign_off(a, role)) {
        ("", _) => String::new(),
        (name, "") => name.to_string(),
        (name, role) => format!("{name} ({role})"),
    }
}

/// The sentence under the title: what this record is, true for its state.
pub fn status(
    a: &Assessment,
    stage: &Stage,
    state: State,
    approval: Option<&Approval>,
) -> (Tone, Line) {
    let sentence = match (state, stage) {
        (State::Approved, Stage::Approved { decision, .. }) => format!(
            "Approved by {} on {}, signed by a trusted approver. This is the record as approved.",
            decision.who(),
            decision.date_long()
        ),
        (State::ApprovedByAuthor, Stage::Approved { decision, .. }) => format!(
            "Approved by its author, {}, on {}, as the organisation's settings allow; signed. \
             This is the record as approved.",
            decision.who(),
            decision.date_long()
        ),
        (State::Unverified(_), _) => approval.map_or_else(
            || "Marked approved, but the approval cannot be relied on.".to_string(),
            Approval::describe,
        ),
        (State::ChangedAfterApproval, Stage::Approved { decision, .. }) => format!(
            "Changed after approval: this is not what {} approved on {}, and the approval does \
             not cover it.",
            decision.who(),
            decision.date_long()
        ),
        (State::MarkedApproved, _) => {
            let who = person(
                a,
                QuestionId::SignOffApprovedName,
                QuestionId::SignOffApprovedRole,
            );
            let by = if who.is_empty() {
                String::new()
            } else {
                format!(" by {who}")
            };
            format!(
                "Marked approved{by}, but no approval through the tool's hand-over is on record: \
                 who approved it, and when, rests only on what its sign-off says."
            )
        }
        (State::Sent, Stage::Waiting { sent, .. }) => format!(
            "Sent for approval on {}, and waiting for the decision: it is not approved yet.",
            long_date(sent)
        ),
        (State::ChangedSinceSent, Stage::Waiting { sent, .. }) => format!(
            "Draft, changed since it was sent for approval on {}: the approver has the earlier \
             version. It is not approved.",
            long_date(sent)
        ),
        (State::Returned, Stage::Returned { decision, .. }) => format!(
            "Returned with comments by {} on {}: it is not approved. The comments are shown \
             with the parts they are about.",
            decision.who(),
            decision.date_long()
        ),
        _ => match a.review_of {
            Some(_) => format!(
                "Draft review, version {}: it has not been approved.",
                a.version
            ),
            None => "Draft: this assessment has not been approved.".to_string(),
        },
    };
    let tone = match state {
        State::Approved | State::ApprovedByAuthor => Tone::Good,
        State::ChangedAfterApproval
        | State::ChangedSinceSent
        | State::MarkedApproved
        | State::Unverified(_) => Tone::Warning,
        _ => Tone::Notice,
    };
    (tone, plain(sentence))
}

/// The first 8 hexadecimal digits of the assessment's digest: its short form.
pub fn short_digest(digest: &str) -> &str {
    digest.get(..8).unwrap_or(digest)
}

/// What the head and foot of every page say.
pub fn running(a: &Assessment, state: State, digest: &str) -> Running {
    Running {
        // One line: a title typed with line breaks or tabs reads as one in the head.
        head: format!(
            "{} · {} · version {}",
            a.title().split_whitespace().collect::<Vec<_>>().join(" "),
            state.label(),
            a.version
        ),
        page_before: PAGE,
        page_between: PAGE_OF,
        page_after: format!(" · digest {}", short_digest(digest)),
    }
}

fn fact(value: Line) -> Vec<Item> {
    vec![Item::Para(value)]
}

/// The document-control table: what identifies the record, who made and approved it,
/// how its approval stands, and its digest.
pub fn control(
    a: &Assessment,
    ctx: &Ctx,
    stage: &Stage,
    state: State,
    approval: Option<&Approval>,
    exported_at: &str,
    digest: &str,
) -> Part {
    let mut facts: Vec<(&'static str, Vec<Item>)> = Vec::new();
    let version = match &a.review_of {
        Some(_) => format!(
            "{} (a review of version {})",
            a.version,
            previous_version(a)
        ),
        None => a.version.to_string(),
    };
    facts.push(("Version", fact(plain(version))));
    facts.push(("Status", fact(plain(state.label()))));
    facts.push(("Reference", fact(looked(a.id.clone(), Look::Code))));
    if let Some(of) = &a.review_of {
        facts.push(("Review of", fact(looked(of.clone(), Look::Code))));
    }
    facts.push((
        "Organisation",
        fact(match ctx.text(QuestionId::AboutOrganisation) {
            "" => looked(super::words::NOT_PROVIDED, Look::Missing),
            t => looked(t, Look::Typed),
        }),
    ));
    let completed = person(
        a,
        QuestionId::SignOffCompletedName,
        QuestionId::SignOffCompletedRole,
    );
    let on = sign_off(a, QuestionId::SignOffCompletedDate);
    facts.push((
        "Completed by",
        fact(match (completed.as_str(), on) {
            ("", _) => looked("Not recorded", Look::Missing),
            (who, "") => looked(who, Look::Typed),
            (who, on) => vec![
                span(who, Look::Typed),
                span(format!(", on {}", long_date(on)), Look::Plain),
            ],
        }),
    ));
    facts.push(("Approved by", fact(approved_by(a, stage, state))));
    facts.push(("Approval", fact(approval_fact(stage, state, approval))));
    facts.push((
        "Next review",
        fact(match ctx.date(QuestionId::SignOffReviewDate) {
            Some(d) => vec![span(d.long(), Look::Day(d))],
            None => looked("Not set", Look::Missing),
        }),
    ));
    facts.push(("Made", fact(plain(readable_timestamp(exported_at)))));
    facts.push((
        "Made with",
        fact(plain(format!(
            "The legitimate interests assessment tool, version {} (export format version {})",
            env!("CARGO_PKG_VERSION"),
            crate::assessment::schema::SCHEMA_VERSION
        ))),
    ));
    facts.push(("Rules", fact(plain(rules_line(a)))));
    if let Some(o) = &a.organisation {
        facts.push((
            "Organisation's settings",
            vec![
                Item::Para(vec![
                    span(o.name.as_str(), Look::Typed),
                    span(format!(", revision {}", o.revision), Look::Plain),
                ]),
                Item::Para(vec![
                    span("Their digest: ", Look::Quiet),
                    span(short_digest(&o.digest), Look::Code),
                ]),
            ],
        ));
    }
    facts.push((
        "Digest (SHA-256)",
        vec![
            Item::Para(looked(digest.to_string(), Look::Code)),
            Item::Para(vec![
                span("Short form: ", Look::Quiet),
                span(short_digest(digest), Look::Code),
                span(
                    ". The tool works it out again from the assessment: a copy whose digest \
                     differs has been changed.",
                    Look::Quiet,
                ),
            ]),
        ],
    ));
    let hidden = a
        .answers
        .iter()
        .filter(|(q, _)| !ctx.is_visible(*q))
        .count();
    if let Some(sentence) = hidden_answers(hidden) {
        facts.push(("Answers not shown", fact(plain(sentence))));
    }
    let mut part = Part::new("control", CONTROL_TITLE);
    part.blocks.push(Block::Facts(facts));
    part
}

/// The version a review reviews, as far as the record says.
fn previous_version(a: &Assessment) -> u32 {
    a.reviewed
        .as_ref()
        .map_or(a.version.saturating_sub(1), |r| r.version)
}

fn approved_by(a: &Assessment, stage: &Stage, state: State) -> Line {
    match (state, stage) {
        (State::Approved, Stage::Approved { decision, .. }) => vec![
            span(decision.who(), Look::Typed),
            span(format!(", on {}", decision.date_long()), Look::Plain),
        ],
        (State::ApprovedByAuthor, Stage::Approved { decision, .. }) => vec![
            span(decision.who(), Look::Typed),
            span(
                format!(", its author, on {}", decision.date_long()),
                Look::Plain,
            ),
        ],
        (State::Unverified(label), Stage::Approved { decision, .. }) => vec![
            span(format!("Not verified ({label}): "), Look::Missing),
            span(decision.who(), Look::Typed),
            span(
                format!(", on {}, as the file says", decision.date_long()),
                Look::Plain,
            ),
        ],
        (State::ChangedAfterApproval, Stage::Approved { decision, .. }) => looked(
            format!(
                "Not this version: {} approved different content on {}.",
                decision.who(),
                decision.date_long()
            ),
            Look::Missing,
        ),
        (State::MarkedApproved, _) => {
            let who = person(
                a,
                QuestionId::SignOffApprovedName,
                QuestionId::SignOffApprovedRole,
            );
            let on = sign_off(a, QuestionId::SignOffApprovedDate);
            let mut line = vec![span(
                if who.is_empty() { "No one named" } else { &who },
                Look::Typed,
            )];
            if !on.is_empty() {
                line.push(span(format!(", on {}", long_date(on)), Look::Plain));
            }
            line.push(span(", as its sign-off records it", Look::Plain));
            line
        }
        _ => looked("Not approved", Look::Strong),
    }
}

fn approval_fact(stage: &Stage, state: State, approval: Option<&Approval>) -> Line {
    match state {
        State::Draft => plain("Not sent for approval with this tool."),
        State::MarkedApproved => looked(
            "No approval through the tool's hand-over is recorded.",
            Look::Missing,
        ),
        State::Approved | State::ApprovedByAuthor | State::Unverified(_) => match approval {
            Some(ap) if ap.holds() => plain(ap.describe()),
            Some(ap) => looked(ap.describe(), Look::Missing),
            None => looked(handover::describe(stage), Look::Missing),
        },
        State::ChangedAfterApproval => looked(handover::describe(stage), Look::Missing),
        _ => plain(handover::describe(stage)),
    }
}

/// The outcome at a glance: the reading, the findings (listed in the appendix), the DPIA,
/// whether it can be signed off (not for an approved record), what did not apply.
pub fn summary(a: &Assessment, ctx: &Ctx, result: &Outcome, state: State) -> Part {
    let mut facts: Vec<(&'static str, Vec<Item>)> = Vec::new();
    facts.push(("Overall reading", fact(plain(result.reading.label()))));
    let c = result.counts;
    // Warnings accepted with a reason are not open; they are counted apart.
    let accepted = accepted_warnings(a, &result.findings)
        .iter()
        .filter(|w| w.current)
        .count();
    let findings = if c.blockers + c.warnings + c.advice + accepted == 0 {
        "None.".to_string()
    } else {
        let (open, and_accepted) = match accepted {
            0 => ("", String::new()),
            n => ("open ", format!(" (and {n} accepted with a reason)")),
        };
        format!(
            "{} blocker{}, {} {open}warning{}{and_accepted}, {} advice: listed in Appendix A.",
            c.blockers,
            plural(c.blockers),
            c.warnings,
            plural(c.warnings),
            c.advice
        )
    };
    facts.push(("Findings", fact(plain(findings))));
    facts.push(("DPIA", fact(plain(capitalised(dpia_label(result.dpia))))));
    if !state.settled() && state != State::ChangedAfterApproval {
        let mut items = Vec::new();
        if result.ready_for_sign_off {
            items.push(Item::Para(plain("Ready for sign-off.")));
        } else {
            items.push(Item::Para(looked(
                "Not ready for sign-off, because:",
                Look::Strong,
            )));
            items.extend(
                result
                    .sign_off_refusals
                    .iter()
                    .map(|r| Item::Bullet(plain(r.clone()))),
            );
        }
        facts.push(("Sign-off", items));
    }
    // The parts that did not apply, those with one reason on one line.
    let mut not_applicable: Vec<(Vec<&'static str>, &'static str)> = Vec::new();
    for s in crate::assessment::Section::ALL {
        if let Some(why) = ctx.not_applicable(s) {
            match not_applicable.iter_mut().find(|(_, w)| *w == why) {
                Some((titles, _)) => titles.push(s.title()),
                None => not_applicable.push((vec![s.title()], why)),
            }
        }
    }
    if !not_applicable.is_empty() {
        let items = not_applicable
            .into_iter()
            .map(|(titles, why)| Item::Para(plain(format!("{}: {why}", titles.join("; ")))))
            .collect();
        facts.push(("Did not apply", items));
    }
    let mut part = Part::new("summary", SUMMARY_TITLE);
    part.blocks.push(Block::Facts(facts));
    part
}

/// The digest of the record, as written in its exports.
pub fn digest(a: &Assessment) -> String {
    assessment_digest(a)
}
