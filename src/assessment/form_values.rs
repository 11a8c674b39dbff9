//! Answers read from a plain HTML form: the first page as the browser drew it before the
//! app had started (the page is pre-rendered into index.html, so people can start typing
//! at once). The page's controls are named as the interface names them; each value is
//! checked against the bank as an imported answer is, and anything else is ignored.

use super::date::Date;
use super::model::{Answer, Assessment, YesNo};
use super::questions::Choice;
use super::questions::{AnswerKind, QuestionId, QUESTIONS};

/// The question a control belongs to, by its name or id, and which part of a date it is.
fn question_of(name: &str) -> Option<(QuestionId, DatePart)> {
    QUESTIONS.iter().find_map(|q| {
        let id = q.id.control_id();
        if name == q.key || name == id {
            Some((q.id, DatePart::Day))
        } else if name.strip_prefix(id.as_str()) == Some("-month") {
            Some((q.id, DatePart::Month))
        } else if name.strip_prefix(id.as_str()) == Some("-year") {
            Some((q.id, DatePart::Year))
        } else {
            None
        }
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DatePart {
    Day,
    Month,
    Year,
}

fn option_of(options: &[Choice], value: &str) -> Option<String> {
    options
        .iter()
        .find(|o| o.key == value)
        .map(|o| o.key.to_string())
}

/// Sets the answers a form held: `(name or id of the control, its value)` for each text
/// control, and for each ticked checkbox or chosen radio. Returns how many answers were
/// set.
pub fn apply(assessment: &mut Assessment, fields: &[(String, String)]) -> usize {
    let mut set = 0;
    let mut dates: Vec<(QuestionId, [String; 3])> = Vec::new();
    for (name, value) in fields {
        let Some((q, part)) = question_of(name) else {
            continue;
        };
        let answer = match q.question().kind {
            AnswerKind::ShortText | AnswerKind::LongText if !value.is_empty() => {
                Answer::Text(value.clone())
            }
            AnswerKind::Date => {
                let slot = match dates.iter().position(|(d, _)| *d == q) {
                    Some(i) => i,
                    None => {
                        dates.push((q, Default::default()));
                        dates.len() - 1
                    }
                };
                let index = match part {
                    DatePart::Day => 0,
                    DatePart::Month => 1,
                    DatePart::Year => 2,
                };
                dates[slot].1[index] = value.clone();
                continue;
            }
            AnswerKind::YesNo => match YesNo::from_key(value) {
                Some(y) => Answer::YesNo(y),
                None => continue,
            },
            AnswerKind::Single(options) => match option_of(options, value) {
                Some(key) => Answer::Choice(key),
                None => continue,
            },
            AnswerKind::Multiple(options) => {
                let Some(key) = option_of(options, value) else {
                    continue;
                };
                let mut keys = match assessment.answers.get(q) {
                    Some(Answer::Choices(keys)) => keys.clone(),
                    _ => Vec::new(),
                };
                if keys.contains(&key) {
                    continue;
                }
                keys.push(key);
                Answer::Choices(keys)
            }
            _ => continue,
        };
        assessment.answers.set(q, answer);
        set += 1;
    }
    for (q, [day, month, year]) in dates {
        let spelled = Date::spell(&day, &month, &year);
        if !spelled.is_empty() {
            assessment.answers.set(q, Answer::Text(spelled));
            set += 1;
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, value: &str) -> (String, String) {
        (name.to_string(), value.to_string())
    }

    #[test]
    fn what_was_typed_on_the_first_page_becomes_the_answers() {
        let mut a = Assessment::new("x");
        let set = apply(
            &mut a,
            &[
                field("about.title", "Staff CCTV"),
                field("about.description", "Cameras at the depot"),
                field("q-about-people", "employees"),
                field("q-about-people", "public"),
                field("q-about-scale", "under-100"),
                field("q-about-started", "no"),
                field("q-about-start-date", "7"),
                field("q-about-start-date-month", "3"),
                field("q-about-start-date-year", "2027"),
                field("about.organisation", ""),
            ],
        );
        assert_eq!(set, 7);
        assert_eq!(a.title(), "Staff CCTV");
        assert_eq!(
            a.answers.get(QuestionId::AboutPeople),
            Some(&Answer::Choices(vec!["employees".into(), "public".into()]))
        );
        assert_eq!(
            a.answers.get(QuestionId::AboutStartDate),
            Some(&Answer::Text("2027-3-7".into()))
        );
        assert!(a.answers.get(QuestionId::AboutOrganisation).is_none());
    }

    #[test]
    fn anything_the_bank_does_not_know_is_ignored() {
        let mut a = Assessment::new("x");
        let set = apply(
            &mut a,
            &[
                field("no.such", "x"),
                field("q-about-people", "aliens"),
                field("q-about-started", "perhaps"),
                field("q-about-scale", "<script>"),
                field("lia-import-file", "C:\\fakepath\\x.json"),
            ],
        );
        assert_eq!(set, 0);
        assert!(a.answers.is_empty());
    }
}
