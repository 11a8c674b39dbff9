//! One-line and paragraph text answers. The field follows the answer (see `follow`), so
//! an edit made elsewhere shows here, and typing is never interrupted or reset.

use leptos::prelude::*;

use super::field::{
    field_class, field_error, hint, labelled_field, question_text, text_control, FieldIds,
};
use crate::assessment::{Answer, AnswerKind, QuestionId};
use crate::ui::state::AppState;

#[component]
pub fn TextField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let text = Memo::new(move |_| {
        state
            .open
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            })
    });
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, false, error.with(Option::is_some))
    };
    let rows = matches!(question.kind, AnswerKind::LongText).then_some("5");
    let control = text_control(
        ids.control.clone(),
        question.key.to_string(),
        rows,
        Box::new(described_by),
        Box::new(move || error.with(Option::is_some)),
        Box::new(move || text.get()),
        Box::new(move |value| {
            state.type_into(Some(q), |a| {
                a.set_text(q, value);
            });
        }),
    );
    labelled_field(
        Box::new(move || field_class(q, error.with(Option::is_some))),
        ids.control,
        question_text(q),
        hint(q),
        field_error(q, error),
        control,
    )
}
