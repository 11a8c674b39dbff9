//! Everything the interface shows about one state of the assessment, worked out in one
//! pass: which questions show and what is suggested, each section's validation errors
//! and whether it applies, the findings, statuses, DPIA result and reading. The shell
//! keeps one of these per change (one memo); pages and components read it and never
//! build a `Ctx` of their own.

use super::catalogue::{since_checked, SinceChecked};
use super::context::{Ctx, Visibility};
use super::date::Date;
use super::display::{show, Shown};
use super::model::{Answer, Assessment};
use super::outcome::{outcome_in, Outcome};
use super::questions::{AnswerKind, QuestionId, Section};
use super::rules::Finding;
use super::validation::{validate, FieldError};

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub visibility: Visibility,
    pub outcome: Outcome,
    /// An approved record checked under an earlier version of the rules that now gets
    /// new findings: shown when it is opened.
    pub since_checked: Option<SinceChecked>,
    /// Per section, in `Section::ALL` order.
    sections: Vec<SectionView>,
}

#[derive(Clone, Debug, PartialEq)]
struct SectionView {
    /// Why the section does not apply, if it does not.
    not_applicable: Option<&'static str>,
    /// What "Save and continue" would refuse, in page order.
    errors: Vec<FieldError>,
    /// The check page's rows: each shown question (impacts apart) and its answer.
    rows: Vec<(QuestionId, Shown)>,
}

impl Evaluation {
    /// Evaluates the assessment as it is now. `today` dates the rules that need a date.
    pub fn of(assessment: &Assessment, today: Option<Date>) -> Evaluation {
        Evaluation::with(assessment, today, Vec::new())
    }

    /// As `of`, with findings from elsewhere (the organisation's settings, see
    /// `organisation::evaluate`) in the same outcome as the rules'.
    pub fn with(assessment: &Assessment, today: Option<Date>, extra: Vec<Finding>) -> Evaluation {
        let ctx = Ctx::new(assessment, today);
        let (errors, outcome) = checked(&ctx, extra);
        let sections = Section::ALL
            .into_iter()
            .zip(errors)
            .map(|(section, errors)| SectionView {
                not_applicable: ctx.not_applicable(section),
                errors,
                rows: section
                    .questions()
                    .filter(|q| ctx.is_visible(q.id) && !matches!(q.kind, AnswerKind::Impacts))
                    .map(|q| {
                        let shown = match (ctx.answer(q.id), ctx.suggestion(q.id)) {
                            (None, Some(s)) => Shown::Suggested(s.answer.label()),
                            (answer, _) => show(q.id, answer),
                        };
                        (q.id, shown)
                    })
                    .collect(),
            })
            .collect();
        Evaluation {
            visibility: ctx.visibility(),
            since_checked: since_checked(assessment, &outcome.findings),
            outcome,
            sections,
        }
    }

    fn section(&self, section: Section) -> &SectionView {
        // `sections` is built from `Section::ALL`, and `number` is the 1-based position.
        &self.sections[section.number() - 1]
    }

    /// Why a whole section does not apply, if it does not.
    pub fn not_applicable(&self, section: Section) -> Option<&'static str> {
        self.section(section).not_applicable
    }

    pub fn applies(&self, section: Section) -> bool {
        self.not_applicable(section).is_none()
    }

    /// The section's validation errors: what "Save and continue" refuses.
    pub fn errors(&self, section: Section) -> &[FieldError] {
        &self.section(section).errors
    }

    /// What "Save and continue" does on a section. It writes nothing: a suggestion is
    /// never an answer, so a question showing only one is unanswered (an error if it is
    /// required). It is refused while the section has errors, and otherwise goes on to
    /// the next section that applies (`None` after the last).
    pub fn save_and_continue(&self, section: Section) -> Result<Option<Section>, Vec<FieldError>> {
        match self.errors(section) {
            [] => Ok(self.next_section(section)),
            errors => Err(errors.to_vec()),
        }
    }

    /// The next section after `section` that applies, if any.
    pub fn next_section(&self, section: Section) -> Option<Section> {
        let mut next = section.next();
        while let Some(s) = next {
            if self.applies(s) {
                return Some(s);
            }
            next = s.next();
        }
        None
    }

    /// Each shown question of the section (the impacts list apart) with its answer as
    /// the check page shows it.
    pub fn rows(&self, section: Section) -> &[(QuestionId, Shown)] {
        &self.section(section).rows
    }

    /// The user's own answer, when the question shows.
    pub fn answer<'a>(&self, assessment: &'a Assessment, q: QuestionId) -> Option<&'a Answer> {
        if self.visibility.is_visible(q) {
            assessment.answers.get(q)
        } else {
            None
        }
    }
}

/// Each section's validation errors (in `Section::ALL` order) and the outcome.
fn checked(ctx: &Ctx, extra: Vec<Finding>) -> (Vec<Vec<FieldError>>, Outcome) {
    let errors: Vec<Vec<FieldError>> = Section::ALL.map(|s| validate(ctx, s)).into();
    let outcome = outcome_in(ctx, &errors, extra);
    (errors, outcome)
}

/// What a register's row shows of an assessment: its outcome, what is new since it was
/// checked, and which questions are asked. The same rules as `Evaluation::of`, without
/// the form's rows and suggestions, which a register of thousands of files never shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub outcome: Outcome,
    pub since_checked: Option<SinceChecked>,
    /// Per question, in `QuestionId` order: whether it is asked.
    asked: Vec<bool>,
}

impl Brief {
    pub fn of(assessment: &Assessment, today: Option<Date>) -> Brief {
        Brief::with(assessment, today, Vec::new())
    }

    /// As `of`, with findings from elsewhere (as `Evaluation::with`).
    pub fn with(assessment: &Assessment, today: Option<Date>, extra: Vec<Finding>) -> Brief {
        let ctx = Ctx::new(assessment, today);
        let (_, outcome) = checked(&ctx, extra);
        Brief {
            since_checked: since_checked(assessment, &outcome.findings),
            asked: QuestionId::ALL.iter().map(|q| ctx.is_visible(*q)).collect(),
            outcome,
        }
    }

    /// The answer to `q`, if the question is asked (as `Evaluation::answer`).
    pub fn answer<'a>(&self, assessment: &'a Assessment, q: QuestionId) -> Option<&'a Answer> {
        if self.asked[q as usize] {
            assessment.answers.get(q)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::examples::example;
    use crate::assessment::outcome;

    #[test]
    fn one_evaluation_agrees_with_each_separate_reading() {
        let today = Date::new(2026, 11, 22);
        for build in ["emergency-contacts", "postal-offers", "housing-marketing"] {
            let a = (example(build).unwrap().build)("x");
            let evaluation = Evaluation::of(&a, today);
            let ctx = Ctx::new(&a, today);
            assert_eq!(evaluation.outcome, outcome(&a, today));
            assert_eq!(evaluation.visibility, ctx.visibility());
            for section in Section::ALL {
                assert_eq!(evaluation.errors(section), validate(&ctx, section));
                assert_eq!(
                    evaluation.not_applicable(section),
                    ctx.not_applicable(section)
                );
            }
        }
    }

    #[test]
    fn the_next_section_skips_those_that_do_not_apply() {
        use crate::assessment::choices::recognised;
        use crate::assessment::model::YesNo;
        let mut a = (example("legal-advice").unwrap().build)("x");
        a.set_yes_no(QuestionId::TriageRecognised, YesNo::Yes)
            .set_choice(QuestionId::TriageRecognisedCondition, recognised::CRIME);
        let evaluation = Evaluation::of(&a, None);
        // On the recognised route the balancing sections do not apply.
        assert!(Section::ALL.iter().any(|s| !evaluation.applies(*s)));
        let mut order = vec![Section::ALL[0]];
        while let Some(next) = evaluation.next_section(*order.last().unwrap()) {
            order.push(next);
        }
        let applying: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| evaluation.applies(*s))
            .collect();
        assert_eq!(order, applying);
    }
}
