//! A passphrase for what this tool keeps (see `storage/seal.rs`): setting one seals every
//! saved assessment; with one set, nothing is read until it is given; a wrong one
//! changes nothing; removing it keeps everything, in clear again. What another page
//! planted in storage does not open, so it is set aside, never listed. Every sealed
//! value carries how its key is derived, so a lock deleted (or replaced) by another page
//! loses nothing: the passphrase still opens them, and the lock is written again.

use std::fmt;

use super::{Notice, Session};
use crate::storage::seal::{Key, Lock, Params};
use crate::storage::{KeyValue, KvError, StoreError};

/// Whether what is saved is sealed with a passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// No passphrase: saved in clear.
    Off,
    /// A passphrase is set and not given yet: nothing can be read.
    Locked,
    /// A passphrase is set and given: what is saved is sealed and opened with it.
    On,
}

/// Why a passphrase could not be given, set or removed. Nothing was changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ProtectionError {
    /// It is not the passphrase these assessments were sealed with.
    Wrong,
    /// Empty, or too short to protect anything.
    TooShort,
    /// Storage would not take the change (full, blocked).
    Store(StoreError),
}

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

impl fmt::Display for ProtectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtectionError::Wrong => f.write_str(
                "That is not the passphrase these assessments were saved with. Nothing has been changed: try again.",
            ),
            ProtectionError::TooShort => write!(
                f,
                "Use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters: a few words are easier to remember than symbols."
            ),
            ProtectionError::Store(e) => write!(
                f,
                "Nothing has been changed, because this browser's storage would not take it: {e}"
            ),
        }
    }
}

impl<K: KeyValue> Session<K> {
    /// Reads whether a passphrase is set: there is a lock, or, the lock gone, everything
    /// this tool keeps is sealed in the form that says how to open it.
    pub(super) fn read_lock(&mut self) {
        if self.protection != super::Protection::Off {
            return;
        }
        let sealed = self.sealed_params();
        if self.stored_lock().is_some() || sealed.is_some_and(|p| !p.is_empty()) {
            self.protection = Protection::Locked;
        }
    }

    /// The key-derivation parameters of the values this tool seals, each with how many
    /// carry it; `None` if any such value is in clear or in the first form (which says
    /// nothing of its key).
    fn sealed_params(&self) -> Option<Vec<(usize, Params)>> {
        let ns = self.store.namespace();
        let kv = self.store.kv();
        let mut counts: Vec<(usize, Params)> = Vec::new();
        for key in kv.keys().ok()?.iter().filter(|k| ns.is_sealed_key(k)) {
            let params = Params::of(&kv.get_stored(key).ok()??)?;
            match counts.iter_mut().find(|(_, p)| *p == params) {
                Some((n, _)) => *n += 1,
                None => counts.push((1, params)),
            }
        }
        Some(counts)
    }

    /// The key `passphrase` gives with `params`, if it opens a value sealed with them.
    fn key_opening_values(&self, passphrase: &str, params: &Params) -> Option<Key> {
        let (iterations, salt) = params.parts()?;
        let key = Key::derive(passphrase, &salt, iterations);
        let ns = self.store.namespace();
        let kv = self.store.kv();
        let opens = kv
            .keys()
            .ok()?
            .iter()
            .filter(|k| ns.is_sealed_key(k))
            .any(|k| {
                kv.get_stored(k)
                    .ok()
                    .flatten()
                    .filter(|v| Params::of(v).as_ref() == Some(params))
                    .is_some_and(|v| key.open(k, &v).is_ok())
            });
        opens.then_some(key)
    }

    fn stored_lock(&self) -> Option<Lock> {
        let key = self.store.namespace().lock_key();
        let raw = self.store.kv().get_stored(&key).ok().flatten()?;
        Lock::decode(&raw)
    }

    /// Gives the passphrase: if it is right, everything saved can be read, and anything
    /// the journal kept while locked is put back. If not, nothing changes.
    pub fn unlock(&mut self, passphrase: &str, now: f64) -> Result<(), ProtectionError> {
        let lock_key = self.store.namespace().lock_key();
        let lock = self.stored_lock();
        let mut key = lock.as_ref().and_then(|l| l.unlock(passphrase, &lock_key));
        if key.is_none() {
            // The lock is gone or is not the one the values were sealed with: their own
            // parameters, the most used first (at most three sets tried, so planted ones
            // cannot stall it).
            let tried = lock.map(|l| l.params());
            let mut counts = self.sealed_params().unwrap_or_default();
            counts.retain(|(_, p)| Some(p) != tried.as_ref());
            for _ in 0..3 {
                let Some(most) = (0..counts.len()).max_by_key(|&i| counts[i].0) else {
                    break;
                };
                let (_, params) = counts.swap_remove(most);
                key = self.key_opening_values(passphrase, &params);
                if key.is_some() {
                    break;
                }
            }
            let key = key.as_ref().ok_or(ProtectionError::Wrong)?;
            let nonce = self.store.kv_mut().inner_mut().next_nonce();
            let _ = self
                .store
                .kv_mut()
                .set_stored(&lock_key, &Lock::of(key, &lock_key, nonce).encode());
        }
        self.store.kv_mut().inner_mut().set_key(key);
        self.protection = Protection::On;
        self.reseal_first_form();
        self.start_up();
        self.scan(now);
        let pending = std::mem::take(&mut self.pending_recovery);
        if !pending.is_empty() {
            self.recover(&pending, now);
        }
        Ok(())
    }

    /// Seals again, in the current form, what an earlier release sealed in the first
    /// (bound to its storage key only, and opening only with the lock).
    fn reseal_first_form(&mut self) {
        let ns = self.store.namespace().clone();
        let kv = self.store.kv_mut();
        for k in kv.keys().unwrap_or_default() {
            let first = kv
                .get_stored(&k)
                .ok()
                .flatten()
                .is_some_and(|v| v.starts_with("lia-sealed:1:"));
            if first && ns.is_sealed_key(&k) {
                if let Ok(Some(clear)) = kv.get(&k) {
                    if crate::storage::seal::Refusal::of(&clear).is_none() {
                        let _ = kv.set(&k, &clear);
                    }
                }
            }
        }
    }

    /// Seals everything saved with a new passphrase (`salt` must be random). With one
    /// already set, it is changed. All or nothing: if storage refuses any part,
    /// everything is put back as it was.
    pub fn set_passphrase(
        &mut self,
        passphrase: &str,
        salt: [u8; 16],
        now: f64,
    ) -> Result<(), ProtectionError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(ProtectionError::TooShort);
        }
        if self.protection == Protection::Locked {
            return Err(ProtectionError::Wrong);
        }
        self.save_now(now);
        let lock_key = self.store.namespace().lock_key();
        let nonce = self.store.kv_mut().inner_mut().next_nonce();
        let (lock, key) = Lock::create(passphrase, salt, self.kdf_iterations, &lock_key, nonce);
        self.reseal(Some(key), Some(lock))?;
        self.protection = Protection::On;
        self.notice = Some(Notice::PassphraseSet);
        self.refresh_lists();
        Ok(())
    }

    /// Removes the passphrase: everything saved is kept, in clear again.
    pub fn remove_passphrase(&mut self, now: f64) -> Result<(), ProtectionError> {
        if self.protection != Protection::On {
            return Err(ProtectionError::Wrong);
        }
        self.save_now(now);
        self.reseal(None, None)?;
        self.protection = Protection::Off;
        self.notice = Some(Notice::PassphraseRemoved);
        self.refresh_lists();
        Ok(())
    }

    /// Rewrites every value this tool keeps under the new key (`None`: in clear) and the
    /// lock (`None`: removed). On any failure, puts everything back and says why.
    fn reseal(
        &mut self,
        key: Option<crate::storage::seal::Key>,
        lock: Option<Lock>,
    ) -> Result<(), ProtectionError> {
        let ns = self.store.namespace().clone();
        let lock_key = ns.lock_key();
        // A settings file kept here that was refused is left as it is (`settings_file`).
        let settings_key = (!self.settings_accepted).then(|| ns.settings_key());
        let kv = self.store.kv_mut();
        let fail = |e: KvError| ProtectionError::Store(StoreError::Failed(e.to_string()));
        // Everything to rewrite, read in clear with the key in use now.
        let keys: Vec<String> = kv
            .keys()
            .map_err(fail)?
            .into_iter()
            .filter(|k| ns.is_sealed_key(k) && Some(k) != settings_key.as_ref())
            .collect();
        let mut values = Vec::new();
        for k in &keys {
            let Some(stored) = kv.get_stored(k).map_err(fail)? else {
                continue;
            };
            // What does not open now (planted, damaged) is left exactly as it is.
            let clear = kv.get(k).map_err(fail)?.unwrap_or_default();
            if crate::storage::seal::Refusal::of(&clear).is_none() {
                values.push((k.clone(), stored, clear));
            }
        }
        let old_lock = kv.get_stored(&lock_key).map_err(fail)?;
        let old_key = kv.inner_mut().take_key();
        kv.inner_mut().set_key(key);
        let mut result = Ok(());
        for (k, _, clear) in &values {
            if let Err(e) = kv.set(k, clear) {
                result = Err(e);
                break;
            }
        }
        if result.is_ok() {
            result = match &lock {
                Some(lock) => kv.set_stored(&lock_key, &lock.encode()),
                None => kv.remove(&lock_key),
            };
        }
        if let Err(e) = result {
            // Back as it was: each value as it was stored, the old lock, the old key.
            for (k, stored, _) in &values {
                let _ = kv.set_stored(k, stored);
            }
            let _ = match &old_lock {
                Some(raw) => kv.set_stored(&lock_key, raw),
                None => kv.remove(&lock_key),
            };
            kv.inner_mut().set_key(old_key);
            let _ = kv.take_notes();
            return Err(ProtectionError::Store(self.store_error(e)));
        }
        // The journal is written again from these values, under the new key (or in
        // clear): nothing sealed with the old one is left in it.
        self.journal_reset = true;
        Ok(())
    }

    pub(super) fn store_error(&self, e: KvError) -> StoreError {
        match e {
            KvError::QuotaExceeded => StoreError::Full {
                used_bytes: self.store.usage().ok(),
            },
            KvError::Unavailable(why) => StoreError::Unavailable(why),
            KvError::Other(why) => StoreError::Failed(why),
        }
    }
}

impl<K: KeyValue> Session<K> {
    /// How many PBKDF2 rounds a new passphrase gets (tests use few: the cost is the
    /// browser's, the logic is the same).
    pub fn set_kdf_iterations(&mut self, iterations: u32) {
        self.kdf_iterations = iterations.max(1);
    }

    /// Random bytes from the browser, so the nonces of this session are its own (see
    /// `Nonces`). Called once, before anything is sealed.
    pub fn set_nonce_prefix(&mut self, prefix: [u8; 8]) {
        self.store
            .kv_mut()
            .inner_mut()
            .set_nonces(crate::storage::Nonces::new(prefix));
    }
}
