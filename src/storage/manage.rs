//! Managing saved assessments from the start page: rename, duplicate, delete with undo.

use super::error::StoreError;
use super::index::{title_of, Summary};
use super::kv::KeyValue;
use super::record::{decode, Record};
use super::store::{conflict, Current, Saved, Store};
use crate::assessment::model::{Assessment, Status};
use crate::assessment::QuestionId;

/// A deleted record, exactly as it was stored, so `restore` can undo the deletion. The UI
/// keeps it in memory until the next page load.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    id: String,
    title: Option<String>,
    raw: String,
}

impl Deleted {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its title, if it had one (and could be read).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The stored text, byte for byte.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl<K: KeyValue> Store<K> {
    /// Sets the `about.title` answer of the latest saved revision (an empty title clears
    /// it) and saves it as the next revision. `NotFound`, `Damaged`, `ReadOnly` if
    /// approved, or the write errors of `save`.
    pub fn rename(&mut self, id: &str, title: &str, now_ms: f64) -> Result<Saved, StoreError> {
        let record = self.load(id)?;
        if record.assessment.status == Status::Approved {
            return Err(StoreError::ReadOnly { id: id.into() });
        }
        let mut assessment = record.assessment;
        assessment.set_text(QuestionId::AboutTitle, title.trim());
        self.write(&assessment, record.revision + 1, now_ms)
    }

    /// Saves a copy of the latest saved revision of `id` under `new_id`: version 1, a
    /// draft, not a review of anything, not sent for approval; every answer, impact and log
    /// entry kept. Returns
    /// the copy. `NotFound`/`Damaged` for the source, `Conflict` if `new_id` is taken, or
    /// the write errors of `save`.
    pub fn duplicate(&mut self, id: &str, new_id: &str, now_ms: f64) -> Result<Record, StoreError> {
        let mut copy: Assessment = self.load(id)?.assessment;
        copy.id = new_id.to_string();
        copy.version = 1;
        copy.status = Status::Draft;
        copy.review_of = None;
        copy.reviewed = None;
        // A copy has not been sent for approval: the hand-over was the original's.
        copy.handover.clear();
        let saved = self.save(&copy, None, now_ms)?;
        Ok(Record {
            assessment: copy,
            revision: saved.revision,
            saved_at: saved.saved_at,
        })
    }

    /// Deletes the record (approved or not, readable or not) and returns it exactly as it
    /// was stored, for undo. `NotFound` if there is none.
    pub fn delete(&mut self, id: &str) -> Result<Deleted, StoreError> {
        let key = self.ns.record_key(id);
        let raw = self
            .kv
            .get(&key)
            .map_err(|e| self.kv_error(e))?
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let title = decode(id, &raw)
            .ok()
            .and_then(|record| title_of(&record.assessment));
        // Out of the index first: a record the index lists is missing only if something
        // else deleted it (see `Store::reconciled_index`).
        self.update_index(|index| index.forget(id));
        self.kv.remove(&key).map_err(|e| self.kv_error(e))?;
        Ok(Deleted {
            id: id.into(),
            title,
            raw,
        })
    }

    /// Undoes a deletion: puts the record back byte for byte, with its revision. Nothing
    /// to do if it is already back; `Conflict` if something else has been saved under
    /// its id since; `Full` (keep the `Deleted` and retry) or the other write errors.
    pub fn restore(&mut self, deleted: &Deleted) -> Result<(), StoreError> {
        let key = self.ns.record_key(&deleted.id);
        if let Some(raw) = self.kv.get(&key).map_err(|e| self.kv_error(e))? {
            if raw == deleted.raw {
                return Ok(());
            }
            let current = Current::of(&deleted.id, Some(raw));
            return Err(conflict(&deleted.id, None, current));
        }
        self.kv
            .set(&key, &deleted.raw)
            .map_err(|e| self.kv_error(e))?;
        if let Ok(record) = decode(&deleted.id, &deleted.raw) {
            let summary = Summary::of(&record).with_digest(&deleted.raw);
            self.update_index(|index| index.upsert(summary));
        }
        Ok(())
    }
}
