//! The key layout. Every key the store reads or writes starts with `<namespace>:`, so two
//! installs on one origin, with different namespaces, never see each other's data:
//!
//! | Key | Value |
//! |---|---|
//! | `<ns>:index` | the start page's summaries (a cache, rebuilt from the records) |
//! | `<ns>:assessment:<id>` | one assessment record (the truth) |
//! | `<ns>:quarantine:<id>:<n>` | the raw text of a record that could not be read, byte for byte |
//! | `<ns>:quarantine-note:<id>:<n>` | its title, the reason and when it was set aside |
//! | `<ns>:lock` | with a passphrase set: the salt, iteration count and a sealed check |
//! | `<ns>:settings` | the organisation's settings file chosen in the tool, as chosen (`session::KeptSettings`) |

use std::fmt;

pub const DEFAULT_NAMESPACE: &str = "lia";

/// Between the namespace and the rest of every key.
const SEPARATOR: char = ':';
const INDEX: &str = "index";
const LOCK: &str = "lock";
const SETTINGS: &str = "settings";
const RECORD: &str = "assessment:";
const QUARANTINE: &str = "quarantine:";
const NOTE: &str = "quarantine-note:";

/// What stands for the namespace, the assessment id and the set-aside number in
/// `key_templates`.
pub const NAMESPACE_PLACEHOLDER: &str = "{ns}";
pub const ID_PLACEHOLDER: &str = "{id}";
pub const N_PLACEHOLDER: &str = "{n}";

/// The prefix that keeps one install's keys apart from another's on the same origin.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Namespace(String);

/// A namespace name that could let two installs' keys overlap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidNamespace(pub String);

impl fmt::Display for InvalidNamespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}” cannot be used as a storage namespace: use 1 to 64 letters, digits, hyphens or underscores.",
            self.0
        )
    }
}

impl Default for Namespace {
    fn default() -> Namespace {
        Namespace(DEFAULT_NAMESPACE.to_string())
    }
}

/// What a key is, within a namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Index,
    Record(String),
    /// The organisation's settings file chosen in the tool.
    Settings,
    Quarantine {
        id: String,
        n: u32,
    },
    Note {
        id: String,
        n: u32,
    },
    /// In the namespace but not a kind this release writes.
    Other,
}

/// What a change to one key (the browser's `storage` event) means for this namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Storage was cleared (the event's key is null): reload everything.
    Everything,
    /// The start page's index changed.
    Index,
    /// This assessment was saved, deleted or restored in another tab.
    Assessment(String),
    /// A damaged record of this assessment was set aside or discarded.
    SetAside(String),
    /// Some other key of this namespace (written by a newer release).
    Other,
}

impl Namespace {
    /// Letters, digits, `-` and `_` only: a `:` would let `a` read `a:b`'s keys.
    pub fn new(name: &str) -> Result<Namespace, InvalidNamespace> {
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if name.is_empty() || name.len() > 64 || !name.chars().all(allowed) {
            return Err(InvalidNamespace(name.to_string()));
        }
        Ok(Namespace(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn index_key(&self) -> String {
        format!("{}{SEPARATOR}{INDEX}", self.0)
    }

    /// Whether the value under `key` is sealed once a passphrase is set: this
    /// namespace's index, records, notes and settings file; not the lock, nor the text
    /// set aside from a damaged record (kept byte for byte as it was found).
    pub fn is_sealed_key(&self, key: &str) -> bool {
        matches!(
            self.kind(key),
            Some(KeyKind::Index | KeyKind::Record(_) | KeyKind::Note { .. } | KeyKind::Settings)
        )
    }

    /// The id of the record under `key`, if it is one of this namespace's.
    pub fn record_id(&self, key: &str) -> Option<String> {
        match self.kind(key)? {
            KeyKind::Record(id) => Some(id),
            _ => None,
        }
    }

    /// Whether `key` is one of this namespace's records.
    pub fn is_record_key(&self, key: &str) -> bool {
        matches!(self.kind(key), Some(KeyKind::Record(_)))
    }

    /// The passphrase lock (see `seal.rs`): kept in clear, it holds no secret.
    pub fn lock_key(&self) -> String {
        format!("{}:{LOCK}", self.0)
    }

    /// The organisation's settings file chosen in the tool (see `session::KeptSettings`).
    pub fn settings_key(&self) -> String {
        format!("{}{SEPARATOR}{SETTINGS}", self.0)
    }

    pub fn record_key(&self, id: &str) -> String {
        format!("{}{SEPARATOR}{RECORD}{id}", self.0)
    }

    pub fn quarantine_key(&self, id: &str, n: u32) -> String {
        self.numbered(QUARANTINE, id, n)
    }

    pub(crate) fn note_key(&self, id: &str, n: u32) -> String {
        self.numbered(NOTE, id, n)
    }

    /// The start of every key of this namespace.
    fn prefix(&self) -> String {
        format!("{}{SEPARATOR}", self.0)
    }

    /// A set-aside text's key or its note's: `n` counts the times `id` was set aside.
    fn numbered(&self, kind: &str, id: &str, n: impl fmt::Display) -> String {
        format!("{}{SEPARATOR}{kind}{id}{SEPARATOR}{n}", self.0)
    }

    fn rest<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(self.0.as_str())?.strip_prefix(SEPARATOR)
    }

    /// What the key is, or `None` if it belongs to another namespace or to nobody.
    pub(crate) fn kind(&self, key: &str) -> Option<KeyKind> {
        let rest = self.rest(key)?;
        let numbered = |rest: &str| {
            let (id, n) = rest.rsplit_once(SEPARATOR)?;
            Some((id.to_string(), n.parse::<u32>().ok()?))
        };
        Some(if rest == INDEX {
            KeyKind::Index
        } else if rest == SETTINGS {
            KeyKind::Settings
        } else if let Some(id) = rest.strip_prefix(RECORD) {
            KeyKind::Record(id.to_string())
        } else if let Some((id, n)) = rest.strip_prefix(QUARANTINE).and_then(numbered) {
            KeyKind::Quarantine { id, n }
        } else if let Some((id, n)) = rest.strip_prefix(NOTE).and_then(numbered) {
            KeyKind::Note { id, n }
        } else {
            KeyKind::Other
        })
    }

    /// What a `storage` event's key means here; `None` if it is another namespace's
    /// (or nobody's) and can be ignored. `key` is `None` when storage was cleared.
    pub fn change(&self, key: Option<&str>) -> Option<Change> {
        let Some(key) = key else {
            return Some(Change::Everything);
        };
        Some(match self.kind(key)? {
            KeyKind::Index => Change::Index,
            KeyKind::Record(id) => Change::Assessment(id),
            KeyKind::Quarantine { id, .. } | KeyKind::Note { id, .. } => Change::SetAside(id),
            // Read again at the next start (as the trusted approvers are).
            KeyKind::Settings | KeyKind::Other => Change::Other,
        })
    }
}

/// The key layout as templates, for the JavaScript around the app (the generated
/// scripts/app-facts.json): what the methods above write for the namespace
/// `NAMESPACE_PLACEHOLDER`, the id `ID_PLACEHOLDER` and the number `N_PLACEHOLDER`.
/// `namespace` is the start of every key of a namespace.
pub fn key_templates() -> [(&'static str, String); 7] {
    // Not a valid namespace, which is the point: it cannot be mistaken for a real key.
    let ns = Namespace(NAMESPACE_PLACEHOLDER.to_string());
    [
        ("namespace", ns.prefix()),
        ("index", ns.index_key()),
        ("record", ns.record_key(ID_PLACEHOLDER)),
        (
            "quarantine",
            ns.numbered(QUARANTINE, ID_PLACEHOLDER, N_PLACEHOLDER),
        ),
        (
            "quarantine_note",
            ns.numbered(NOTE, ID_PLACEHOLDER, N_PLACEHOLDER),
        ),
        ("lock", ns.lock_key()),
        ("settings", ns.settings_key()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_overlap_are_refused() {
        for bad in ["", "lia:x", "a b", "lia/", "é", &"x".repeat(65)] {
            assert!(Namespace::new(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Namespace::new("team-2_a").unwrap().as_str(), "team-2_a");
        assert_eq!(Namespace::default().as_str(), "lia");
    }

    #[test]
    fn keys_are_laid_out_and_read_back() {
        let ns = Namespace::default();
        assert_eq!(ns.index_key(), "lia:index");
        assert_eq!(ns.record_key("a:b"), "lia:assessment:a:b");
        assert_eq!(ns.quarantine_key("a:b", 2), "lia:quarantine:a:b:2");
        assert_eq!(ns.kind("lia:index"), Some(KeyKind::Index));
        assert_eq!(
            ns.kind("lia:assessment:a:b"),
            Some(KeyKind::Record("a:b".into()))
        );
        assert_eq!(
            ns.kind("lia:quarantine:a:b:2"),
            Some(KeyKind::Quarantine {
                id: "a:b".into(),
                n: 2
            })
        );
        assert_eq!(
            ns.kind(&ns.note_key("x", 1)),
            Some(KeyKind::Note {
                id: "x".into(),
                n: 1
            })
        );
        assert_eq!(ns.kind("lia:quarantine:x:y"), Some(KeyKind::Other));
        assert_eq!(ns.settings_key(), "lia:settings");
        assert_eq!(ns.kind("lia:settings"), Some(KeyKind::Settings));
        assert!(ns.is_sealed_key("lia:settings"));
        assert!(!ns.is_sealed_key("lia:settings:x"));
        assert_eq!(ns.kind("lia:settings:x"), Some(KeyKind::Other));
        assert_eq!(ns.kind("liax:index"), None);
        assert_eq!(ns.kind("lia"), None);
        assert_eq!(ns.kind("other:assessment:x"), None);
    }

    #[test]
    fn the_templates_are_the_keys_with_placeholders() {
        let ns = Namespace::new("team").unwrap();
        let fill = |t: &str| {
            t.replace(NAMESPACE_PLACEHOLDER, "team")
                .replace(ID_PLACEHOLDER, "a:b")
                .replace(N_PLACEHOLDER, "7")
        };
        let templates = key_templates();
        let by_name = |name: &str| fill(&templates.iter().find(|(n, _)| *n == name).unwrap().1);
        assert_eq!(by_name("namespace"), "team:");
        assert_eq!(by_name("index"), ns.index_key());
        assert_eq!(by_name("record"), ns.record_key("a:b"));
        assert_eq!(by_name("quarantine"), ns.quarantine_key("a:b", 7));
        assert_eq!(by_name("quarantine_note"), ns.note_key("a:b", 7));
        assert_eq!(by_name("lock"), ns.lock_key());
        assert_eq!(by_name("settings"), ns.settings_key());
        assert_eq!(ns.kind(&by_name("namespace")), Some(KeyKind::Other));
    }

    #[test]
    fn storage_events_are_sorted_by_what_they_touch() {
        let ns = Namespace::new("team").unwrap();
        assert_eq!(ns.change(None), Some(Change::Everything));
        assert_eq!(ns.change(Some("team:index")), Some(Change::Index));
        assert_eq!(
            ns.change(Some("team:assessment:42")),
            Some(Change::Assessment("42".into()))
        );
        assert_eq!(
            ns.change(Some("team:quarantine:42:1")),
            Some(Change::SetAside("42".into()))
        );
        assert_eq!(ns.change(Some("team:later-feature")), Some(Change::Other));
        assert_eq!(ns.change(Some("team:settings")), Some(Change::Other));
        assert_eq!(ns.change(Some("lia:assessment:42")), None);
        assert_eq!(ns.change(Some("teamx:index")), None);
    }
}
