//! Drafts encrypted at rest with a passphrase. Where the browser lets other pages read
//! this tool's storage (every page opened from a file shares one storage in Chromium and
//! Firefox), a passphrase keeps saved assessments unreadable to them, and anything they
//! plant is set aside instead of listed: a value that does not open with the key is
//! never taken for a record.
//!
//! AES-256-GCM, the key derived from the passphrase by PBKDF2-HMAC-SHA-256 with a random
//! salt. Each value is sealed with its storage key as associated data, so a sealed value
//! moved under another key does not open. Nonces are a random prefix (from the browser,
//! per session) and a counter, never reused. The lock (`<ns>:lock`) keeps the salt, the
//! iteration count and a sealed check text; nothing is stored in clear but that.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key as AesKey, Nonce};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::base64;

use super::keys::Namespace;
use super::kv::{KeyValue, KvError};

/// How a sealed value starts.
pub const SEALED: &str = "lia-sealed:1:";
/// How a value refused by the seal starts, as `get` returns it (so that reading it as a
/// record fails, and it is set aside with the reason). Storage itself never holds one.
pub const REFUSED: &str = "\u{0}lia-refused:";
/// PBKDF2 iterations for a new lock (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// The text sealed in the lock, to tell a right passphrase from a wrong one.
const CHECK: &str = "lia-lock-check";

/// Why a value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not encrypted, where everything of this tool is: put there by something else.
    NotSealed,
    /// Encrypted, but not with this passphrase (or changed since): not this tool's.
    NotAuthentic,
    /// Encrypted, and this tool has no passphrase to open it with.
    NoKey,
}

impl Refusal {
    fn code(self) -> &'static str {
        match self {
            Refusal::NotSealed => "not-sealed",
            Refusal::NotAuthentic => "not-authentic",
            Refusal::NoKey => "no-key",
        }
    }

    /// The refusal a value returned by `get` stands for, if it is one.
    pub fn of(value: &str) -> Option<Refusal> {
        let code = value.strip_prefix(REFUSED)?;
        [Refusal::NotSealed, Refusal::NotAuthentic, Refusal::NoKey]
            .into_iter()
            .find(|r| r.code() == code)
    }

    fn marker(self) -> String {
        format!("{REFUSED}{}", self.code())
    }
}

/// The key that seals and opens values. Its bytes never leave it.
pub struct Key {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// The key for a passphrase and salt (slow on purpose: `iterations` rounds).
    pub fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Key {
        let mut bytes = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut bytes);
        let key = AesKey::<Aes256Gcm>::from(bytes);
        Key {
            cipher: Aes256Gcm::new(&key),
        }
    }

    /// `text`, sealed under the storage key `key` with the nonce `nonce`.
    pub fn seal(&self, key: &str, text: &str, nonce: [u8; 12]) -> String {
        let sealed = self
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: text.as_bytes(),
                    aad: key.as_bytes(),
                },
            )
            .expect("AES-GCM seals any text of storage size");
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{SEALED}{}", base64::encode(&bytes))
    }

    /// The text of a value sealed under the storage key `key`.
    pub fn open(&self, key: &str, value: &str) -> Result<String, Refusal> {
        let encoded = value.strip_prefix(SEALED).ok_or(Refusal::NotSealed)?;
        let bytes = base64::decode(encoded).ok_or(Refusal::NotAuthentic)?;
        if bytes.len() < 12 + 16 {
            return Err(Refusal::NotAuthentic);
        }
        let (nonce, sealed) = bytes.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().map_err(|_| Refusal::NotAuthentic)?;
        let text = self
            .cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: key.as_bytes(),
                },
            )
            .map_err(|_| Refusal::NotAuthentic)?;
        String::from_utf8(text).map_err(|_| Refusal::NotAuthentic)
    }
}

/// Nonces that are never reused under one key: a random prefix per session and a count.
#[derive(Clone, Debug)]
pub struct Nonces {
    prefix: [u8; 8],
    count: u32,
}

impl Nonces {
    /// `prefix` must be random (the browser's `crypto.getRandomValues`).
    pub fn new(prefix: [u8; 8]) -> Nonces {
        Nonces { prefix, count: 0 }
    }

    pub fn fresh(&mut self) -> [u8; 12] {
        self.count = self.count.wrapping_add(1);
        let mut nonce = [0u8; 12];
        nonce[..8].copy_from_slice(&self.prefix);
        nonce[8..].copy_from_slice(&self.count.to_be_bytes());
        nonce
    }
}

/// What the lock keeps: how to derive the key, and a check that the key is right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub format: String,
    pub iterations: u32,
    /// The salt, in base64.
    pub salt: String,
    /// `CHECK`, sealed under the lock's own storage key.
    pub check: String,
}

impl Lock {
    /// A new lock for `passphrase`, and its key.
    pub fn create(
        passphrase: &str,
        salt: [u8; 16],
        iterations: u32,
        lock_key: &str,
        nonce: [u8; 12],
    ) -> (Lock, Key) {
        let key = Key::derive(passphrase, &salt, iterations);
        let lock = Lock {
            format: "lia-lock".into(),
            iterations,
            salt: base64::encode(&salt),
            check: key.seal(lock_key, CHECK, nonce),
        };
        (lock, key)
    }

    /// The key, if `passphrase` is the one the lock was made with.
    pub fn unlock(&self, passphrase: &str, lock_key: &str) -> Option<Key> {
        let salt = base64::decode(&self.salt)?;
        let key = Key::derive(passphrase, &salt, self.iterations);
        (key.open(lock_key, &self.check).ok()? == CHECK).then_some(key)
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a lock always serialises")
    }

    pub fn decode(raw: &str) -> Option<Lock> {
        serde_json::from_str::<Lock>(raw)
            .ok()
            .filter(|l| l.format == "lia-lock" && l.iterations > 0)
    }
}

/// Key-value storage that seals what this tool keeps in its namespace (records, the
/// index, the notes on damaged records) once it has a key, and refuses what does not
/// open. Without a key it passes everything through, as before any passphrase.
/// The text set aside from a damaged record is copied byte for byte, never opened.
#[derive(Debug)]
pub struct Sealed<K> {
    inner: K,
    ns: Namespace,
    key: Option<Key>,
    nonces: Nonces,
}

impl<K: KeyValue> Sealed<K> {
    pub fn new(inner: K, ns: Namespace, nonces: Nonces) -> Sealed<K> {
        Sealed {
            inner,
            ns,
            key: None,
            nonces,
        }
    }

    pub fn inner(&self) -> &K {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut K {
        &mut self.inner
    }

    pub fn has_key(&self) -> bool {
        self.key.is_some()
    }

    /// From now on values are sealed with `key` (`None`: kept in clear).
    pub fn set_key(&mut self, key: Option<Key>) {
        self.key = key;
    }

    pub fn take_key(&mut self) -> Option<Key> {
        self.key.take()
    }

    pub fn set_nonces(&mut self, nonces: Nonces) {
        self.nonces = nonces;
    }

    pub fn next_nonce(&mut self) -> [u8; 12] {
        self.nonces.fresh()
    }

    fn sealed_here(&self, key: &str) -> bool {
        self.ns.is_sealed_key(key)
    }

    /// What `get` gives for `stored` under `key`.
    fn read(&self, key: &str, stored: String) -> String {
        if !self.sealed_here(key) {
            return stored;
        }
        match (&self.key, stored.starts_with(SEALED)) {
            (Some(k), _) => k.open(key, &stored).unwrap_or_else(|r| r.marker()),
            (None, true) => Refusal::NoKey.marker(),
            (None, false) => stored,
        }
    }
}

impl<K: KeyValue> KeyValue for Sealed<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.inner.get(key)?.map(|stored| self.read(key, stored)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        if self.sealed_here(key) {
            if let Some(k) = &self.key {
                let nonce = self.nonces.fresh();
                let sealed = k.seal(key, value, nonce);
                return self.inner.set(key, &sealed);
            }
        }
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.inner.keys()
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        self.inner.copy(from, to)
    }

    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        self.inner.same(a, b)
    }

    fn get_stored(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get_stored(key)
    }

    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        self.inner.set_stored(key, stored)
    }

    fn read_stored(&self, key: &str, stored: &str) -> Option<String> {
        let inner = self.inner.read_stored(key, stored)?;
        let read = self.read(key, inner);
        Refusal::of(&read).is_none().then_some(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;

    /// Few iterations in tests: the cost is the browser's, not the logic's.
    const FAST: u32 = 10;

    #[test]
    fn a_value_opens_only_with_its_key_and_under_its_storage_key() {
        let key = Key::derive("correct horse", b"salt-salt-salt-1", FAST);
        let sealed = key.seal("lia:assessment:a", "secret text", [1; 12]);
        assert!(sealed.starts_with(SEALED));
        assert!(!sealed.contains("secret"));
        assert_eq!(
            key.open("lia:assessment:a", &sealed).unwrap(),
            "secret text"
        );
        assert_eq!(
            key.open("lia:assessment:b", &sealed),
            Err(Refusal::NotAuthentic)
        );
        let other = Key::derive("wrong horse", b"salt-salt-salt-1", FAST);
        assert_eq!(
            other.open("lia:assessment:a", &sealed),
            Err(Refusal::NotAuthentic)
        );
        let mut tampered = sealed.clone();
        tampered.replace_range(SEALED.len() + 20..SEALED.len() + 21, "A");
        if tampered != sealed {
            assert_eq!(
                key.open("lia:assessment:a", &tampered),
                Err(Refusal::NotAuthentic)
            );
        }
        assert_eq!(
            key.open("lia:assessment:a", "{\"plain\":1}"),
            Err(Refusal::NotSealed)
        );
    }

    #[test]
    fn the_lock_tells_a_right_passphrase_from_a_wrong_one() {
        let (lock, _) = Lock::create("correct horse", [7; 16], FAST, "lia:lock", [2; 12]);
        let raw = lock.encode();
        assert!(!raw.contains("correct"));
        let lock = Lock::decode(&raw).unwrap();
        assert!(lock.unlock("correct horse", "lia:lock").is_some());
        assert!(lock.unlock("Correct horse", "lia:lock").is_none());
        assert!(lock.unlock("", "lia:lock").is_none());
        assert_eq!(Lock::decode("{}"), None);
    }

    #[test]
    fn nonces_are_never_repeated() {
        let mut nonces = Nonces::new([9; 8]);
        let seen: std::collections::BTreeSet<[u8; 12]> =
            (0..1000).map(|_| nonces.fresh()).collect();
        assert_eq!(seen.len(), 1000);
    }

    #[test]
    fn with_a_key_this_tools_values_are_sealed_and_anything_else_is_refused() {
        let ns = Namespace::default();
        let mut kv = Sealed::new(MemoryKv::new(), ns, Nonces::new([3; 8]));
        kv.set_key(Some(Key::derive("pass", b"0123456789abcdef", FAST)));
        kv.set("lia:assessment:a", "{\"title\":\"Staff CCTV\"}")
            .unwrap();
        kv.set("lia:index", "{\"index\":1}").unwrap();
        kv.set("elsewhere", "not ours").unwrap();
        let stored = kv.inner().entries().clone();
        assert!(stored["lia:assessment:a"].starts_with(SEALED));
        assert!(!stored.values().any(|v| v.contains("Staff CCTV")));
        assert_eq!(stored["elsewhere"], "not ours");
        assert_eq!(
            kv.get("lia:assessment:a").unwrap().unwrap(),
            "{\"title\":\"Staff CCTV\"}"
        );
        // Planted by another page: in clear, or sealed with another key.
        kv.inner_mut()
            .set("lia:assessment:planted", "{\"status\":\"approved\"}")
            .unwrap();
        let other = Key::derive("other", b"0123456789abcdef", FAST);
        let forged = other.seal("lia:assessment:forged", "{}", [4; 12]);
        kv.inner_mut()
            .set("lia:assessment:forged", &forged)
            .unwrap();
        fn refusal(kv: &Sealed<MemoryKv>, k: &str) -> Option<Refusal> {
            Refusal::of(&kv.get(k).unwrap().unwrap())
        }
        assert_eq!(
            refusal(&kv, "lia:assessment:planted"),
            Some(Refusal::NotSealed)
        );
        assert_eq!(
            refusal(&kv, "lia:assessment:forged"),
            Some(Refusal::NotAuthentic)
        );
        // Moved under another id: it does not open there.
        let moved = kv.inner().get("lia:assessment:a").unwrap().unwrap();
        kv.inner_mut().set("lia:assessment:moved", &moved).unwrap();
        assert_eq!(
            refusal(&kv, "lia:assessment:moved"),
            Some(Refusal::NotAuthentic)
        );
        // Without the key, sealed values are refused as such.
        kv.set_key(None);
        assert_eq!(refusal(&kv, "lia:assessment:a"), Some(Refusal::NoKey));
        assert_eq!(kv.get("elsewhere").unwrap().as_deref(), Some("not ours"));
    }
}
