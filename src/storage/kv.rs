//! What the store needs from browser storage: a map from strings to strings that can be
//! full or unavailable. localStorage implements it in the browser; `MemoryKv` elsewhere.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// Why a key-value operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// The write would go over the storage quota. Nothing was written.
    QuotaExceeded,
    /// Storage cannot be used at all (blocked by a setting, some private windows, sandboxed
    /// frames), with what the browser said.
    Unavailable(String),
    /// Any other failure, with what the browser said.
    Other(String),
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::QuotaExceeded => write!(f, "storage is full"),
            KvError::Unavailable(why) => write!(f, "storage is not available ({why})"),
            KvError::Other(why) => write!(f, "storage failed ({why})"),
        }
    }
}

/// A string key-value store with localStorage's semantics.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    /// Stores `value` under `key`, replacing any earlier value. On error nothing changed:
    /// the earlier value is still there, whole.
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError>;
    /// Removes `key` (no error if it is absent). Needs no space, so never `QuotaExceeded`.
    fn remove(&mut self, key: &str) -> Result<(), KvError>;
    /// Every key currently stored (all namespaces).
    fn keys(&self) -> Result<Vec<String>, KvError>;

    /// Copies the value under `from` to `to` exactly as stored, and says whether there
    /// was one (if not, nothing is written). localStorage holds UTF-16 that need not be
    /// valid Unicode, which `get` cannot return unchanged, so it copies without
    /// converting; the default goes through `get` and `set`. Errors as `set`.
    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        match self.get(from)? {
            Some(value) => self.set(to, &value).map(|()| true),
            None => Ok(false),
        }
    }

    /// Whether two keys hold exactly the same value, compared as stored (two absent
    /// keys are the same).
    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        Ok(self.get(a)? == self.get(b)?)
    }

    /// The value under `key` in the form the underlying storage keeps it (sealed, under
    /// a sealing layer), for the journal to keep a copy of.
    fn get_stored(&self, key: &str) -> Result<Option<String>, KvError> {
        self.get(key)
    }

    /// Writes a value in the form the underlying storage keeps it (a journal's copy put
    /// back). Errors as `set`.
    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        self.set(key, stored)
    }
}

/// The bytes a browser counts against the quota for one entry: key and value as UTF-16
/// code units, two bytes each.
pub fn stored_size(key: &str, value: &str) -> u64 {
    2 * (key.encode_utf16().count() + value.encode_utf16().count()) as u64
}

/// Lets the UI pick localStorage or the in-memory fallback at run time.
impl<K: KeyValue + ?Sized> KeyValue for Box<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        (**self).keys()
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        (**self).copy(from, to)
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        (**self).same(a, b)
    }
    fn get_stored(&self, key: &str) -> Result<Option<String>, KvError> {
        (**self).get_stored(key)
    }
    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        (**self).set_stored(key, stored)
    }
}

/// One storage shared by several stores, as tabs share one origin's localStorage.
impl<K: KeyValue + ?Sized> KeyValue for Rc<RefCell<K>> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.borrow().keys()
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        self.borrow_mut().copy(from, to)
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        self.borrow().same(a, b)
    }
    fn get_stored(&self, key: &str) -> Result<Option<String>, KvError> {
        self.borrow().get_stored(key)
    }
    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        self.borrow_mut().set_stored(key, stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_counts_utf16_code_units_twice() {
        assert_eq!(stored_size("", ""), 0);
        assert_eq!(stored_size("ab", "c"), 6);
        // "é" is one code unit, "😀" two (a surrogate pair), as browsers count them.
        assert_eq!(stored_size("é", "😀"), 6);
    }
}
