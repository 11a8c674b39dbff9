//! IndexedDB, as the journal and the approver's key store both use it: a database of one
//! object store, opened (and made on first use), and requests awaited.
//!
//! Callbacks go through promises whose resolve and reject are the browser's own
//! functions, so no Rust closure is left behind per request.

use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest};

/// Settles when the request succeeds or fails (listening from now on).
pub fn done(request: &IdbRequest) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    }))
}

/// Waits for a request to succeed, and returns its result.
pub async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let outcome = done(request).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    outcome?;
    request.result()
}

/// Opens the database `name` at `version`, making its one object store `object_store` when the
/// database is first made.
pub async fn open(
    name: &str,
    version: u32,
    object_store: &'static str,
) -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("this browser gives the page no IndexedDB"))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version)?;
    // Runs once, when the database is first made.
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let made = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = made {
            let _ = db.create_object_store(object_store);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = finished(&request).await;
    request.set_onupgradeneeded(None);
    db?.dyn_into::<IdbDatabase>()
}
