//! Answers a change has made stale. The question bank declares what each answer rests on
//! (`Question::rests_on`, `Basis::questions`: the balancing test rests on whose data it is, which data and
//! why, for example). When an answer changes after answers resting on it were given,
//! those are marked "check again" (`Assessment::check_again`), naming what changed; the
//! user confirms each one (as it is, or by changing it) and the mark goes. The ICO: keep
//! the assessment under review, and revisit it if the purpose, nature or context of the
//! processing changes. A record with marks cannot be sent for approval or approved.
//!
//! The session calls `note_edit` with the assessment before and after each edit, so a
//! draft and a review (started from an approved version, with all its answers given)
//! are marked alike.

use super::model::{Answer, Assessment};
use super::questions::{QuestionId, QUESTIONS};
use super::text::same_words;

/// Two answers say the same: texts with the same words (case, spacing and punctuation
/// aside), or the same choice.
fn same(a: Option<&Answer>, b: Option<&Answer>) -> bool {
    match (a, b) {
        (Some(Answer::Text(x)), Some(Answer::Text(y))) => same_words(x, y),
        (x, y) => x == y,
    }
}

/// Whether `q` has an answer in `a` (the impacts list: an impact).
fn answered(a: &Assessment, q: QuestionId) -> bool {
    if q == QuestionId::ImpactList {
        !a.impacts.is_empty()
    } else {
        a.answers.get(q).is_some()
    }
}

/// Marks what an edit has made stale, and clears what it confirmed. For each answer that
/// changed from `before` to `after`: the answers resting on it that were given (and not
/// changed in the same edit) are marked with it; and an answer that was marked is
/// confirmed by being changed itself. Impacts count as the answer to the impacts list.
pub fn note_edit(before: &Assessment, after: &mut Assessment) {
    note_edit_of(QuestionId::ALL, before, after);
}

/// As `note_edit`, for an edit that can have changed no answers but those to
/// `questions` (typing into one); `before` need hold no others (see `holding`).
pub fn note_edit_of(questions: &[QuestionId], before: &Assessment, after: &mut Assessment) {
    let changed: Vec<QuestionId> = questions
        .iter()
        .copied()
        .filter(|q| match *q {
            QuestionId::ImpactList => before.impacts != after.impacts,
            q => !same(before.answers.get(q), after.answers.get(q)),
        })
        .collect();
    if changed.is_empty() {
        return;
    }
    after
        .check_again
        .retain(|(marked, _)| !changed.contains(marked));
    for question in QUESTIONS {
        let dependent = question.id;
        if changed.contains(&dependent) || !answered(after, dependent) {
            continue;
        }
        for foundation in question
            .rests_on
            .questions()
            .iter()
            .filter(|f| changed.contains(f))
        {
            let mark = (dependent, *foundation);
            if !after.check_again.contains(&mark) {
                after.check_again.push(mark);
            }
        }
    }
}

/// A blank assessment holding only `a`'s answer to `q` (the impacts, for the impacts
/// list): what `note_edit_of` needs to compare, copied before typing changes it.
pub fn holding(a: &Assessment, q: Option<QuestionId>) -> Assessment {
    let mut held = Assessment::new("");
    match q {
        Some(QuestionId::ImpactList) => held.impacts = a.impacts.clone(),
        Some(q) => {
            if let Some(answer) = a.answers.get(q) {
                held.answers.set(q, answer.clone());
            }
        }
        None => {}
    }
    held
}

/// The shown, answered questions of `a` marked to be checked again, in bank order.
pub fn marked(a: &Assessment) -> Vec<QuestionId> {
    let ctx = super::context::Ctx::new(a, None);
    QuestionId::ALL
        .iter()
        .copied()
        .filter(|q| !ctx.marked(*q).is_empty())
        .collect()
}

/// The answers `q` rests on that changed since it was given, as their short names:
/// "Why you want to process the data; Kinds of data".
pub fn what_changed(changed: &[QuestionId]) -> String {
    changed
        .iter()
        .map(|q| format!("“{}”", q.question().short))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The sentence shown beside a marked answer, on its page and the check page.
pub fn check_again_sentence(changed: &[QuestionId]) -> String {
    format!(
        "Check again: {} changed after this answer was given. Confirm it still holds, or change it.",
        what_changed(changed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::examples::example;

    fn emergency() -> Assessment {
        (example("emergency-contacts").unwrap().build)("x")
    }

    #[test]
    fn a_changed_purpose_marks_what_rests_on_it_and_nothing_else() {
        let before = emergency();
        let mut after = before.clone();
        after.set_text(
            QuestionId::PurposeWhy,
            "To send the contacts our newsletter.",
        );
        note_edit(&before, &mut after);
        let marked: Vec<QuestionId> = after.check_again.iter().map(|(q, _)| *q).collect();
        assert!(marked.contains(&QuestionId::NecessityProportionate));
        assert!(marked.contains(&QuestionId::ExpObvious));
        assert!(marked.contains(&QuestionId::ImpactList));
        assert!(marked.contains(&QuestionId::DecisionJustification));
        // Not resting on the purpose: the data's nature, the sign-off's names.
        assert!(!marked.contains(&QuestionId::NatureSpecial));
        assert!(!marked.contains(&QuestionId::SignOffCompletedName));
        assert!(after
            .check_again
            .iter()
            .all(|(_, c)| *c == QuestionId::PurposeWhy));
    }

    #[test]
    fn spacing_and_case_are_not_a_change_and_an_edit_confirms() {
        let before = emergency();
        let mut after = before.clone();
        let why = match before.answers.get(QuestionId::PurposeWhy) {
            Some(Answer::Text(t)) => t.to_uppercase() + "  ",
            _ => unreachable!(),
        };
        after.set_text(QuestionId::PurposeWhy, why);
        note_edit(&before, &mut after);
        assert!(after.check_again.is_empty());

        let mut changed = before.clone();
        changed.set_text(QuestionId::PurposeWhy, "Another purpose entirely.");
        note_edit(&before, &mut changed);
        let marked = changed.clone();
        changed.set_text(QuestionId::ExpPastUse, "Never used before.");
        note_edit(&marked, &mut changed);
        assert!(changed.changed_under(QuestionId::ExpPastUse).is_empty());
        assert!(!changed.changed_under(QuestionId::ExpObvious).is_empty());
    }
}
