//! The browser's localStorage as the store's key-value trait. Values are kept exactly
//! as given (no JSON wrapping), so a damaged record can be set aside byte for byte, and
//! a blocked storage is reported rather than thrown. (This is why `gloo-storage` was
//! dropped: it JSON-wraps values and panics when storage is blocked.)
//!
//! localStorage holds UTF-16 text that need not be valid Unicode (a lone surrogate in
//! binary garbage), which a Rust `String` cannot hold: `get` would replace it. So copying
//! and comparing values (how a damaged record is set aside) is done on the JavaScript
//! strings themselves, never converted.

use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// A `Storage` seen through the two methods that leave values JavaScript strings.
    #[wasm_bindgen(js_name = Storage)]
    type ExactStorage;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &ExactStorage, key: &str) -> Result<Option<JsString>, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &ExactStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

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

impl LocalStorageKv {
    fn set_error(e: &JsValue) -> KvError {
        if is_quota(e) {
            KvError::QuotaExceeded
        } else {
            KvError::Other(describe(e))
        }
    }

    fn exact(&self) -> &ExactStorage {
        self.storage.unchecked_ref()
    }

    fn get_exact(&self, key: &str) -> Result<Option<JsString>, KvError> {
        self.exact()
            .get_item(key)
            .map_err(|e| KvError::Other(describe(&e)))
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.storage
            .get_item(key)
            .map_err(|e| KvError::Other(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| Self::set_error(&e))
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

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        match self.get_exact(from)? {
            Some(value) => self
                .exact()
                .set_item(to, &value)
                .map(|()| true)
                .map_err(|e| Self::set_error(&e)),
            None => Ok(false),
        }
    }

    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        // `==` on JavaScript values is `===`: strings compare code unit by code unit.
        Ok(self.get_exact(a)? == self.get_exact(b)?)
    }
}
