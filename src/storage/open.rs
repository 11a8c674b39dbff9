//! Start-up: read everything in the namespace, set aside what cannot be read, bring the
//! index up to date, and report. A damaged record never stops the app. What the index
//! said was saved is checked against what is there: a record missing, or older than
//! when it was last saved, is noted as lost (`Lost`) until the user has seen it.

use crate::vec_map::{VecMap, VecSet};

use super::error::StoreError;
use super::index::{sort, Index, Lost, Summary};
use super::keys::KeyKind;
use super::kv::KeyValue;
use super::quarantine::{DamagedRecord, DamagedState};
use super::record::{decode, title_in_raw};
use super::store::Store;

/// What `open` found.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// Every readable assessment, most recently saved first.
    pub summaries: Vec<Summary>,
    /// Every record that could not be read: set aside now, set aside earlier and not yet
    /// discarded, or left in place because it could not be moved.
    pub damaged: Vec<DamagedRecord>,
    /// The stored index was missing, damaged or stale, and has been rewritten (or, with
    /// no room for it, removed).
    pub index_repaired: bool,
    /// Records missing or older than when they were last saved here.
    pub lost: Vec<Lost>,
}

impl<K: KeyValue> Store<K> {
    /// Reads every record of the namespace. Fails only if storage cannot be read at all
    /// (`Unavailable`, `Failed`); damaged records are reported in `Opened::damaged`.
    pub fn open(&mut self, now_ms: f64) -> Result<Opened, StoreError> {
        let stored_index = self
            .kv
            .get(&self.ns.index_key())
            .map_err(|e| self.kv_error(e))?;
        let known = stored_index
            .as_deref()
            .and_then(Index::decode)
            .unwrap_or_default();
        let mut summaries = Vec::new();
        let mut unreadable = VecMap::new();
        let mut left_in_place = Vec::new();
        let mut set_aside_now = VecSet::new();
        let mut damaged_ids = VecSet::new();
        for (key, kind) in self.keys_here()? {
            let KeyKind::Record(id) = kind else {
                continue;
            };
            let Some(raw) = self.kv.get(&key).map_err(|e| self.kv_error(e))? else {
                continue;
            };
            match decode(&id, &raw) {
                Ok(record) => summaries.push(Summary::of(&record).with_digest(&raw)),
                Err(why) => {
                    damaged_ids.insert(id.clone());
                    let reason = why.to_string();
                    let indexed_title = known.title(&id).map(String::from);
                    let title = indexed_title.clone().or_else(|| title_in_raw(&raw));
                    match self.set_aside(&id, &raw, &reason, title.clone(), now_ms) {
                        Ok(quarantine_key) => {
                            set_aside_now.insert(quarantine_key);
                        }
                        Err(why) => {
                            // Remembered, so that it is still named by title next time.
                            if let Some(title) = indexed_title {
                                unreadable.insert(id.clone(), title);
                            }
                            left_in_place.push(DamagedRecord {
                                id,
                                title,
                                reason,
                                key,
                                state: DamagedState::LeftInPlace(why),
                                set_aside_at: None,
                            });
                        }
                    }
                }
            }
        }
        sort(&mut summaries);
        let mut index = Index {
            summaries,
            unreadable,
            lost: known.lost.clone(),
        };
        // The witness: each record the index said was saved, against what is there.
        for said in known
            .summaries
            .iter()
            .filter(|s| !damaged_ids.contains(&s.id))
        {
            let found = match index.summaries.iter().find(|s| s.id == said.id) {
                None => None,
                Some(now)
                    if now.revision < said.revision
                        || (now.revision == said.revision
                            && said.digest.is_some()
                            && now.digest != said.digest) =>
                {
                    Some(now.revision)
                }
                Some(_) => continue,
            };
            index.lose(Lost {
                id: said.id.clone(),
                title: said.title.clone(),
                revision: said.revision,
                found,
            });
        }
        // Back at the revision last saved, or later (the journal's copy put back).
        let summaries = &index.summaries;
        index.lost.retain_mut(|l| {
            let now = summaries.iter().find(|s| s.id == l.id);
            if let Some(now) = now {
                if now.revision > l.revision
                    || (now.revision == l.revision && l.found != Some(now.revision))
                {
                    return false;
                }
            }
            l.found = now.map(|s| s.revision);
            true
        });
        let index_repaired = stored_index.as_deref() != Some(index.encode().as_str());
        if index_repaired {
            self.write_index(&mut index);
        }
        let mut damaged = left_in_place;
        for mut record in self.quarantined()? {
            if set_aside_now.contains(&record.key) {
                record.state = DamagedState::SetAsideNow;
            }
            damaged.push(record);
        }
        Ok(Opened {
            summaries: index.summaries,
            damaged,
            index_repaired,
            lost: index.lost,
        })
    }
}
