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
// A record is the usual case, not the exception: boxing it would only add a step.
#[allow(clippy::large_enum_variant)]
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

/// One unit `format_bytes` shows sizes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeUnit {
    /// The smallest size shown in this unit (larger ones may be in the next).
    pub from: u64,
    /// Bytes in one of this unit.
    pub bytes: u64,
    /// Decimal places shown.
    pub decimals: u32,
    /// Written after the number and a space.
    pub name: &'static str,
}

const KB: u64 = 1024;
const MB: u64 = 1024 * KB;

/// The units of `format_bytes`, smallest first. The JavaScript around the app reads them
/// from the generated scripts/app-facts.json, with `SIZE_ROUNDING`.
pub const SIZE_UNITS: [SizeUnit; 3] = [
    SizeUnit {
        from: 0,
        bytes: 1,
        decimals: 0,
        name: "bytes",
    },
    SizeUnit {
        from: KB,
        bytes: KB,
        decimals: 0,
        name: "KB",
    },
    SizeUnit {
        from: MB,
        bytes: MB,
        decimals: 1,
        name: "MB",
    },
];

/// How `format_bytes` rounds, in words (written into the facts file).
pub const SIZE_ROUNDING: &str =
    "in integers, halves up: the number shown, without its decimal point, is \
     floor((size * 10^decimals + floor(bytes / 2)) / bytes), in the last unit whose `from` \
     the size reaches";

/// Sizes as people read them: "812 bytes", "36 KB", "4.9 MB" (see `SIZE_UNITS`).
pub fn format_bytes(size: u64) -> String {
    let unit = SIZE_UNITS
        .iter()
        .rev()
        .find(|u| size >= u.from)
        .unwrap_or(&SIZE_UNITS[0]);
    // Rounded in integers (no float formatting in the app), as `SIZE_ROUNDING` says.
    let scale = 10u64.pow(unit.decimals);
    let scaled = (size * scale + unit.bytes / 2) / unit.bytes;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    match unit.decimals {
        0 => format!("{whole} {}", unit.name),
        d => format!("{whole}.{fraction:0d$} {}", unit.name, d = d as usize),
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
    fn sizes_round_halves_up_at_each_unit() {
        for (size, text) in [
            (0, "0 bytes"),
            (1023, "1023 bytes"),
            (1024, "1 KB"),
            (1535, "1 KB"),
            (1536, "2 KB"),
            (MB - 1, "1024 KB"),
            (MB, "1.0 MB"),
            // 1.05 MB is 1 101 004.8 bytes.
            (1_101_004, "1.0 MB"),
            (1_101_005, "1.1 MB"),
            (10 * MB, "10.0 MB"),
        ] {
            assert_eq!(format_bytes(size), text, "{size}");
        }
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
