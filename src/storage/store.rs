//! The store: saved assessments over any `KeyValue`, with optimistic concurrency so two
//! tabs never silently overwrite each other, and approved records kept read-only.
//!
//! Write order: the record first (it is the truth), then the index (a cache). If the
//! record cannot be written nothing has changed; if only the index cannot, the save has
//! still happened and the index is removed, to be rebuilt from the records.

use crate::vec_map::VecSet;

use super::error::{Conflict, StoreError, Theirs};
use super::index::{sort, Index, Lost, Summary};
use super::keys::{Change, KeyKind, Namespace};
use super::kv::{stored_size, KeyValue, KvError};
use super::record::{decode, encode, Record};
use crate::assessment::model::{Assessment, Status};

/// Saved assessments in one namespace of a key-value storage.
#[derive(Debug)]
pub struct Store<K> {
    pub(super) kv: K,
    pub(super) ns: Namespace,
}

/// What a successful save wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub id: String,
    /// Pass it as `base_revision` to the next save.
    pub revision: u64,
    pub saved_at: f64,
}

/// What storage holds under one id.
// A record is the usual case, not the exception: boxing it would only add a step.
#[allow(clippy::large_enum_variant)]
pub(super) enum Current {
    Absent,
    Readable(Record),
    Damaged { raw: String, reason: String },
}

impl Current {
    pub(super) fn of(id: &str, raw: Option<String>) -> Current {
        match raw {
            None => Current::Absent,
            Some(raw) => match decode(id, &raw) {
                Ok(record) => Current::Readable(record),
                Err(why) => Current::Damaged {
                    raw,
                    reason: why.to_string(),
                },
            },
        }
    }
}

impl<K: KeyValue> Store<K> {
    /// A store in the default namespace, `lia`.
    pub fn new(kv: K) -> Store<K> {
        Store::with_namespace(kv, Namespace::default())
    }

    pub fn with_namespace(kv: K, ns: Namespace) -> Store<K> {
        Store { kv, ns }
    }

    pub fn namespace(&self) -> &Namespace {
        &self.ns
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The storage itself, for what wraps it (the journal); records are written through
    /// the store's own operations.
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    pub fn into_kv(self) -> K {
        self.kv
    }

    /// The saved assessment with its revision. `NotFound` if there is none, `Damaged` if
    /// it cannot be read; `Unavailable`/`Failed` if storage cannot be read.
    pub fn load(&self, id: &str) -> Result<Record, StoreError> {
        match self.current(id)? {
            Current::Absent => Err(StoreError::NotFound { id: id.into() }),
            Current::Readable(record) => Ok(record),
            Current::Damaged { reason, .. } => Err(StoreError::Damaged {
                id: id.into(),
                reason,
            }),
        }
    }

    /// Saves `assessment` as revision `base_revision + 1` if storage still holds
    /// `base_revision` (`None`: nothing may be saved under its id yet).
    ///
    /// Fails, writing nothing, with `ReadOnly` if the stored record is approved,
    /// `Conflict` if storage holds anything else than `base_revision` (carrying what it
    /// holds), `Full` if there is no room, `Unavailable`/`Failed` if storage fails.
    pub fn save(
        &mut self,
        assessment: &Assessment,
        base_revision: Option<u64>,
        now_ms: f64,
    ) -> Result<Saved, StoreError> {
        let current = self.current(&assessment.id)?;
        refuse_approved(&assessment.id, &current)?;
        let expected = match (&current, base_revision) {
            (Current::Absent, None) => true,
            (Current::Readable(record), Some(base)) => record.revision == base,
            _ => false,
        };
        if !expected {
            return Err(conflict(&assessment.id, base_revision, current));
        }
        self.write(assessment, base_revision.unwrap_or(0) + 1, now_ms)
    }

    /// "Keep mine" after `conflict_seen` (the conflict a save of `mine` returned): saves
    /// `mine` over what the conflict showed was stored (a newer revision, nothing, or damaged text, which is first set aside
    /// unchanged). If storage has changed again since, this is a new `Conflict`; if it
    /// is approved, `ReadOnly`; otherwise the errors of `save`.
    pub fn keep_mine(
        &mut self,
        mine: &Assessment,
        conflict_seen: &Conflict,
        now_ms: f64,
    ) -> Result<Saved, StoreError> {
        let current = self.current(&mine.id)?;
        refuse_approved(&mine.id, &current)?;
        let unchanged = match (&conflict_seen.theirs, &current) {
            (Theirs::Changed(seen), Current::Readable(now)) => seen.revision == now.revision,
            (Theirs::Deleted, Current::Absent) => true,
            (Theirs::Damaged { raw: seen, .. }, Current::Damaged { raw: now, .. }) => seen == now,
            _ => false,
        };
        if !unchanged || conflict_seen.id != mine.id {
            return Err(conflict(&mine.id, conflict_seen.base_revision, current));
        }
        let base = conflict_seen.base_revision.unwrap_or(0);
        // Never reuse a revision: a tab still holding an old one must get a conflict.
        let revision = base.max(conflict_seen.stored_revision().unwrap_or(0)) + 1;
        if let Current::Damaged { raw, reason } = current {
            let title = self.damaged_title(&mine.id, &raw);
            self.set_aside(&mine.id, &raw, &reason, title, now_ms)?;
        }
        self.write(mine, revision, now_ms)
    }

    /// The start page's summaries, most recently saved first, from the index. Records
    /// the index does not list are read and added, entries whose record is gone are
    /// dropped, and the index is stored again if that changed it (and there is room).
    /// Records that cannot be read are left out: `open` reports them.
    pub fn list(&mut self) -> Result<Vec<Summary>, StoreError> {
        let (mut index, changed) = self.reconciled_index()?;
        if changed {
            self.write_index(&mut index);
        }
        Ok(index.summaries)
    }

    /// Bytes this namespace takes in storage, counted as browsers count them.
    pub fn usage(&self) -> Result<u64, StoreError> {
        let mut total = 0;
        for (key, _) in self.keys_here()? {
            if let Some(value) = self.kv.get_stored(&key).map_err(|e| self.kv_error(e))? {
                total += stored_size(&key, &value);
            }
        }
        Ok(total)
    }

    /// What a `storage` event's key means for this store (see `Namespace::change`).
    pub fn change(&self, key: Option<&str>) -> Option<Change> {
        self.ns.change(key)
    }

    pub(super) fn current(&self, id: &str) -> Result<Current, StoreError> {
        Ok(Current::of(id, self.raw(id)?))
    }

    /// The record's text under `id`, as read (opened, with a passphrase).
    pub(super) fn raw(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.kv
            .get(&self.ns.record_key(id))
            .map_err(|e| self.kv_error(e))
    }

    /// What the index notes as lost: records missing or older than when last saved.
    pub fn lost(&self) -> Result<Vec<Lost>, StoreError> {
        Ok(self.stored_index()?.map(|i| i.lost).unwrap_or_default())
    }

    /// The user has seen what was lost: the notes are dropped.
    pub fn forget_lost(&mut self) {
        self.update_index(|index| index.lost.clear());
    }

    /// Writes the record, then brings the index up to date.
    pub(super) fn write(
        &mut self,
        assessment: &Assessment,
        revision: u64,
        now_ms: f64,
    ) -> Result<Saved, StoreError> {
        let saved_at = if now_ms.is_finite() { now_ms } else { 0.0 };
        let raw = encode(assessment, revision, saved_at);
        self.kv
            .set(&self.ns.record_key(&assessment.id), &raw)
            .map_err(|e| self.kv_error(e))?;
        let summary = Summary::new(assessment, revision, saved_at).with_digest(&raw);
        // Saved by this tool again: whatever was noted lost of it is seen to.
        self.update_index(|index| {
            index.lost.retain(|l| l.id != summary.id);
            index.upsert(summary);
        });
        Ok(Saved {
            id: assessment.id.clone(),
            revision,
            saved_at,
        })
    }

    /// The stored index, `None` if it is missing or must be rebuilt.
    pub(super) fn stored_index(&self) -> Result<Option<Index>, StoreError> {
        let raw = self
            .kv
            .get(&self.ns.index_key())
            .map_err(|e| self.kv_error(e))?;
        Ok(raw.as_deref().and_then(Index::decode))
    }

    /// The stored index brought in line with the records that exist (a missing or
    /// damaged one is rebuilt from them), and whether that changed it. A record it lists
    /// that is gone is noted as lost: this tool takes a record out of the index before
    /// deleting it, so only something else deletes one the index still lists.
    pub(super) fn reconciled_index(&self) -> Result<(Index, bool), StoreError> {
        let stored = self.stored_index()?;
        let mut index = stored.clone().unwrap_or_default();
        let ids: VecSet<String> = self
            .keys_here()?
            .into_iter()
            .filter_map(|(_, kind)| match kind {
                KeyKind::Record(id) => Some(id),
                _ => None,
            })
            .collect();
        let (kept, gone): (Vec<Summary>, Vec<Summary>) = std::mem::take(&mut index.summaries)
            .into_iter()
            .partition(|s| ids.contains(&s.id));
        index.summaries = kept;
        for s in gone {
            index.lose(Lost {
                id: s.id,
                title: s.title,
                revision: s.revision,
                found: None,
            });
        }
        index.unreadable.retain(|id, _| ids.contains(id));
        for id in &ids {
            if !index.knows(id) {
                let raw = self.raw(id)?;
                if let Current::Readable(record) = Current::of(id, raw.clone()) {
                    let summary = Summary::of(&record);
                    index.upsert(match &raw {
                        Some(raw) => summary.with_digest(raw),
                        None => summary,
                    });
                }
            }
        }
        sort(&mut index.summaries);
        let changed = stored.as_ref() != Some(&index);
        Ok((index, changed))
    }

    /// Applies a change to the index, reconciling it with the records first.
    pub(super) fn update_index(&mut self, change: impl FnOnce(&mut Index)) {
        match self.reconciled_index() {
            Ok((mut index, _)) => {
                change(&mut index);
                self.write_index(&mut index);
            }
            Err(_) => {
                let _ = self.kv.remove(&self.ns.index_key());
            }
        }
    }

    /// Stores the index; if that fails, removes it (which needs no space), since no
    /// index is better than a stale one.
    pub(super) fn write_index(&mut self, index: &mut Index) {
        sort(&mut index.summaries);
        let key = self.ns.index_key();
        if self.kv.set(&key, &index.encode()).is_err() {
            let _ = self.kv.remove(&key);
        }
    }

    /// This namespace's keys, with what each is; other namespaces' keys are never listed.
    pub(super) fn keys_here(&self) -> Result<Vec<(String, KeyKind)>, StoreError> {
        let keys = self.kv.keys().map_err(|e| self.kv_error(e))?;
        Ok(keys
            .into_iter()
            .filter_map(|key| {
                let kind = self.ns.kind(&key)?;
                Some((key, kind))
            })
            .collect())
    }

    pub(super) fn kv_error(&self, error: KvError) -> StoreError {
        match error {
            KvError::QuotaExceeded => StoreError::Full {
                used_bytes: self.usage().ok(),
            },
            KvError::Unavailable(why) => StoreError::Unavailable(why),
            KvError::Other(why) => StoreError::Failed(why),
        }
    }
}

fn refuse_approved(id: &str, current: &Current) -> Result<(), StoreError> {
    match current {
        Current::Readable(record) if record.assessment.status == Status::Approved => {
            Err(StoreError::ReadOnly { id: id.into() })
        }
        _ => Ok(()),
    }
}

pub(super) fn conflict(id: &str, base_revision: Option<u64>, current: Current) -> StoreError {
    let theirs = match current {
        Current::Absent => Theirs::Deleted,
        Current::Readable(record) => Theirs::Changed(record),
        Current::Damaged { raw, reason } => Theirs::Damaged { reason, raw },
    };
    StoreError::Conflict(Box::new(Conflict {
        id: id.into(),
        base_revision,
        theirs,
    }))
}
