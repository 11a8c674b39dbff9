//! The saved assessments, as the interface sees them. For now they live in memory
//! only; the localStorage-backed store replaces this (issue 5).

use crate::assessment::{Assessment, Date, QuestionId, Status};

/// One line of the start page's list.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub version: u32,
    pub saved_at: f64,
    pub review_due: Option<Date>,
}

#[derive(Default)]
pub struct Library {
    items: Vec<(Assessment, f64)>,
}

impl Library {
    pub fn summaries(&self) -> Vec<Summary> {
        let mut list: Vec<Summary> = self
            .items
            .iter()
            .map(|(a, saved_at)| Summary {
                id: a.id.clone(),
                title: a.title().to_string(),
                status: a.status,
                version: a.version,
                saved_at: *saved_at,
                review_due: match a.answers.get(QuestionId::SignOffReviewDate) {
                    Some(crate::assessment::Answer::Text(t)) => Date::parse(t),
                    _ => None,
                },
            })
            .collect();
        list.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        list
    }

    pub fn load(&self, id: &str) -> Option<Assessment> {
        self.items
            .iter()
            .find(|(a, _)| a.id == id)
            .map(|(a, _)| a.clone())
    }

    pub fn save(&mut self, assessment: &Assessment, now_ms: f64) {
        match self.items.iter_mut().find(|(a, _)| a.id == assessment.id) {
            Some(slot) => *slot = (assessment.clone(), now_ms),
            None => self.items.push((assessment.clone(), now_ms)),
        }
    }
}
