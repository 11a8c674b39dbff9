//! An approver's key card: who they are (name, role, organisation) and the public half
//! of the signing key their browser made for them, with its fingerprint. The card is a
//! small JSON file they send or publish; the private half never leaves their browser.
//!
//! The fingerprint is taken over the whole identity, not the key alone (like a
//! certificate's): the SHA-256 of the canonical JSON of
//! `{"algorithm", "key", "name", "organisation", "role"}`, its first 16 bytes written as
//! eight groups of four hexadecimal digits. Checking it with the approver (by telephone,
//! in person) checks the key and the name and role it belongs to at once, and a card
//! whose name or role was changed has another fingerprint.

use crate::json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::assessment::canonical::canonical_json;
use crate::assessment::json_write::to_text;
use crate::assessment::strict_json;
use crate::assessment::write::{object, text};
use crate::base64;

/// The one signature algorithm: available to WebCrypto in Chromium, Firefox and Safari
/// (WebKit), with small keys and signatures, and deterministic to verify.
pub const ALGORITHM: &str = "Ed25519";
/// What a key card's `format` says.
pub const FORMAT: &str = "lia-approver-key";
/// The version of the key card's form.
pub const VERSION: u32 = 1;
/// The largest key card file read (a card is a few hundred bytes).
pub const MAX_CARD_BYTES: usize = 16 * 1024;
/// The longest name, role or organisation on a card.
pub const MAX_TEXT_CHARS: usize = 120;

/// Who signs: the identity on a key card, and in every decision they sign.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signer {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub algorithm: String,
    /// The public key, base64 of its raw bytes (32 for Ed25519).
    pub key: String,
}

/// A fingerprint: the first 16 bytes of the SHA-256 of a signer's identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub [u8; 16]);

impl std::fmt::Display for Fingerprint {
    /// Eight groups of four upper-case hexadecimal digits: `3F2A 9C01 …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, pair) in self.0.chunks(2).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{:02X}{:02X}", pair[0], pair[1])?;
        }
        Ok(())
    }
}

impl Fingerprint {
    /// Reads a fingerprint as written (spaces, case and a `-` between groups do not
    /// matter).
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let hex: Vec<u8> = text.bytes().filter(|b| !matches!(b, b' ' | b'-')).collect();
        if hex.len() != 32 {
            return None;
        }
        let digit = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
        let mut out = [0u8; 16];
        for (i, pair) in hex.chunks(2).enumerate() {
            out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
        }
        Some(Fingerprint(out))
    }
}

impl Signer {
    /// Who signs, as the fingerprint and each signed decision take it.
    pub(crate) fn identity(&self) -> Value {
        object([
            ("algorithm", text(&self.algorithm)),
            ("key", text(&self.key)),
            ("name", text(&self.name)),
            ("organisation", text(&self.organisation)),
            ("role", text(&self.role)),
        ])
    }

    /// The fingerprint of this identity (see the module documentation).
    pub fn fingerprint(&self) -> Fingerprint {
        let identity = self.identity();
        let hash = Sha256::digest(canonical_json(&identity).as_bytes());
        let mut out = [0u8; 16];
        out.copy_from_slice(&hash[..16]);
        Fingerprint(out)
    }

    /// "Alex Morgan (Data Protection Officer, Acme Housing)".
    pub fn who(&self) -> String {
        crate::assessment::rounds::who(&self.name, &self.role, &self.organisation)
    }

    /// The key card of this identity, as a file.
    pub fn card(&self) -> KeyCard {
        KeyCard {
            format: FORMAT.into(),
            version: VERSION,
            name: self.name.clone(),
            role: self.role.clone(),
            organisation: self.organisation.clone(),
            algorithm: self.algorithm.clone(),
            key: self.key.clone(),
            fingerprint: self.fingerprint().to_string(),
        }
    }

    /// The public key's raw bytes, if the algorithm is known and the key is one.
    pub fn key_bytes(&self) -> Result<[u8; 32], CardProblem> {
        if self.algorithm != ALGORITHM {
            return Err(CardProblem::UnknownAlgorithm(self.algorithm.clone()));
        }
        let bytes = base64::decode(&self.key).ok_or(CardProblem::BadKey)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| CardProblem::BadKey)?;
        // A key that is not a point of the curve (or one of the weak points) is refused
        // here, not only when a signature is checked.
        let key =
            ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| CardProblem::BadKey)?;
        if key.is_weak() {
            return Err(CardProblem::BadKey);
        }
        Ok(bytes)
    }
}

/// A key card as written to its file. Read and written by hand (`to_value`,
/// `from_value`): a derived deserialiser would be another copy of serde's machinery in
/// the wasm for eight fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCard {
    pub format: String,
    pub version: u32,
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub algorithm: String,
    /// The public key, base64 of its raw bytes.
    pub key: String,
    /// As shown: eight groups of four hexadecimal digits.
    pub fingerprint: String,
}

impl KeyCard {
    pub fn signer(&self) -> Signer {
        Signer {
            name: self.name.clone(),
            role: self.role.clone(),
            organisation: self.organisation.clone(),
            algorithm: self.algorithm.clone(),
            key: self.key.clone(),
        }
    }

    /// The card's fields, in the order of its file.
    fn fields(&self) -> [(&'static str, Value); 8] {
        [
            ("format", Value::from(self.format.as_str())),
            ("version", Value::from(self.version)),
            ("name", Value::from(self.name.as_str())),
            ("role", Value::from(self.role.as_str())),
            ("organisation", Value::from(self.organisation.as_str())),
            ("algorithm", Value::from(self.algorithm.as_str())),
            ("key", Value::from(self.key.as_str())),
            ("fingerprint", Value::from(self.fingerprint.as_str())),
        ]
    }

    /// The card as a JSON object.
    pub fn to_value(&self) -> Value {
        // Inserted one by one: collecting into the map would sort the fields first, with
        // a copy of the standard library's sort of its own in the wasm.
        let mut map = Map::new();
        for (k, v) in self.fields() {
            map.insert(k.to_string(), v);
        }
        Value::Object(map)
    }

    /// A card from a JSON object with exactly a card's fields (checked no further: see
    /// `check_card`).
    pub fn from_value(value: &Value) -> Result<KeyCard, CardProblem> {
        const FIELDS: [&str; 8] = [
            "format",
            "version",
            "name",
            "role",
            "organisation",
            "algorithm",
            "key",
            "fingerprint",
        ];
        let object = value.as_object().ok_or(CardProblem::NotJson)?;
        if let Some(unknown) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(CardProblem::BadField(format!(
                "it has a field “{}” a key card does not have",
                unknown.chars().take(40).collect::<String>()
            )));
        }
        let text = |field: &str| match object.get(field) {
            Some(Value::String(s)) => Ok(s.clone()),
            None if field == "organisation" => Ok(String::new()),
            _ => Err(CardProblem::BadField(format!(
                "its field “{field}” is missing or not text"
            ))),
        };
        let version = object
            .get("version")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| CardProblem::BadField("its version is missing or wrong".into()))?;
        Ok(KeyCard {
            format: text("format")?,
            version,
            name: text("name")?,
            role: text("role")?,
            organisation: text("organisation")?,
            algorithm: text("algorithm")?,
            key: text("key")?,
            fingerprint: text("fingerprint")?,
        })
    }

    /// The card as its file holds it: JSON, one field a line.
    pub fn to_file(&self) -> String {
        let lines: Vec<String> = self
            .fields()
            .iter()
            .map(|(k, v)| format!("  \"{k}\": {}", to_text(v)))
            .collect();
        format!("{{\n{}\n}}\n", lines.join(",\n"))
    }

    /// The file name to save it under: `lia-approver-key-<name>.json`.
    pub fn file_name(&self) -> String {
        let slug: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
        let slug = if slug.is_empty() {
            "approver".to_string()
        } else {
            slug.join("-").chars().take(40).collect()
        };
        format!("lia-approver-key-{slug}.json")
    }
}

/// Why a file or value is not a usable key card. Nothing is changed when one is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardProblem {
    Empty,
    TooLarge,
    /// Not JSON text, or not an object.
    NotJson,
    /// JSON, but not a key card (another file of this tool, say).
    NotACard,
    /// A key card of a later version of the tool.
    NewerVersion(u32),
    /// A field is missing, has the wrong form, or is not one of a card's.
    BadField(String),
    /// The name is empty, or a text is too long or has control characters.
    BadText(&'static str),
    UnknownAlgorithm(String),
    /// The public key is not base64 of a valid Ed25519 key.
    BadKey,
    /// The fingerprint written on it is not the fingerprint of its key and identity.
    FingerprintMismatch {
        written: String,
        actual: Fingerprint,
    },
}

impl std::fmt::Display for CardProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CardProblem::Empty => f.write_str("The file is empty: it is not a key card."),
            CardProblem::TooLarge => write!(
                f,
                "The file is larger than a key card can be ({} KB): it is not a key card.",
                MAX_CARD_BYTES / 1024
            ),
            CardProblem::NotJson => f.write_str(
                "The file is not a key card: a key card is a small JSON file made by this tool (its name starts “lia-approver-key”).",
            ),
            CardProblem::NotACard => f.write_str(
                "The file is not a key card: it is JSON, but not an approver's key card made by this tool.",
            ),
            CardProblem::NewerVersion(v) => write!(
                f,
                "The key card is of a newer form (version {v}) than this tool reads: use the latest version of the tool."
            ),
            CardProblem::BadField(what) => write!(f, "The key card is damaged: {what}."),
            CardProblem::BadText(field) => write!(
                f,
                "The key card is damaged: its {field} is empty, longer than {MAX_TEXT_CHARS} characters, or has control characters."
            ),
            CardProblem::UnknownAlgorithm(alg) => write!(
                f,
                "The key card uses the signature algorithm “{}”, which this tool does not know: it only uses {ALGORITHM}.",
                alg.chars().take(40).collect::<String>()
            ),
            CardProblem::BadKey => f.write_str(
                "The key card's public key is not a valid Ed25519 key: the card is damaged or was edited.",
            ),
            CardProblem::FingerprintMismatch { written, actual } => write!(
                f,
                "The fingerprint written on the key card ({}) is not the fingerprint of its key, name, role and organisation ({actual}): the card was changed after it was made. Do not trust it; ask the approver for their card again.",
                written.chars().take(60).collect::<String>()
            ),
        }
    }
}

fn usable_text(text: &str, required: bool) -> bool {
    (!required || !text.trim().is_empty())
        && text.chars().count() <= MAX_TEXT_CHARS
        && !text.chars().any(char::is_control)
}

/// Reads a key card file, checking everything on it: its form, the algorithm, that the
/// key is a valid key, and that its fingerprint is the one of its key and identity.
pub fn read_card(bytes: &[u8]) -> Result<KeyCard, CardProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(CardProblem::Empty);
    }
    if bytes.len() > MAX_CARD_BYTES {
        return Err(CardProblem::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| CardProblem::NotJson)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = strict_json::from_str_lenient(text).ok_or(CardProblem::NotJson)?;
    let object = value.as_object().ok_or(CardProblem::NotJson)?;
    if object.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(CardProblem::NotACard);
    }
    match object.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(CardProblem::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        _ => {
            return Err(CardProblem::BadField(
                "its version is missing or wrong".into(),
            ))
        }
    }
    let card = KeyCard::from_value(&value)?;
    check_card(&card)?;
    Ok(card)
}

/// The checks of `read_card` on a card already parsed (a card passed by the host page,
/// or kept in this browser's list).
pub fn check_card(card: &KeyCard) -> Result<(), CardProblem> {
    if card.format != FORMAT {
        return Err(CardProblem::NotACard);
    }
    if card.version > VERSION {
        return Err(CardProblem::NewerVersion(card.version));
    }
    if card.version != VERSION {
        return Err(CardProblem::BadField(
            "its version is missing or wrong".into(),
        ));
    }
    if !usable_text(&card.name, true) {
        return Err(CardProblem::BadText("name"));
    }
    if !usable_text(&card.role, false) {
        return Err(CardProblem::BadText("role"));
    }
    if !usable_text(&card.organisation, false) {
        return Err(CardProblem::BadText("organisation"));
    }
    let signer = card.signer();
    signer.key_bytes()?;
    let actual = signer.fingerprint();
    if Fingerprint::parse(&card.fingerprint) != Some(actual) {
        return Err(CardProblem::FingerprintMismatch {
            written: card.fingerprint.clone(),
            actual,
        });
    }
    Ok(())
}

/// A list of cards as JSON (this browser's list of trusted approvers).
pub fn cards_to_json(cards: &[KeyCard]) -> String {
    to_text(&Value::Array(cards.iter().map(KeyCard::to_value).collect()))
}

/// The cards of `cards_to_json`'s text; what is not a card is left out (each card is
/// checked again when trusted).
pub fn cards_from_json(text: &str) -> Vec<KeyCard> {
    match strict_json::from_str_lenient(text) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| KeyCard::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    }
}
