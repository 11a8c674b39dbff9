//! What can go wrong when the store reads or writes, with messages for the user.

use std::fmt;

use super::record::Record;

/// Why a store operation did nothing. Whatever it is, what was saved before is intact,
/// and the caller still has its own copy to retry with.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Storage is full: nothing was written. `used_bytes` is what this tool's namespace
    /// takes (counted as browsers count it), when it could be measured.
    Full {
        used_bytes: Option<u64>,
    },
    /// The browser lets this tool use no storage at all (blocked, some private windows).
    /// The UI can switch to `MemoryKv` and ask the user to download their work.
    Unavailable(String),
    /// Storage failed in some other way, as the browser reported it.
    Failed(String),
    /// Another tab or window changed the assessment since the caller's copy was loaded.
    Conflict(Box<Conflict>),
    /// The stored assessment is approved, so it is never overwritten.
    ReadOnly {
        id: String,
    },
    NotFound {
        id: String,
    },
    /// The stored record cannot be read (`open` sets such records aside).
    Damaged {
        id: String,
        reason: String,
    },
    /// The key holds no set-aside text of this namespace, so it is not touched.
    NotSetAside {
        key: String,
    },
}

/// A save refused because storage no longer holds the revision the caller started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: String,
    /// The revision the caller's copy was based on (`None`: a new assessment).
    pub base_revision: Option<u64>,
    /// What storage holds now. To take theirs, use it (or `load` again); to keep mine,
    /// pass this conflict to `Store::keep_mine`.
    pub theirs: Theirs,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Theirs {
    /// Saved again elsewhere (or, for a new id, already taken).
    Changed(Record),
    /// Deleted elsewhere.
    Deleted,
    /// Something unreadable is stored there; `raw` is its text, unchanged.
    Damaged { reason: String, raw: String },
}

impl Conflict {
    /// The revision stored now, if a readable one is.
    pub fn stored_revision(&self) -> Option<u64> {
        match &self.theirs {
            Theirs::Changed(record) => Some(record.revision),
            Theirs::Deleted | Theirs::Damaged { .. } => None,
        }
    }
}

/// Sizes as people read them: "812 bytes", "36 KB", "4.9 MB".
pub fn format_bytes(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        // One decimal place, rounded, in integers (no float formatting in the app).
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full { used_bytes } => {
                let used = used_bytes.map_or(String::new(), |b| format!(" ({} used)", format_bytes(b)));
                write!(
                    f,
                    "Not saved: this browser's storage for this tool is full{used}. Download a copy, then delete assessments you no longer need."
                )
            }
            StoreError::Unavailable(_) => write!(
                f,
                "This browser is not letting this tool use its storage (it may be a private window, or a setting blocks it). You can keep working, but nothing is kept after you close the page: download a copy before you leave."
            ),
            StoreError::Failed(why) => write!(
                f,
                "Not saved: this browser's storage reported a problem ({why}). Download a copy to keep your work, then try again."
            ),
            StoreError::Conflict(conflict) => match conflict.theirs {
                Theirs::Changed(_) => write!(
                    f,
                    "Not saved: this assessment was changed in another tab or window after you opened it."
                ),
                Theirs::Deleted => write!(
                    f,
                    "Not saved: this assessment was deleted in another tab or window after you opened it."
                ),
                Theirs::Damaged { .. } => write!(
                    f,
                    "Not saved: the saved copy of this assessment is damaged and could not be read."
                ),
            },
            StoreError::ReadOnly { .. } => write!(
                f,
                "Not saved: this assessment has been approved, so it can no longer be changed. Start a review to make a new version."
            ),
            StoreError::NotFound { id } => {
                write!(f, "There is no saved assessment with the id “{id}”.")
            }
            StoreError::Damaged { reason, .. } => {
                write!(f, "This assessment could not be opened: {reason}.")
            }
            StoreError::NotSetAside { key } => write!(
                f,
                "“{key}” does not hold a damaged record of this tool, so it was left alone."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_bytes(812), "812 bytes");
        assert_eq!(format_bytes(36 * 1024 + 100), "36 KB");
        assert_eq!(format_bytes(5_138_022), "4.9 MB");
    }

    #[test]
    fn a_full_storage_says_how_much_is_used() {
        let full = StoreError::Full {
            used_bytes: Some(5_138_022),
        };
        assert_eq!(
            full.to_string(),
            "Not saved: this browser's storage for this tool is full (4.9 MB used). Download a copy, then delete assessments you no longer need."
        );
        let unknown = StoreError::Full { used_bytes: None };
        assert!(unknown.to_string().contains("is full. Download"));
    }
}
