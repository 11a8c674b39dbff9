//! The approver's signing key and this browser's list of trusted approvers, kept in
//! IndexedDB (database `lia-approver`, one entry per namespace and kind).
//!
//! The key is made by WebCrypto (Ed25519). Served from a web site, the private key is a
//! `CryptoKey` made with `extractable: false`: it is stored as such (IndexedDB keeps
//! the object, not its bytes), can sign, and can never be read out. Opened as a file
//! (`file:`), every page opened from a file shares this storage and could use such a
//! key, so there the key is kept only sealed with the passphrase (AES-256-GCM, the
//! session's key, `Session::seal_secret`): it is made extractable once, its PKCS #8
//! bytes sealed and the key dropped; to sign, the bytes are opened with the passphrase
//! and imported as a non-extractable key for that one signature. The list of trusted
//! approvers is sealed the same way on `file:`, and on a web site whenever a passphrase is
//! set, so another page cannot plant a key in it (`session::KeptTrust` says what is kept
//! how, and what of it may be trusted).
//!
//! What a key or card means is the core's (`crate::handover::keycard`); here is only
//! where they are kept and the WebCrypto calls.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbTransactionMode};

use super::idb::{self, finished};
use crate::base64;

const DATABASE: &str = "lia-approver";
const STORE: &str = "keys";
/// The only algorithm used (see `handover::keycard::ALGORITHM`).
const ALGORITHM: &str = "Ed25519";

/// The private key as kept: a key object that cannot be exported, or (on `file:`) its
/// bytes sealed with the passphrase.
#[derive(Clone)]
pub enum PrivateKey {
    Key(CryptoKey),
    Sealed(String),
}

/// A signing key kept here: the key card's JSON and the private key.
#[derive(Clone)]
pub struct Stored {
    pub card: String,
    pub key: PrivateKey,
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused it".into())
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    Ok(web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(js_error)?
        .subtle())
}

async fn open() -> Result<IdbDatabase, String> {
    idb::open(DATABASE, 1, STORE).await.map_err(js_error)
}

async fn get(key: &str) -> Result<JsValue, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(js_error)?;
    let request = transaction
        .object_store(STORE)
        .map_err(js_error)?
        .get(&JsValue::from_str(key))
        .map_err(js_error)?;
    finished(&request).await.map_err(js_error)
}

/// Puts (or, with `None`, deletes) the value under `key`, and waits until it is
/// committed.
async fn put(key: &str, value: Option<&JsValue>) -> Result<(), String> {
    let db = open().await?;
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(js_error)?;
    let objects = transaction.object_store(STORE).map_err(js_error)?;
    match value {
        Some(v) => objects.put_with_key(v, &JsValue::from_str(key)),
        None => objects.delete(&JsValue::from_str(key)),
    }
    .map_err(js_error)?;
    let committed = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject.clone()));
        transaction.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(committed).await;
    transaction.set_oncomplete(None);
    transaction.set_onerror(None);
    transaction.set_onabort(None);
    outcome.map(|_| ()).map_err(js_error)
}

fn key_name(namespace: &str) -> String {
    format!("{namespace}:signing-key")
}

fn trusted_name(namespace: &str) -> String {
    format!("{namespace}:trusted-approvers")
}

/// The signing key kept for `namespace`, if any.
pub async fn load(namespace: &str) -> Result<Option<Stored>, String> {
    let value = get(&key_name(namespace)).await?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).ok();
    let card = field("card")
        .and_then(|c| c.as_string())
        .ok_or("the kept key is damaged")?;
    let key = match (field("key"), field("sealed").and_then(|s| s.as_string())) {
        (Some(k), _) if k.is_instance_of::<CryptoKey>() => PrivateKey::Key(k.unchecked_into()),
        (_, Some(sealed)) => PrivateKey::Sealed(sealed),
        _ => return Err("the kept key is damaged".into()),
    };
    Ok(Some(Stored { card, key }))
}

/// How many times a key is drawn before its refusal is shown. WebKitGTK's WebCrypto
/// (libgcrypt) refuses about one Ed25519 key in 128 of those it draws itself, any whose
/// bytes begin with a zero, with an `OperationError` (WebKit bug 307095); a new draw is
/// independent, so four in a row fail about once in 270 million.
const DRAWS: usize = 4;

/// A new key pair: the public key's raw bytes, and the private key (extractable only
/// when it is to be sealed).
pub async fn generate(extractable: bool) -> Result<(Vec<u8>, CryptoKey), String> {
    let subtle = subtle()?;
    let usages = Array::of2(&JsValue::from_str("sign"), &JsValue::from_str("verify"));
    let mut draws = 0;
    let pair = loop {
        draws += 1;
        let drawn = subtle
            .generate_key_with_str(ALGORITHM, extractable, &usages)
            .map_err(js_error)?;
        match JsFuture::from(drawn).await {
            Ok(pair) => break pair,
            Err(e)
                if draws < DRAWS
                    && e.dyn_ref::<web_sys::DomException>()
                        .is_some_and(|e| e.name() == "OperationError") => {}
            Err(e) => return Err(js_error(e)),
        }
    };
    let public: CryptoKey = Reflect::get(&pair, &JsValue::from_str("publicKey"))
        .map_err(js_error)?
        .unchecked_into();
    let private: CryptoKey = Reflect::get(&pair, &JsValue::from_str("privateKey"))
        .map_err(js_error)?
        .unchecked_into();
    let raw = JsFuture::from(subtle.export_key("raw", &public).map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok((Uint8Array::new(&raw).to_vec(), private))
}

/// The private key's PKCS #8 bytes, base64 (only of a key made extractable, to seal).
pub async fn pkcs8(private: &CryptoKey) -> Result<String, String> {
    let bytes = JsFuture::from(subtle()?.export_key("pkcs8", private).map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(base64::encode(&Uint8Array::new(&bytes).to_vec()))
}

/// Keeps a key: its card and the private key (the object, or its sealed bytes).
pub async fn save(namespace: &str, card: &str, key: &PrivateKey) -> Result<(), String> {
    let value = Object::new();
    let set =
        |name: &str, v: &JsValue| Reflect::set(&value, &JsValue::from_str(name), v).map(|_| ());
    set("card", &JsValue::from_str(card)).map_err(js_error)?;
    match key {
        PrivateKey::Key(k) => set("key", k),
        PrivateKey::Sealed(s) => set("sealed", &JsValue::from_str(s)),
    }
    .map_err(js_error)?;
    put(&key_name(namespace), Some(&value)).await
}

/// Deletes the key kept for `namespace`.
pub async fn delete(namespace: &str) -> Result<(), String> {
    put(&key_name(namespace), None).await
}

/// Signs `message` with `key`: a kept key object, or the PKCS #8 bytes `opened` from
/// the sealed form (imported, unexportable, for this one signature).
pub async fn sign(
    key: &PrivateKey,
    opened: Option<Vec<u8>>,
    message: &[u8],
) -> Result<Vec<u8>, String> {
    let subtle = subtle()?;
    let key = match (key, opened) {
        (PrivateKey::Key(k), _) => k.clone(),
        (PrivateKey::Sealed(_), Some(bytes)) => {
            let usages = Array::of1(&JsValue::from_str("sign"));
            let data = Uint8Array::from(bytes.as_slice());
            JsFuture::from(
                subtle
                    .import_key_with_str("pkcs8", &data, ALGORITHM, false, &usages)
                    .map_err(js_error)?,
            )
            .await
            .map_err(js_error)?
            .unchecked_into()
        }
        (PrivateKey::Sealed(_), None) => {
            return Err(
                "your key is protected with the passphrase, and it did not open with it".into(),
            )
        }
    };
    let signature = JsFuture::from(
        subtle
            .sign_with_str_and_u8_array(ALGORITHM, &key, message)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// This browser's list of trusted approvers as kept (JSON, or sealed on `file:`).
pub async fn load_trusted(namespace: &str) -> Result<Option<String>, String> {
    Ok(get(&trusted_name(namespace)).await?.as_string())
}

pub async fn save_trusted(namespace: &str, text: &str) -> Result<(), String> {
    put(&trusted_name(namespace), Some(&JsValue::from_str(text))).await
}
