//! How an answer reads in a summary (check answers, the HTML report): option labels
//! rather than keys, dates in the long UK form, nothing at all when unanswered.

use super::date::Date;
use super::model::Answer;
use super::questions::{AnswerKind, QuestionId};

/// An answer ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// No answer ("Not provided").
    Empty,
    /// Text to show as written (line breaks kept).
    Text(String),
    /// The labels of the options chosen.
    List(Vec<&'static str>),
    /// No answer of the user's own, but earlier answers suggest this one (not confirmed).
    Suggested(&'static str),
}

pub fn show(q: QuestionId, answer: Option<&Answer>) -> Shown {
    let question = q.question();
    match answer {
        None => Shown::Empty,
        Some(Answer::Text(t)) if t.trim().is_empty() => Shown::Empty,
        Some(Answer::Text(t)) if matches!(question.kind, AnswerKind::Date) => {
            Shown::Text(Date::parse(t).map_or_else(|| t.trim().to_string(), Date::long))
        }
        Some(Answer::Text(t)) => Shown::Text(t.clone()),
        Some(Answer::YesNo(y)) => Shown::Text(y.label().to_string()),
        Some(Answer::Choice(key)) => Shown::Text(
            question
                .choice(key)
                .map_or(key.as_str(), |c| c.label)
                .to_string(),
        ),
        Some(Answer::Choices(keys)) => Shown::List(
            keys.iter()
                .filter_map(|k| question.choice(k).map(|c| c.label))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::YesNo;

    #[test]
    fn shows_labels_dates_and_nothing() {
        use QuestionId as Q;
        assert_eq!(show(Q::PurposeWhy, None), Shown::Empty);
        assert_eq!(
            show(Q::PurposeWhy, Some(&Answer::Text("  ".into()))),
            Shown::Empty
        );
        assert_eq!(
            show(Q::SignOffReviewDate, Some(&Answer::Text("2027-3-5".into()))),
            Shown::Text("5 March 2027".into())
        );
        assert_eq!(
            show(Q::SignOffReviewDate, Some(&Answer::Text("2027--5".into()))),
            Shown::Text("2027--5".into())
        );
        assert_eq!(
            show(Q::NatureSpecial, Some(&Answer::YesNo(YesNo::NotSure))),
            Shown::Text("Not sure".into())
        );
        assert_eq!(
            show(
                Q::TriagePurposeCategory,
                Some(&Answer::Choice("fraud-prevention".into()))
            ),
            Shown::Text("Preventing fraud".into())
        );
        assert_eq!(
            show(
                Q::AboutPeople,
                Some(&Answer::Choices(vec!["tenants".into(), "children".into()]))
            ),
            Shown::List(vec!["Tenants or residents", "Children (under 18)"])
        );
    }
}
