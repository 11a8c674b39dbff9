//! This browser's list of trusted approvers as the session keeps it: in clear only where
//! no passphrase is set on a web site; sealed with the passphrase whenever one is set,
//! and always on `file:` (every page opened from a file shares the storage). The shell
//! reads and writes the text (IndexedDB); what it may trust of it is decided here.
//!
//! Why sealed whenever a passphrase is set: another page of the same site can write
//! IndexedDB. A list in clear would let it add its own key card, and a decision it
//! forged would then show as "Approved". A sealed list opens only with the passphrase,
//! so what did not open is refused, never trusted.

use super::{Protection, Session};
use crate::handover::keycard::{cards_from_json, cards_to_json};
use crate::handover::KeyCard;
use crate::storage::seal::SEALED;
use crate::storage::KeyValue;

/// The label the list is sealed under (its seal is bound to it).
const LABEL: &str = "trusted-approvers";

/// The list as read back.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptTrust {
    Cards(Vec<KeyCard>),
    /// Sealed, and the passphrase is not given yet.
    Locked,
    /// Not used: it is not what this tool keeps here (why, for the person).
    Refused(&'static str),
}

/// Planted in clear, sealed with another passphrase, or kept sealed where no passphrase
/// is set now.
pub const REFUSED: &str = "The list of trusted approvers kept in this browser is not sealed with a passphrase set here now, so this tool cannot tell that it wrote it (another page of this site may have). It is not used: no approver on it is trusted here. Add your approvers again after checking their fingerprints; that replaces it.";
/// On `file:` with no passphrase: the list cannot be kept.
pub const NEEDS_PASSPHRASE: &str = "This tool is opened as a file, where every page opened from a file shares this browser's storage. Set a passphrase on the start page first: the list of trusted approvers is then kept only with it, so no other page can add to it.";

impl<K: KeyValue> Session<K> {
    /// Whether the list is kept sealed here (`file`: opened as a file).
    pub fn trust_list_sealed(&self, file: bool) -> bool {
        file || self.protection != Protection::Off
    }

    /// What of `kept` (the list's text as stored) may be trusted.
    pub fn read_trust_list(&mut self, kept: &str, file: bool) -> KeptTrust {
        let sealed = kept.starts_with(SEALED);
        match self.protection {
            Protection::Off if file || sealed => KeptTrust::Refused(REFUSED),
            Protection::Off => KeptTrust::Cards(cards_from_json(kept)),
            Protection::Locked => KeptTrust::Locked,
            Protection::On if !sealed => KeptTrust::Refused(REFUSED),
            Protection::On => match self.open_secret(LABEL, kept) {
                Some(text) => KeptTrust::Cards(cards_from_json(&text)),
                None => KeptTrust::Refused(REFUSED),
            },
        }
    }

    /// The text to keep for `cards`: sealed where it must be, or why it cannot be kept.
    pub fn write_trust_list(
        &mut self,
        cards: &[KeyCard],
        file: bool,
    ) -> Result<String, &'static str> {
        let text = cards_to_json(cards);
        if !self.trust_list_sealed(file) {
            return Ok(text);
        }
        if self.protection != Protection::On {
            return Err(NEEDS_PASSPHRASE);
        }
        self.seal_secret(LABEL, &text).ok_or(NEEDS_PASSPHRASE)
    }
}
