//! Drafts encrypted at rest with a passphrase. Where the browser lets other pages read
//! this tool's storage (every page opened from a file shares one storage in Chromium and
//! Firefox), a passphrase keeps saved assessments unreadable to them, and anything they
//! plant is set aside instead of listed: a value that does not open with the key is
//! never taken for a record.
//!
//! AES-256-GCM, the key derived from the passphrase by PBKDF2-HMAC-SHA-256 with a random
//! salt. A sealed value is `lia-sealed:2:<iterations>:<salt>:<revision>:<nonce and
//! ciphertext>`: it carries how its key is derived, so losing the lock (`<ns>:lock`)
//! loses nothing the passphrase can still open, and it is sealed with its storage key
//! and that header (a record's revision among it) as associated data, so it does not
//! open under another key, and a record's revision cannot be changed without the key.
//! Nonces are a random prefix (from the browser, per session) and a counter, never
//! reused. The lock keeps the salt, the iteration count and a sealed check text; nothing
//! else is stored in clear. Values sealed by earlier releases (`lia-sealed:1:`, bound
//! to their storage key only) still open.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key as AesKey, Nonce};
#[cfg(test)]
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::assessment::json_write::Writer;
use crate::assessment::read::{members, require, text, whole, Fields};
use crate::assessment::strict_json;
use crate::base64;

use super::keys::Namespace;
use super::kv::{KeyValue, KvError};
use super::record::revision_in_raw;

/// How every sealed value starts (then its form's version).
pub const SEALED: &str = "lia-sealed:";
/// The first form: bound to the storage key only, the salt kept in the lock alone.
const V1: &str = "lia-sealed:1:";
const V2: &str = "lia-sealed:2:";
/// How a value refused by the seal starts, as `get` returns it (so that reading it as a
/// record fails, and it is set aside with the reason). Storage itself never holds one.
pub const REFUSED: &str = "\u{0}lia-refused:";
/// PBKDF2 iterations for a new lock (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// The most iterations a lock or a value may ask for: a planted one asking for more
/// would only make unlocking hang.
pub const MAX_ITERATIONS: u32 = 2_000_000;
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

/// How a key is derived: the iteration count and the salt (in base64), as a sealed
/// value's header writes them (`600000:<salt>`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Params(String);

impl Params {
    fn new(iterations: u32, salt: &str) -> Params {
        Params(format!("{iterations}:{salt}"))
    }

    /// The iteration count and the salt, if both are usable.
    pub fn parts(&self) -> Option<(u32, Vec<u8>)> {
        let (iterations, salt) = self.0.split_once(':')?;
        let iterations: u32 = iterations.parse().ok()?;
        (1..=MAX_ITERATIONS).contains(&iterations).then_some(())?;
        Some((iterations, base64::decode(salt)?))
    }

    /// Those of a value sealed in the current form.
    pub fn of(value: &str) -> Option<Params> {
        let mut parts = value.strip_prefix(V2)?.splitn(3, ':');
        let (iterations, salt) = (parts.next()?, parts.next()?);
        Some(Params(format!("{iterations}:{salt}")))
    }
}

/// The key that seals and opens values. Its bytes never leave it.
pub struct Key {
    cipher: Aes256Gcm,
    params: Params,
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
            params: Params::new(iterations, &base64::encode(salt)),
        }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// `text`, sealed under the storage key `key` and the revision `revision` (0 for
    /// what is not a record) with the nonce `nonce`.
    pub fn seal(&self, key: &str, text: &str, revision: u64, nonce: [u8; 12]) -> String {
        let header = format!("{V2}{}:{revision}:", self.params.0);
        let aad = format!("{key}\n{header}");
        let mut bytes = nonce.to_vec();
        bytes.extend(
            self.crypt(true, nonce, text.as_bytes(), &aad)
                .unwrap_or_default(),
        );
        format!("{header}{}", base64::encode(&bytes))
    }

    /// The text of a value sealed under the storage key `key`, and the revision it was
    /// sealed with (`None` for the first form, which has none).
    pub fn open(&self, key: &str, value: &str) -> Result<(String, Option<u64>), Refusal> {
        let (aad, payload, revision) = if let Some(payload) = value.strip_prefix(V1) {
            (key.to_string(), payload, None)
        } else if let Some(rest) = value.strip_prefix(V2) {
            let mut parts = rest.splitn(4, ':');
            let (Some(iterations), Some(salt), Some(revision), Some(payload)) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(Refusal::NotAuthentic);
            };
            if format!("{iterations}:{salt}") != self.params.0 {
                return Err(Refusal::NotAuthentic);
            }
            let header = &value[..value.len() - payload.len()];
            let revision = revision.parse().map_err(|_| Refusal::NotAuthentic)?;
            (format!("{key}\n{header}"), payload, Some(revision))
        } else if value.starts_with(SEALED) {
            return Err(Refusal::NotAuthentic);
        } else {
            return Err(Refusal::NotSealed);
        };
        let bytes = base64::decode(payload).ok_or(Refusal::NotAuthentic)?;
        if bytes.len() < 12 + 16 {
            return Err(Refusal::NotAuthentic);
        }
        let (nonce, sealed) = bytes.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().map_err(|_| Refusal::NotAuthentic)?;
        let text = self
            .crypt(false, nonce, sealed, &aad)
            .ok_or(Refusal::NotAuthentic)?;
        let text = String::from_utf8(text).map_err(|_| Refusal::NotAuthentic)?;
        Ok((text, revision))
    }

    fn crypt(&self, seal: bool, nonce: [u8; 12], msg: &[u8], aad: &str) -> Option<Vec<u8>> {
        let nonce = &Nonce::from(nonce);
        let payload = Payload {
            msg,
            aad: aad.as_bytes(),
        };
        match seal {
            true => self.cipher.encrypt(nonce, payload),
            false => self.cipher.decrypt(nonce, payload),
        }
        .ok()
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
const LOCK_FIELDS: Fields = &["format", "iterations", "salt", "check"];

/// Written and read by hand (`encode`, `decode`); the serde derives are the native
/// tests' reference.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
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
        (Lock::of(&key, lock_key, nonce), key)
    }

    /// The lock of a key already derived (to put back a lock that went missing).
    pub fn of(key: &Key, lock_key: &str, nonce: [u8; 12]) -> Lock {
        let (iterations, salt) = key.params.0.split_once(':').unwrap_or_default();
        Lock {
            format: "lia-lock".into(),
            iterations: iterations
                .parse::<u64>()
                .ok()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            salt: salt.to_string(),
            check: key.seal(lock_key, CHECK, 0, nonce),
        }
    }

    pub fn params(&self) -> Params {
        Params::new(self.iterations, &self.salt)
    }

    /// The key, if `passphrase` is the one the lock was made with.
    pub fn unlock(&self, passphrase: &str, lock_key: &str) -> Option<Key> {
        let (iterations, salt) = self.params().parts()?;
        let key = Key::derive(passphrase, &salt, iterations);
        (key.open(lock_key, &self.check).ok()?.0 == CHECK).then_some(key)
    }

    /// As serde's derive wrote it.
    pub fn encode(&self) -> String {
        let mut w = Writer::compact();
        w.open('{');
        w.key(LOCK_FIELDS[0]);
        w.string(&self.format);
        w.key(LOCK_FIELDS[1]);
        w.number(self.iterations.into());
        w.key(LOCK_FIELDS[2]);
        w.string(&self.salt);
        w.key(LOCK_FIELDS[3]);
        w.string(&self.check);
        w.close('}');
        w.finish()
    }

    /// As the derive read it (other fields passed over), except that a key given twice
    /// is refused; then only a lock of this tool's format with parameters that make sense.
    pub fn decode(raw: &str) -> Option<Lock> {
        let mut l = Lock {
            format: String::new(),
            iterations: 0,
            salt: String::new(),
            check: String::new(),
        };
        let seen = members(
            strict_json::from_str(raw).ok()?,
            LOCK_FIELDS,
            &mut |i, v| {
                match i {
                    0 => l.format = text(v)?,
                    1 => l.iterations = whole(v)?,
                    2 => l.salt = text(v)?,
                    _ => l.check = text(v)?,
                }
                Ok(())
            },
        )
        .ok()?;
        require(seen, LOCK_FIELDS, 0b1111).ok()?;
        Some(l).filter(|l| l.format == "lia-lock" && l.params().parts().is_some())
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

/// The storage key a journal entry is sealed under: one no value of storage has, so a
/// sealed record cannot pass for a journal entry, nor the other way round.
fn journal_key(key: &str) -> String {
    format!("journal:{key}")
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

    /// A journal entry's text sealed for the record key `key` at `revision`, or `None`
    /// without a key (the entry is then kept in clear).
    pub fn seal_journal(&mut self, key: &str, text: &str, revision: u64) -> Option<String> {
        let nonce = self.nonces.fresh();
        let k = self.key.as_ref()?;
        Some(k.seal(&journal_key(key), text, revision, nonce))
    }

    /// The text of a journal entry sealed for `key`, with the revision it was sealed
    /// with; refused if it does not open with the key (or there is none).
    pub fn open_journal(&self, key: &str, sealed: &str) -> Result<(String, u64), Refusal> {
        let k = self.key.as_ref().ok_or(Refusal::NoKey)?;
        match k.open(&journal_key(key), sealed)? {
            (text, Some(revision)) => Ok((text, revision)),
            (_, None) => Err(Refusal::NotAuthentic),
        }
    }

    /// What `get` would give for `stored` under `key`, unless it would refuse it: a
    /// value of storage found elsewhere (an earlier release's journal kept those).
    pub fn open_value(&self, key: &str, stored: &str) -> Option<String> {
        let read = self.read(key, stored.to_string());
        Refusal::of(&read).is_none().then_some(read)
    }

    fn sealed_here(&self, key: &str) -> bool {
        self.ns.is_sealed_key(key)
    }

    /// What `get` gives for `stored` under `key`. A record's text must hold the
    /// revision it was sealed with: an older record sealed again is not one.
    fn read(&self, key: &str, stored: String) -> String {
        if !self.sealed_here(key) {
            return stored;
        }
        match (&self.key, stored.starts_with(SEALED)) {
            (Some(k), _) => match k.open(key, &stored) {
                Ok((text, Some(revision)))
                    if self.ns.is_record_key(key) && revision_in_raw(&text) != Some(revision) =>
                {
                    Refusal::NotAuthentic.marker()
                }
                Ok((text, _)) => text,
                Err(r) => r.marker(),
            },
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
                let revision = match self.ns.is_record_key(key) {
                    true => revision_in_raw(value).unwrap_or(0),
                    false => 0,
                };
                let sealed = k.seal(key, value, revision, nonce);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(800))]

        /// Written as serde's derive wrote it, and read as it read it: whole, and with a
        /// field replaced, taken out or joined by one the lock does not have.
        #[test]
        fn a_lock_is_written_and_read_as_serde_did(
            format in prop_oneof![3 => Just("lia-lock".to_string()), 1 => "[a-z-]{0,8}"],
            iterations in prop_oneof![3 => 1..=MAX_ITERATIONS, 1 => any::<u32>()],
            salt in prop_oneof![3 => Just("AAAAAAAAAAAAAAAAAAAAAA==".to_string()), 1 => "[A-Za-z0-9+/=]{0,8}"],
            check in "[A-Za-z0-9+/=:.]{0,12}",
            damage in 0usize..3,
            at in 0usize..4,
            replacement in prop_oneof![
                Just(Value::Null), Just(json!(true)), Just(json!(-3)), Just(json!(2.5)),
                Just(json!(4_294_967_296_u64)), Just(json!(600_000)), Just(json!("lia-lock")),
                Just(json!([])), Just(json!({}))
            ],
        ) {
            let lock = Lock { format, iterations, salt, check };
            let text = lock.encode();
            prop_assert_eq!(&text, &serde_json::to_string(&lock).unwrap());
            let mut v: Value = serde_json::from_str(&text).unwrap();
            let key = LOCK_FIELDS[at];
            match damage {
                0 => v[key] = replacement,
                1 => { v.as_object_mut().unwrap().remove(key); }
                _ => v["extra"] = replacement,
            }
            for text in [text, v.to_string()] {
                let by_serde = serde_json::from_str::<Lock>(&text)
                    .ok()
                    .filter(|l| l.format == "lia-lock" && l.params().parts().is_some());
                prop_assert_eq!(Lock::decode(&text), by_serde, "{}", text);
            }
        }
    }

    /// Few iterations in tests: the cost is the browser's, not the logic's.
    const FAST: u32 = 10;

    #[test]
    fn a_value_opens_only_with_its_key_under_its_storage_key_and_revision() {
        let key = Key::derive("correct horse", b"salt-salt-salt-1", FAST);
        let sealed = key.seal("lia:assessment:a", "secret text", 3, [1; 12]);
        assert!(
            sealed.starts_with("lia-sealed:2:10:c2FsdC1zYWx0LXNhbHQtMQ==:3:"),
            "{sealed}"
        );
        assert!(!sealed.contains("secret"));
        assert_eq!(
            key.open("lia:assessment:a", &sealed).unwrap(),
            ("secret text".to_string(), Some(3))
        );
        assert_eq!(
            key.open("lia:assessment:b", &sealed),
            Err(Refusal::NotAuthentic)
        );
        // The revision in the header is bound: changed, it does not open.
        let renumbered = sealed.replacen(":3:", ":4:", 1);
        assert_eq!(
            key.open("lia:assessment:a", &renumbered),
            Err(Refusal::NotAuthentic)
        );
        let other = Key::derive("wrong horse", b"salt-salt-salt-1", FAST);
        assert_eq!(
            other.open("lia:assessment:a", &sealed),
            Err(Refusal::NotAuthentic)
        );
        let mut tampered = sealed.clone();
        let at = sealed.len() - 10;
        tampered.replace_range(at..at + 1, "A");
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
        assert_eq!(
            key.open("lia:assessment:a", "lia-sealed:9:x"),
            Err(Refusal::NotAuthentic)
        );
    }

    #[test]
    fn a_value_says_how_its_key_is_derived_and_one_derived_otherwise_is_refused() {
        let key = Key::derive("correct horse", b"salt-salt-salt-1", FAST);
        let sealed = key.seal("lia:index", "{}", 0, [1; 12]);
        let params = Params::of(&sealed).unwrap();
        assert_eq!(&params, key.params());
        assert_eq!(params.parts(), Some((FAST, b"salt-salt-salt-1".to_vec())));
        // The same passphrase with another salt is another key.
        let resalted = Key::derive("correct horse", b"salt-salt-salt-2", FAST);
        assert_eq!(
            resalted.open("lia:index", &sealed),
            Err(Refusal::NotAuthentic)
        );
        // Absurd parameters are never used to derive a key.
        let greedy = sealed.replacen(":10:", ":4000000000:", 1);
        assert_eq!(Params::of(&greedy).unwrap().parts(), None);
    }

    #[test]
    fn values_sealed_in_the_first_form_still_open() {
        let key = Key::derive("correct horse", b"salt-salt-salt-1", FAST);
        let nonce = [6; 12];
        let mut bytes = nonce.to_vec();
        bytes.extend(
            key.crypt(true, nonce, b"old text", "lia:assessment:a")
                .unwrap(),
        );
        let first = format!("{V1}{}", base64::encode(&bytes));
        assert_eq!(
            key.open("lia:assessment:a", &first),
            Ok(("old text".to_string(), None))
        );
        assert_eq!(Params::of(&first), None);
    }

    #[test]
    fn the_lock_tells_a_right_passphrase_from_a_wrong_one() {
        let (lock, key) = Lock::create("correct horse", [7; 16], FAST, "lia:lock", [2; 12]);
        let raw = lock.encode();
        assert!(!raw.contains("correct"));
        let lock = Lock::decode(&raw).unwrap();
        assert!(lock.unlock("correct horse", "lia:lock").is_some());
        assert!(lock.unlock("Correct horse", "lia:lock").is_none());
        assert!(lock.unlock("", "lia:lock").is_none());
        assert_eq!(Lock::decode("{}"), None);
        // Put back from a key already derived, it is the same lock.
        let again = Lock::of(&key, "lia:lock", [3; 12]);
        assert_eq!(
            (again.iterations, &again.salt),
            (lock.iterations, &lock.salt)
        );
        assert!(again.unlock("correct horse", "lia:lock").is_some());
        // One asking for more rounds than any release uses is not a lock.
        let greedy = raw.replace("\"iterations\":10", "\"iterations\":4000000000");
        assert_eq!(Lock::decode(&greedy), None);
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
        kv.set(
            "lia:assessment:a",
            "{\"revision\":1,\"title\":\"Staff CCTV\"}",
        )
        .unwrap();
        kv.set("lia:index", "{\"index\":1}").unwrap();
        kv.set("elsewhere", "not ours").unwrap();
        let stored = kv.inner().entries().clone();
        assert!(stored["lia:assessment:a"].starts_with(SEALED));
        assert!(!stored.values().any(|v| v.contains("Staff CCTV")));
        assert_eq!(stored["elsewhere"], "not ours");
        assert_eq!(
            kv.get("lia:assessment:a").unwrap().unwrap(),
            "{\"revision\":1,\"title\":\"Staff CCTV\"}"
        );
        // Planted by another page: in clear, or sealed with another key.
        kv.inner_mut()
            .set("lia:assessment:planted", "{\"status\":\"approved\"}")
            .unwrap();
        let other = Key::derive("other", b"0123456789abcdef", FAST);
        let forged = other.seal("lia:assessment:forged", "{}", 0, [4; 12]);
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

    #[test]
    fn a_record_must_hold_the_revision_it_was_sealed_with() {
        let ns = Namespace::default();
        let mut kv = Sealed::new(MemoryKv::new(), ns, Nonces::new([3; 8]));
        let key = Key::derive("pass", b"0123456789abcdef", FAST);
        let forged = key.seal(
            "lia:assessment:a",
            "{\"schema_version\":1,\"revision\":2}",
            9,
            [5; 12],
        );
        kv.set_key(Some(key));
        kv.set("lia:assessment:a", "{\"schema_version\":1,\"revision\":2}")
            .unwrap();
        assert!(kv.inner().entries()["lia:assessment:a"].contains(":2:"));
        assert_eq!(
            kv.get("lia:assessment:a").unwrap().as_deref(),
            Some("{\"schema_version\":1,\"revision\":2}")
        );
        kv.inner_mut().set("lia:assessment:a", &forged).unwrap();
        assert_eq!(
            Refusal::of(&kv.get("lia:assessment:a").unwrap().unwrap()),
            Some(Refusal::NotAuthentic)
        );
    }

    #[test]
    fn journal_entries_are_sealed_apart_from_storage() {
        let ns = Namespace::default();
        let mut kv = Sealed::new(MemoryKv::new(), ns, Nonces::new([3; 8]));
        assert_eq!(
            kv.seal_journal("lia:assessment:a", "entry", 2),
            None,
            "no key"
        );
        kv.set_key(Some(Key::derive("pass", b"0123456789abcdef", FAST)));
        let sealed = kv.seal_journal("lia:assessment:a", "entry", 2).unwrap();
        assert_eq!(
            kv.open_journal("lia:assessment:a", &sealed),
            Ok(("entry".to_string(), 2))
        );
        assert_eq!(
            kv.open_journal("lia:assessment:b", &sealed),
            Err(Refusal::NotAuthentic)
        );
        // A value sealed for storage is no journal entry.
        kv.set("lia:assessment:a", "{\"revision\":2}").unwrap();
        let stored = kv.inner().entries()["lia:assessment:a"].clone();
        assert_eq!(
            kv.open_journal("lia:assessment:a", &stored),
            Err(Refusal::NotAuthentic)
        );
    }
}
