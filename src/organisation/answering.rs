//! Answering the organisation's questions on an assessment: whether it can be answered
//! under the settings loaded here, one answer given or taken back, and the required
//! questions of a section left unanswered. An assessment made under other settings keeps
//! its answers as they are (shown read-only): nothing here rewrites them under settings
//! they were not given under.

use super::checks::Answer;
use super::record::{answers_of, made_under, record_of};
use super::{Kind, Settings};
use crate::assessment::model::Assessment;
use crate::assessment::questions::Section;

/// How an assessment stands with the settings loaded here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// No settings here and no organisation answers: nothing to show.
    Nothing,
    /// Answered under the settings loaded here: made under them, or under none yet.
    Answerable,
    /// Made under other settings, or under settings not loaded here: its answers show
    /// read-only, with a note.
    Other,
}

pub fn standing(a: &Assessment, settings: Option<&Settings>) -> Standing {
    match (a.organisation.as_deref(), settings) {
        (None, None) => Standing::Nothing,
        (None, Some(_)) => Standing::Answerable,
        (Some(record), Some(settings)) if made_under(record, settings) => Standing::Answerable,
        (Some(_), _) => Standing::Other,
    }
}

/// Gives `answer` to the settings' question (or screening question) `id`, or with `None`
/// takes its answer back. Changes nothing and says false when the assessment was made
/// under other settings or `id` is not one of theirs.
pub fn answer(a: &mut Assessment, settings: &Settings, id: &str, answer: Option<Answer>) -> bool {
    let known = settings.questions.iter().any(|q| q.id == id)
        || settings.policy.screening.iter().any(|q| q.id == id);
    if !known || standing(a, Some(settings)) != Standing::Answerable {
        return false;
    }
    let mut answers = a
        .organisation
        .as_deref()
        .map(answers_of)
        .unwrap_or_default();
    match answer {
        Some(answer) => {
            answers.insert(id.to_string(), answer);
        }
        None => {
            answers.remove(id);
        }
    }
    a.organisation = Some(Box::new(record_of(settings, &answers)));
    true
}

/// The section and label of the settings' question (or screening question) `id`.
pub fn asked<'s>(settings: &'s Settings, id: &str) -> Option<(Section, &'s str)> {
    settings
        .questions
        .iter()
        .find(|q| q.id == id)
        .map(|q| (q.section, q.label.as_str()))
        .or_else(|| {
            settings
                .policy
                .screening
                .iter()
                .find(|q| q.id == id)
                .map(|q| (Section::Dpia, q.label.as_str()))
        })
}

/// Marks a new assessment as made under `settings`, with no answers yet.
pub fn start_under(a: &mut Assessment, settings: &Settings) {
    a.organisation = Some(Box::new(record_of(settings, &Default::default())));
}

/// The required questions of `section` the assessment leaves unanswered: each id with
/// the message "Save and continue" shows. None unless it is answered under `settings`.
pub fn unanswered(a: &Assessment, settings: &Settings, section: Section) -> Vec<(String, String)> {
    if standing(a, Some(settings)) != Standing::Answerable {
        return Vec::new();
    }
    let record = a.organisation.as_deref();
    settings
        .questions
        .iter()
        .filter(|q| q.required && q.section == section)
        .filter(|q| record.and_then(|r| r.answer(&q.id)).is_none())
        .map(|q| {
            let verb = match q.kind {
                Kind::Text => "Answer",
                Kind::YesNo | Kind::Choice(_) => "Choose an answer to",
            };
            (q.id.clone(), format!("{verb} “{}”", q.label))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::model::YesNo;
    use crate::organisation::read;

    const EXAMPLE: &str = include_str!("../../docs/settings.example.json");

    fn settings() -> Settings {
        read(EXAMPLE).unwrap()
    }

    #[test]
    fn an_assessment_is_answered_under_the_settings_it_was_made_under() {
        let s = settings();
        let mut a = Assessment::new("a1");
        assert_eq!(standing(&a, None), Standing::Nothing);
        assert_eq!(standing(&a, Some(&s)), Standing::Answerable);
        assert!(answer(
            &mut a,
            &s,
            "system",
            Some(Answer::Text("Housing CRM".into()))
        ));
        assert!(answer(&mut a, &s, "cctv", Some(Answer::YesNo(YesNo::No))));
        assert!(answer(
            &mut a,
            &s,
            "tenancy-decisions",
            Some(Answer::YesNo(YesNo::Yes))
        ));
        let record = a.organisation.as_deref().unwrap();
        assert!(made_under(record, &s));
        assert_eq!(
            record.answer("system").unwrap().value.shown(),
            "Housing CRM"
        );
        // Taken back, and an id the settings do not have is refused.
        assert!(answer(&mut a, &s, "cctv", None));
        assert!(!answer(
            &mut a,
            &s,
            "camera",
            Some(Answer::YesNo(YesNo::Yes))
        ));
        let ids: Vec<&str> = a
            .organisation
            .as_deref()
            .unwrap()
            .answers
            .iter()
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(ids, ["system", "tenancy-decisions"]);
        // Without the settings here, or under other ones, the answers stand as they are.
        assert_eq!(standing(&a, None), Standing::Other);
        let other = read(&EXAMPLE.replace("2026.1", "2026.2")).unwrap();
        assert_eq!(standing(&a, Some(&other)), Standing::Other);
        let before = a.clone();
        assert!(!answer(
            &mut a,
            &other,
            "system",
            Some(Answer::Text("Another".into()))
        ));
        assert_eq!(a, before);
        assert!(unanswered(&a, &other, Section::About).is_empty());
    }

    #[test]
    fn a_required_question_left_unanswered_is_named_in_its_section() {
        let s = settings();
        let mut a = Assessment::new("a1");
        start_under(&mut a, &s);
        assert!(a.organisation.as_deref().unwrap().answers.is_empty());
        assert_eq!(
            unanswered(&a, &s, Section::About),
            [(
                "system".to_string(),
                "Answer “Which system holds the data?”".to_string()
            )]
        );
        // Not required, or in another section: nothing.
        assert!(unanswered(&a, &s, Section::Decision).is_empty());
        // A text of spaces is no answer.
        answer(&mut a, &s, "system", Some(Answer::Text("   ".into())));
        assert_eq!(unanswered(&a, &s, Section::About).len(), 1);
        answer(
            &mut a,
            &s,
            "system",
            Some(Answer::Text("Housing CRM".into())),
        );
        assert!(unanswered(&a, &s, Section::About).is_empty());
    }
}

/// One of the organisation's questions as "Check your answers" lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub label: String,
    /// The answer as shown; `None`: not answered.
    pub shown: Option<String>,
    /// It can be changed here (answered under the settings loaded here).
    pub changeable: bool,
}

/// The organisation's questions of `section` with their answers, for "Check your
/// answers": under the settings loaded here, each of their questions in their order
/// (screening questions after them in the DPIA section), answered or not; made under
/// other settings, the answers it has, as given, none changeable.
pub fn summary(a: &Assessment, settings: Option<&Settings>, section: Section) -> Vec<Summary> {
    let record = a.organisation.as_deref();
    let shown = |id: &str| {
        record
            .and_then(|r| r.answer(id))
            .map(|g| g.value.shown().to_string())
    };
    match (standing(a, settings), settings) {
        (Standing::Answerable, Some(s)) => {
            let screening = s
                .policy
                .screening
                .iter()
                .filter(|_| section == Section::Dpia);
            s.questions
                .iter()
                .filter(|q| q.section == section)
                .map(|q| (&q.id, &q.label))
                .chain(screening.map(|q| (&q.id, &q.label)))
                .map(|(id, label)| Summary {
                    id: id.clone(),
                    label: label.clone(),
                    shown: shown(id),
                    changeable: true,
                })
                .collect()
        }
        (Standing::Other, _) => record
            .map(|r| {
                r.answers
                    .iter()
                    .filter(|g| g.section == section)
                    .map(|g| Summary {
                        id: g.id.clone(),
                        label: g.label.clone(),
                        shown: Some(g.value.shown().to_string()),
                        changeable: false,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}
