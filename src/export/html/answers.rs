//! One question and its answer as the report shows them: the question's text, then the
//! option labels (not keys), long UK dates, or "Not provided".

use std::fmt::Write;

use crate::assessment::{Answer, AnswerKind, Ctx, Question};

use super::super::escape::html;

pub use super::super::template::NOT_PROVIDED;

/// A table row: the question, then its answer.
pub fn row(ctx: &Ctx, q: &Question, out: &mut String) {
    let _ = write!(
        out,
        "<tr id=\"q-{}\"><th scope=\"row\">{}</th><td>",
        html(q.key),
        html(q.text)
    );
    answer(ctx, q, out);
    out.push_str("</td></tr>\n");
}

/// The answer cell's content.
pub fn answer(ctx: &Ctx, q: &Question, out: &mut String) {
    match (q.kind, ctx.answer(q.id)) {
        (_, Some(Answer::Text(t))) if !t.trim().is_empty() => {
            let t = t.trim();
            match ctx.date(q.id) {
                Some(date) if matches!(q.kind, AnswerKind::Date) => {
                    let _ = write!(
                        out,
                        "<time datetime=\"{}\">{}</time>",
                        html(&date.to_string()),
                        html(&date.long())
                    );
                }
                _ if matches!(q.kind, AnswerKind::Date) => {
                    let _ = write!(
                        out,
                        "<span class=\"text\">{}</span> <span class=\"note\">(not a valid date)</span>",
                        html(t)
                    );
                }
                _ => {
                    let _ = write!(out, "<span class=\"text\">{}</span>", html(t));
                }
            }
        }
        (_, Some(Answer::YesNo(y))) => out.push_str(&html(y.label())),
        (_, Some(Answer::Choice(key))) if !key.is_empty() => {
            out.push_str(&html(label(q, key)));
        }
        (_, Some(Answer::Choices(keys))) if !keys.is_empty() => {
            out.push_str("<ul class=\"choices\">");
            for key in keys {
                let _ = write!(out, "<li>{}</li>", html(label(q, key)));
            }
            out.push_str("</ul>");
        }
        _ => not_provided(ctx, q, out),
    }
}

/// "Not provided", with the answer earlier answers suggest, if any: a suggestion the
/// user has not confirmed (the rules treat it as unconfirmed).
fn not_provided(ctx: &Ctx, q: &Question, out: &mut String) {
    // Red where the question must be answered, grey where it may be left empty.
    let class = if q.required {
        "missing"
    } else {
        "missing optional"
    };
    let _ = write!(out, "<span class=\"{class}\">{NOT_PROVIDED}</span>");
    if let Some(s) = ctx.suggestion(q.id) {
        let _ = write!(
            out,
            "<br><span class=\"note\">Suggested by earlier answers: {}. Not confirmed. {}</span>",
            html(s.answer.label()),
            html(s.reason)
        );
    }
}

/// An option's label; the key itself if the question has no such option.
fn label<'a>(q: &Question, key: &'a str) -> &'a str {
    q.choice(key).map_or(key, |c| c.label)
}
