//! A part's questions and answers as the record shows them: the questions asked on this
//! route and answered, each with its answer (option labels, long UK dates, the text as
//! typed); the questions asked and not answered named on one line, not printed as rows of
//! "Not provided"; questions not asked on this route left out.

use crate::assessment::stale::check_again_sentence;
use crate::assessment::{Answer, AnswerKind, Ctx, Question, QuestionId, Section};

use super::{looked, plain, span, Answered, Block, Cell, Item, Line, Look, Table, Tone};

/// The blocks of `section`'s questions that `keep` accepts.
pub fn questions(ctx: &Ctx, section: Section, keep: impl Fn(QuestionId) -> bool) -> Vec<Block> {
    if let Some(reason) = ctx.not_applicable(section) {
        return vec![Block::Banner(Tone::Notice, looked(reason, Look::Plain))];
    }
    let asked = section
        .questions()
        .filter(|q| ctx.is_visible(q.id) && keep(q.id) && !matches!(q.kind, AnswerKind::Impacts));
    let mut rows = Vec::new();
    let mut needed = Vec::new();
    let mut optional = Vec::new();
    for q in asked {
        match answer(ctx, q) {
            Some(mut items) => {
                // An answer resting on one changed after it was given says so.
                let changed = ctx.marked(q.id);
                if !changed.is_empty() {
                    items.push(Item::Para(looked(
                        check_again_sentence(&changed),
                        Look::Missing,
                    )));
                }
                rows.push(Answered {
                    key: q.key,
                    question: q.text,
                    answer: items,
                })
            }
            None if q.required => needed.push(q),
            None => optional.push(q),
        }
    }
    let mut blocks = Vec::new();
    if !rows.is_empty() {
        blocks.push(Block::Questions(rows));
    }
    if let Some(line) = unanswered(&needed, "Not answered: ", Look::Missing) {
        blocks.push(Block::Para(line));
    }
    if let Some(line) = unanswered(&optional, "Not answered (optional): ", Look::Quiet) {
        blocks.push(Block::Para(line));
    }
    // A suggestion is never an answer: it is printed as the page shows it, beside the
    // question it is for.
    for q in needed.iter().chain(&optional) {
        if let Some(s) = ctx.suggestion(q.id) {
            blocks.push(Block::Para(vec![
                span(format!("{}: ", q.short), Look::Strong),
                span(s.sentence(), Look::Quiet),
            ]));
        }
    }
    blocks
}

/// The answers to the organisation's own questions asked in `section` (its settings
/// file's), as the record keeps them: shown from the record alone, so also where those
/// settings are not loaded.
pub fn organisation(ctx: &Ctx, section: Section) -> Option<Block> {
    let rows: Vec<Vec<Cell>> = ctx
        .assessment
        .organisation
        .iter()
        .flat_map(|o| &o.answers)
        .filter(|a| a.section == section)
        .map(|a| {
            vec![
                Cell::line(plain(a.label.as_str())),
                Cell::line(looked(a.value.shown(), Look::Typed)),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| {
        Block::Table(Table {
            header: super::words::ORGANISATION_COLUMNS.to_vec(),
            widths: vec![40, 60],
            rows,
            row_headers: false,
        })
    })
}

/// "Not answered: Whose data; How many people." or nothing.
fn unanswered(questions: &[&Question], intro: &str, look: Look) -> Option<Line> {
    if questions.is_empty() {
        return None;
    }
    let names: Vec<&str> = questions.iter().map(|q| q.short).collect();
    Some(vec![
        span(intro, Look::Strong),
        span(format!("{}.", names.join("; ")), look),
    ])
}

/// The answer as the record shows it, or `None` when the question is not answered.
pub fn answer(ctx: &Ctx, q: &Question) -> Option<Vec<Item>> {
    let items = match ctx.answer(q.id)? {
        Answer::Text(t) if !t.trim().is_empty() => {
            let t = t.trim();
            match (q.kind, ctx.date(q.id)) {
                (AnswerKind::Date, Some(date)) => {
                    vec![Item::Para(vec![span(date.long(), Look::Day(date))])]
                }
                (AnswerKind::Date, None) => vec![Item::Para(vec![
                    span(t, Look::Typed),
                    span(" (not a valid date)", Look::Quiet),
                ])],
                _ => vec![Item::Para(looked(t, Look::Typed))],
            }
        }
        Answer::YesNo(y) => vec![Item::Para(looked(y.label(), Look::Plain))],
        Answer::Choice(key) if !key.is_empty() => {
            vec![Item::Para(looked(label(q, key), Look::Plain))]
        }
        Answer::Choices(keys) if !keys.is_empty() => keys
            .iter()
            .map(|k| Item::Bullet(looked(label(q, k), Look::Plain)))
            .collect(),
        _ => return None,
    };
    Some(items)
}

/// An option's label; the key itself if the question has no such option.
fn label<'a>(q: &Question, key: &'a str) -> &'a str {
    q.choice(key).map_or(key, |c| c.label)
}
