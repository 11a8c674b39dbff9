//! The write-ahead journal in IndexedDB (see `crate::storage::journal`). Chromium puts
//! localStorage on disk only seconds after a write, so a browser that dies loses what
//! was "Saved"; an IndexedDB transaction has reached the disk when it completes. Each
//! record the session writes is also put here, and the session calls the save "Saved"
//! once this says it is written. At start-up what is kept here is handed back, and
//! anything newer than localStorage is put back.
//! IndexedDB itself is reached through `super::idb`.

use js_sys::{Array, Promise};
use leptos::prelude::{GetValue, SetValue};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::idb::{self, done};
use super::state::AppState;
use crate::storage::journal::{
    JOURNAL_DATABASE as DATABASE, JOURNAL_STORE as STORE, JOURNAL_VERSION,
};
use crate::storage::JournalBatch;

/// Opens (creating on first use) the journal's database.
pub async fn open() -> Result<IdbDatabase, JsValue> {
    idb::open(DATABASE, JOURNAL_VERSION, STORE).await
}

/// Everything the journal holds: each key with its text (both in key order). What is
/// not text is passed over: the session judges the rest (another page may write here).
pub async fn read_all(db: &IdbDatabase) -> Result<Vec<(String, String)>, JsValue> {
    let transaction = db.transaction_with_str(STORE)?;
    let entries = transaction.object_store(STORE)?;
    let (keys, values) = (entries.get_all_keys()?, entries.get_all()?);
    // Both listened to before either is awaited: the second may succeed meanwhile.
    let (keys_done, values_done) = (done(&keys), done(&values));
    keys_done.await?;
    values_done.await?;
    let keys: Array = keys.result()?.dyn_into()?;
    let values: Array = values.result()?.dyn_into()?;
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

/// Does what the batch says to the journal, in one transaction, and waits until it is
/// committed: empties it first if asked, removes, then puts each entry under its key.
pub async fn write(db: &IdbDatabase, batch: &JournalBatch) -> Result<(), JsValue> {
    let transaction = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let entries_store = transaction.object_store(STORE)?;
    if batch.clear {
        entries_store.clear()?;
    }
    for key in &batch.remove {
        entries_store.delete(&JsValue::from_str(key))?;
    }
    for entry in &batch.entries {
        entries_store.put_with_key(
            &JsValue::from_str(&entry.text),
            &JsValue::from_str(&entry.key),
        )?;
    }
    let committed = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject.clone()));
        transaction.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(committed).await;
    transaction.set_oncomplete(None);
    transaction.set_onerror(None);
    transaction.set_onabort(None);
    outcome.map(|_| ())
}

/// Opens the journal, hands what it holds to the session (which puts back anything
/// newer than localStorage), then writes what waited for it. If the browser refuses
/// IndexedDB, the session is told, and saves are "Saved" once in localStorage.
pub fn start(state: AppState) {
    leptos::task::spawn_local(async move {
        let opened = async {
            let db = open().await?;
            let entries = read_all(&db).await?;
            Ok::<_, JsValue>((db, entries))
        }
        .await;
        match opened {
            Ok((db, entries)) => {
                state.journal.set_value(Some(db));
                state.recover(&entries);
                flush(state);
            }
            Err(_) => state.journal_unavailable(),
        }
    });
}

/// Writes what the session noted since the last flush, once the journal is open, and
/// tells the session when it is committed.
pub fn flush(state: AppState) {
    let Some(db) = state.journal.get_value() else {
        return;
    };
    let batch = state.take_journal();
    if batch.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        match write(&db, &batch).await {
            Ok(()) => {
                let written: Vec<(String, u64)> = batch
                    .entries
                    .iter()
                    .map(|e| (e.key.clone(), e.revision))
                    .collect();
                state.journal_written(&written);
            }
            Err(_) => state.journal_unavailable(),
        }
    });
}
