//! The browser's localStorage as the store's key-value trait. Values are kept exactly
//! as given (no JSON wrapping), so a damaged record can be set aside byte for byte, and
//! a blocked storage is reported rather than thrown.

use wasm_bindgen::JsCast;

use crate::storage::{KeyValue, KvError};

pub struct LocalStorageKv {
    storage: web_sys::Storage,
}

/// What the browser said, in words.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|e| {
        // Chromium and WebKit say QuotaExceededError (code 22); old Firefox said
        // NS_ERROR_DOM_QUOTA_REACHED (code 1014).
        e.name() == "QuotaExceededError"
            || e.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || e.code() == 22
            || e.code() == 1014
    })
}

impl LocalStorageKv {
    /// The page's localStorage, if the browser lets this page use it. Reading
    /// `window.localStorage` throws in sandboxed frames and when storage is blocked.
    pub fn open() -> Result<LocalStorageKv, String> {
        let window = web_sys::window().ok_or("there is no window")?;
        let storage = window
            .local_storage()
            .map_err(|e| describe(&e))?
            .ok_or("this browser has no localStorage")?;
        // Some browsers hand out a storage that refuses every write; find out now. A
        // full storage is still a usable one (deleting frees space).
        const PROBE: &str = "lia-storage-probe";
        match storage.set_item(PROBE, "1") {
            Ok(()) => {
                let _ = storage.remove_item(PROBE);
            }
            Err(e) if is_quota(&e) => {}
            Err(e) => return Err(describe(&e)),
        }
        Ok(LocalStorageKv { storage })
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.storage
            .get_item(key)
            .map_err(|e| KvError::Other(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                KvError::QuotaExceeded
            } else {
                KvError::Other(describe(&e))
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.storage
            .remove_item(key)
            .map_err(|e| KvError::Other(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let length = self
            .storage
            .length()
            .map_err(|e| KvError::Other(describe(&e)))?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self
                .storage
                .key(i)
                .map_err(|e| KvError::Other(describe(&e)))?
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
