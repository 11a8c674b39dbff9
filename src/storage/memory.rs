//! `MemoryKv`: storage held in memory, for tests and for browsers that refuse storage.
//! It can be given a quota and made unavailable, to stand in for full or blocked storage.

use crate::vec_map::VecMap;

use super::kv::{stored_size, KeyValue, KvError};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryKv {
    entries: VecMap<String, String>,
    /// Bytes allowed in total (counted as browsers count localStorage), if limited.
    quota: Option<u64>,
    /// Why every operation fails, while the storage is unavailable.
    unavailable: Option<String>,
}

impl MemoryKv {
    /// Empty, unlimited and available.
    pub fn new() -> MemoryKv {
        MemoryKv::default()
    }

    /// Empty, refusing writes that would take it over `bytes`.
    pub fn with_quota(bytes: u64) -> MemoryKv {
        MemoryKv {
            quota: Some(bytes),
            ..MemoryKv::default()
        }
    }

    /// Changes the quota (`None`: unlimited). Entries already stored are kept even if
    /// they now exceed it; only later writes are refused.
    pub fn set_quota(&mut self, bytes: Option<u64>) {
        self.quota = bytes;
    }

    pub fn quota(&self) -> Option<u64> {
        self.quota
    }

    /// Makes every operation fail with `KvError::Unavailable(reason)` until `make_available`.
    pub fn make_unavailable(&mut self, reason: impl Into<String>) {
        self.unavailable = Some(reason.into());
    }

    pub fn make_available(&mut self) {
        self.unavailable = None;
    }

    /// Bytes used by every entry, all namespaces.
    pub fn used_bytes(&self) -> u64 {
        self.entries.iter().map(|(k, v)| stored_size(k, v)).sum()
    }

    /// The entries as they are, even while unavailable (for tests to inspect).
    pub fn entries(&self) -> &VecMap<String, String> {
        &self.entries
    }

    fn check_available(&self) -> Result<(), KvError> {
        match &self.unavailable {
            Some(reason) => Err(KvError::Unavailable(reason.clone())),
            None => Ok(()),
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check_available()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.check_available()?;
        if let Some(quota) = self.quota {
            let replaced = self.entries.get(key).map_or(0, |old| stored_size(key, old));
            if self.used_bytes() - replaced + stored_size(key, value) > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.check_available()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.check_available()?;
        Ok(self.entries.keys().cloned().collect())
    }
}
