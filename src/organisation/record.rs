//! What a record made under settings carries of them (`assessment::organisation_answers`):
//! made here from the settings and the answers given, and read back as the answers the
//! organisation's findings are worked out from, with or without the settings at hand.

use super::checks::Answer;
use super::{Kind, Settings};
use crate::assessment::organisation_answers::{Chosen, OrgAnswer, OrgValue, OrganisationRecord};
use crate::assessment::questions::Section;
use crate::vec_map::VecMap;

/// The record of `answers` (by question or screening question id) made under `settings`:
/// their name, revision and digest, and each answer given with its question as asked, in
/// the settings' order (questions, then screening questions). An empty text is no
/// answer; an answer that does not fit its question (another kind, an option the
/// question does not have) or names no question of the settings is not recorded, as it
/// has no wording to record.
pub fn record_of(settings: &Settings, answers: &VecMap<String, Answer>) -> OrganisationRecord {
    let mut out = Vec::new();
    for q in &settings.questions {
        let value = match (&q.kind, answers.get(&q.id)) {
            (Kind::Text, Some(Answer::Text(t))) if !t.trim().is_empty() => {
                OrgValue::Text(t.clone())
            }
            (Kind::YesNo, Some(Answer::YesNo(y))) => OrgValue::YesNo(*y),
            (Kind::Choice(options), Some(Answer::Choice(id))) => {
                match options.iter().find(|(option, _)| option == id) {
                    Some((id, label)) => OrgValue::Choice(Chosen {
                        id: id.clone(),
                        label: label.clone(),
                    }),
                    None => continue,
                }
            }
            _ => continue,
        };
        out.push(OrgAnswer {
            id: q.id.clone(),
            section: q.section,
            label: q.label.clone(),
            value,
        });
    }
    for q in &settings.policy.screening {
        if let Some(Answer::YesNo(y)) = answers.get(&q.id) {
            out.push(OrgAnswer {
                id: q.id.clone(),
                section: Section::Dpia,
                label: q.label.clone(),
                value: OrgValue::YesNo(*y),
            });
        }
    }
    OrganisationRecord {
        name: settings.name.clone(),
        revision: settings.revision.clone(),
        digest: settings.digest.clone(),
        answers: out,
        dpo_contact: settings.defaults.dpo_contact.clone(),
        privacy_notice_title: settings.defaults.privacy_notice_title.clone(),
        privacy_notice_url: settings.defaults.privacy_notice_url.clone(),
    }
}

/// The answers a record holds, by id, as `Facts::answers` takes them: so the findings of
/// the settings it was made under can be worked out from the record alone.
pub fn answers_of(record: &OrganisationRecord) -> VecMap<String, Answer> {
    record
        .answers
        .iter()
        .map(|a| {
            let answer = match &a.value {
                OrgValue::Text(t) => Answer::Text(t.clone()),
                OrgValue::YesNo(y) => Answer::YesNo(*y),
                OrgValue::Choice(c) => Answer::Choice(c.id.clone()),
            };
            (a.id.clone(), answer)
        })
        .collect()
}

/// Whether `record` was made under these very settings (the same digest: the same
/// content, however laid out).
pub fn made_under(record: &OrganisationRecord, settings: &Settings) -> bool {
    record.digest == settings.digest
}
