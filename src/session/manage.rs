//! The start page's actions on saved assessments: delete with undo, rename, duplicate,
//! and the damaged records set aside (their text downloaded, or discarded).

use super::Session;
use crate::assessment::QuestionId;
use crate::storage::{KeyValue, StoreError};

impl<K: KeyValue> Session<K> {
    /// Deletes a saved assessment; it can be restored (`undo_delete`) for as long as the
    /// session lasts. The space freed may let a waiting save go through, so it is tried.
    pub fn delete(&mut self, id: &str, now: f64) -> Result<(), StoreError> {
        let deleted = self.store.delete(id)?;
        self.deleted.insert(0, deleted);
        self.refresh_lists();
        self.save_now(now);
        Ok(())
    }

    /// Puts a deleted assessment back, byte for byte.
    pub fn undo_delete(&mut self, id: &str) -> Result<(), StoreError> {
        let Some(position) = self.deleted.iter().position(|d| d.id() == id) else {
            return Ok(());
        };
        self.store.restore(&self.deleted[position])?;
        self.deleted.remove(position);
        self.refresh_lists();
        Ok(())
    }

    /// Renames a saved assessment. The open one is renamed as an edit of it, so its
    /// unsaved changes and the revision it is based on stay consistent.
    pub fn rename(&mut self, id: &str, title: &str, now: f64) -> Result<(), StoreError> {
        let title = title.trim();
        if self.open.as_ref().is_some_and(|a| a.id == id) {
            if self.open.as_ref().is_some_and(|a| a.is_read_only()) {
                return Err(StoreError::ReadOnly { id: id.into() });
            }
            self.edit(
                |a| {
                    a.set_text(QuestionId::AboutTitle, title);
                },
                now,
            );
            self.save_now(now);
            return match &self.status {
                super::SaveStatus::NotSaved(super::Problem::Store(e)) => Err(e.clone()),
                _ => Ok(()),
            };
        }
        self.store.rename(id, title, now)?;
        self.refresh_lists();
        Ok(())
    }

    /// Saves a copy of a saved assessment under `new_id` (version 1, a draft).
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: f64) -> Result<(), StoreError> {
        self.store.duplicate(id, new_id, now)?;
        self.refresh_lists();
        Ok(())
    }

    /// The text of a damaged record that was set aside, exactly as it was stored.
    pub fn damaged_text(&self, key: &str) -> Result<String, StoreError> {
        self.store.raw_text(key)
    }

    /// Discards a damaged record that was set aside.
    pub fn discard_damaged(&mut self, key: &str) -> Result<(), StoreError> {
        self.store.discard_quarantined(key)?;
        self.refresh_lists();
        Ok(())
    }
}
