//! Records that cannot be read are set aside, never lost: their raw text moves byte for
//! byte to a quarantine key, and only the user's explicit discard ever removes it. If it
//! cannot be moved (storage full or blocked), it stays where it is, untouched.

#[cfg(test)]
use serde::{Deserialize, Serialize};

use crate::assessment::json_write::Writer;
use crate::assessment::read::{members, number, option, require, text, Fields};
use crate::assessment::strict_json;

use super::error::StoreError;
use super::keys::KeyKind;
use super::kv::KeyValue;
use super::record::{decode, title_in_raw};
use super::store::{Current, Store};

/// A saved assessment that could not be read, for the user to download or discard.
#[derive(Clone, Debug, PartialEq)]
pub struct DamagedRecord {
    pub id: String,
    /// Its title, if the index or its own text still shows one.
    pub title: Option<String>,
    /// Why it could not be read, completing "… could not be opened: ".
    pub reason: String,
    /// The key holding its raw text now: pass it to `raw_text` and `discard_quarantined`.
    pub key: String,
    pub state: DamagedState,
    /// When it was set aside (milliseconds since the Unix epoch), if known.
    pub set_aside_at: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DamagedState {
    /// Found and set aside by this `open`.
    SetAsideNow,
    /// Set aside earlier, and kept until the user discards it.
    SetAsideEarlier,
    /// Could not be moved aside (the error says why): still under its own key, unchanged,
    /// and reported again at every `open` until it can be.
    LeftInPlace(StoreError),
}

impl DamagedRecord {
    /// How to name it to the user: its title, or failing that its id.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// A plain sentence for the start page.
    pub fn message(&self) -> String {
        let opening = format!("“{}” could not be opened: {}.", self.name(), self.reason);
        match &self.state {
            DamagedState::SetAsideNow | DamagedState::SetAsideEarlier => format!(
                "{opening} Its saved text has been kept exactly as it was: download it to recover what you can, then discard it."
            ),
            DamagedState::LeftInPlace(why) => {
                let why = match why {
                    StoreError::Full { .. } => "this browser's storage for this tool is full",
                    StoreError::Unavailable(_) => "this browser's storage is not available",
                    _ => "this browser's storage reported a problem",
                };
                format!(
                    "{opening} Its saved text has been left exactly as it was, because it could not be moved aside ({why}). Download it to recover what you can."
                )
            }
        }
    }
}

/// Kept beside the set-aside text, so the user can still be told which assessment it was.
/// Written and read by hand (`encode`, `decode`); the serde derives are the native
/// tests' reference.
#[cfg_attr(test, derive(Serialize, Deserialize, Debug, PartialEq))]
struct Note {
    #[cfg_attr(test, serde(default))]
    title: Option<String>,
    reason: String,
    #[cfg_attr(test, serde(serialize_with = "super::record::serialize_ms"))]
    set_aside_at: f64,
}

const NOTE_FIELDS: Fields = &["title", "reason", "set_aside_at"];

impl Note {
    /// As serde's derive wrote it: every field, a missing title as `null`.
    fn encode(&self) -> String {
        let mut w = Writer::compact();
        w.open('{');
        w.key(NOTE_FIELDS[0]);
        match &self.title {
            Some(title) => w.string(title),
            None => w.null(),
        }
        w.key(NOTE_FIELDS[1]);
        w.string(&self.reason);
        w.key(NOTE_FIELDS[2]);
        w.number(super::record::whole_ms(self.set_aside_at));
        w.close('}');
        w.finish()
    }

    /// As the derive read it (other fields passed over), except that a key given twice
    /// is refused.
    fn decode(raw: &str) -> Option<Note> {
        let mut note = Note {
            title: None,
            reason: String::new(),
            set_aside_at: 0.0,
        };
        let seen = members(
            strict_json::from_str(raw).ok()?,
            NOTE_FIELDS,
            &mut |i, v| {
                match i {
                    0 => note.title = option(v, text)?,
                    1 => note.reason = text(v)?,
                    _ => note.set_aside_at = number(v)?,
                }
                Ok(())
            },
        )
        .ok()?;
        require(seen, NOTE_FIELDS, 0b110).ok()?;
        Some(note)
    }
}

impl<K: KeyValue> Store<K> {
    /// Every record set aside so far (by id, oldest first), each `SetAsideEarlier`.
    pub fn quarantined(&self) -> Result<Vec<DamagedRecord>, StoreError> {
        let mut found = Vec::new();
        for (key, kind) in self.keys_here()? {
            let KeyKind::Quarantine { id, n } = kind else {
                continue;
            };
            let Some(raw) = self.kv.get(&key).map_err(|e| self.kv_error(e))? else {
                continue;
            };
            let note = self
                .kv
                .get(&self.ns.note_key(&id, n))
                .ok()
                .flatten()
                .and_then(|text| Note::decode(&text));
            let (title, reason, set_aside_at) = match note {
                Some(note) => (note.title, note.reason, Some(note.set_aside_at)),
                None => (
                    title_in_raw(&raw),
                    decode(&id, &raw)
                        .err()
                        .map(|why| why.to_string())
                        .unwrap_or_else(|| "it could not be read when it was set aside".into()),
                    None,
                ),
            };
            found.push((
                n,
                DamagedRecord {
                    id,
                    title,
                    reason,
                    key,
                    state: DamagedState::SetAsideEarlier,
                    set_aside_at,
                },
            ));
        }
        crate::sort::sort_by(&mut found, |(n, a), (m, b)| a.id.cmp(&b.id).then(n.cmp(m)));
        Ok(found.into_iter().map(|(_, record)| record).collect())
    }

    /// The raw text of a set-aside record, or of a record left in place, byte for byte,
    /// for download. `NotSetAside` if `key` is neither (or is gone).
    pub fn raw_text(&self, key: &str) -> Result<String, StoreError> {
        let not_set_aside = || StoreError::NotSetAside { key: key.into() };
        match self.ns.kind(key) {
            Some(KeyKind::Quarantine { .. } | KeyKind::Record(_)) => self
                .kv
                .get(key)
                .map_err(|e| self.kv_error(e))?
                .ok_or_else(not_set_aside),
            _ => Err(not_set_aside()),
        }
    }

    /// Deletes a set-aside text for good, at the user's explicit request. Also takes the
    /// key of a record left in place, as long as it still cannot be read. Nothing to do
    /// if it is already gone; `NotSetAside` (and nothing removed) for any other key.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), StoreError> {
        match self.ns.kind(key) {
            Some(KeyKind::Quarantine { id, n }) => {
                // The note first: if the text's removal then fails, it is still listed.
                let note = self.ns.note_key(&id, n);
                self.kv.remove(&note).map_err(|e| self.kv_error(e))?;
                self.kv.remove(key).map_err(|e| self.kv_error(e))
            }
            Some(KeyKind::Record(id)) => match self.current(&id)? {
                Current::Absent => Ok(()),
                Current::Damaged { .. } => {
                    self.update_index(|index| index.forget(&id));
                    self.kv.remove(key).map_err(|e| self.kv_error(e))
                }
                Current::Readable(_) => Err(StoreError::NotSetAside { key: key.into() }),
            },
            _ => Err(StoreError::NotSetAside { key: key.into() }),
        }
    }

    /// Moves a damaged record's raw text (`raw`, as the caller read it) to a quarantine
    /// key, with a note of its title and the reason, and returns that key. The text is
    /// copied by the storage itself (`KeyValue::copy`), so it is kept exactly even when it
    /// is not valid Unicode (binary garbage in localStorage), and the record is removed
    /// only once the copy compares identical; on any error it is still in place.
    pub(super) fn set_aside(
        &mut self,
        id: &str,
        raw: &str,
        reason: &str,
        title: Option<String>,
        now_ms: f64,
    ) -> Result<String, StoreError> {
        let record_key = self.ns.record_key(id);
        // Only what the caller judged damaged is moved, never a record saved since.
        if self
            .kv
            .get(&record_key)
            .map_err(|e| self.kv_error(e))?
            .as_deref()
            != Some(raw)
        {
            return Err(StoreError::Failed(
                "the record changed while it was being set aside".into(),
            ));
        }
        let mut highest = 0;
        for (key, kind) in self.keys_here()? {
            let KeyKind::Quarantine { id: other, n } = kind else {
                continue;
            };
            if other != id {
                continue;
            }
            highest = highest.max(n);
            // An earlier attempt copied it but could not remove the record: don't copy twice.
            if self
                .kv
                .same(&key, &record_key)
                .map_err(|e| self.kv_error(e))?
            {
                self.kv.remove(&record_key).map_err(|e| self.kv_error(e))?;
                return Ok(key);
            }
        }
        let n = highest + 1;
        let key = self.ns.quarantine_key(id, n);
        let note_key = self.ns.note_key(id, n);
        let note = Note {
            title,
            reason: reason.to_string(),
            set_aside_at: now_ms,
        };
        let note = note.encode();
        // The note first, so a set-aside text is never without its title; a note without
        // its text is only a note, and is taken back.
        self.kv
            .set(&note_key, &note)
            .map_err(|e| self.kv_error(e))?;
        match self.kv.copy(&record_key, &key) {
            Ok(true) => {}
            Ok(false) => {
                let _ = self.kv.remove(&note_key);
                return Err(StoreError::Failed(
                    "the record went while it was being set aside".into(),
                ));
            }
            Err(e) => {
                let _ = self.kv.remove(&note_key);
                return Err(self.kv_error(e));
            }
        }
        if !self
            .kv
            .same(&key, &record_key)
            .map_err(|e| self.kv_error(e))?
        {
            return Err(StoreError::Failed(
                "the set-aside copy did not read back the same".into(),
            ));
        }
        self.kv.remove(&record_key).map_err(|e| self.kv_error(e))?;
        Ok(key)
    }

    /// Keeps `text`, found elsewhere than under the record's key (a copy in the journal
    /// that does not open), aside as a damaged record of `id`, with the reason, so it is
    /// listed, can be downloaded, and is removed only when the user discards it.
    pub fn set_aside_text(
        &mut self,
        id: &str,
        text: &str,
        reason: &str,
        now_ms: f64,
    ) -> Result<(), StoreError> {
        let n = 1 + self
            .keys_here()?
            .into_iter()
            .filter_map(|(_, kind)| match kind {
                KeyKind::Quarantine { id: other, n } if other == id => Some(n),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let note = Note {
            title: self.damaged_title(id, ""),
            reason: reason.to_string(),
            set_aside_at: now_ms,
        };
        let note_key = self.ns.note_key(id, n);
        let note = note.encode();
        self.kv
            .set(&note_key, &note)
            .map_err(|e| self.kv_error(e))?;
        if let Err(e) = self.kv.set(&self.ns.quarantine_key(id, n), text) {
            let _ = self.kv.remove(&note_key);
            return Err(self.kv_error(e));
        }
        Ok(())
    }

    /// The title of a damaged record: from the index if it still knows it, otherwise
    /// from the damaged text if that still shows one.
    pub(super) fn damaged_title(&self, id: &str, raw: &str) -> Option<String> {
        let index = self.stored_index().ok().flatten();
        index
            .and_then(|index| index.title(id).map(String::from))
            .or_else(|| title_in_raw(raw))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(800))]

        /// Written as serde's derive wrote it, and read as it read it: whole, and with a
        /// field replaced, taken out or joined by one the note does not have.
        #[test]
        fn a_note_is_written_and_read_as_serde_did(
            title in proptest::option::of("\\PC{0,8}"),
            reason in "\\PC{0,12}",
            set_aside_at in prop_oneof![Just(f64::NAN), -1.0..2e12],
            damage in 0usize..3,
            at in 0usize..3,
            replacement in prop_oneof![
                Just(Value::Null), Just(json!(true)), Just(json!(-3)), Just(json!(2.5)),
                Just(json!("t")), Just(json!([])), Just(json!({}))
            ],
        ) {
            let note = Note { title, reason, set_aside_at };
            let text = note.encode();
            prop_assert_eq!(&text, &serde_json::to_string(&note).unwrap());
            let mut v: Value = serde_json::from_str(&text).unwrap();
            let key = NOTE_FIELDS[at];
            match damage {
                0 => v[key] = replacement,
                1 => { v.as_object_mut().unwrap().remove(key); }
                _ => v["extra"] = replacement,
            }
            for text in [text, v.to_string()] {
                prop_assert_eq!(Note::decode(&text), serde_json::from_str::<Note>(&text).ok(), "{}", text);
            }
        }
    }
}
