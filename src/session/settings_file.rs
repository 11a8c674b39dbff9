//! The organisation's settings file chosen in the tool (issue 29), as the session keeps
//! it: its text exactly as chosen, under `<ns>:settings` in this browser's storage, kept
//! until another is chosen or it is removed. It is kept as this browser's trusted
//! approvers are (`trust_list.rs`): in clear only where no passphrase is set on a web
//! site; sealed with the passphrase whenever one is set (it is one of the values
//! `storage::seal` seals, bound to its storage key, and sealed again with everything
//! else when the passphrase is set, changed or removed); and on `file:`, where every page
//! opened from a file shares the storage, kept only with a passphrase.
//!
//! Why: a settings file names approvers whose signatures are trusted, and asks and checks
//! questions. Another page of the same site (or any file opened in the browser, on
//! `file:`) can write this storage. A file in clear there would let it put its own
//! approver in; a sealed one opens only with the passphrase, so what does not open is
//! refused, never used. What opens is read again like a file from outside
//! (`organisation::read`): a file changed in storage so that it no longer reads is
//! refused with every problem, never used in part. Either way the tool says so, and works
//! without settings until one is chosen again (which replaces it) or it is removed.

use std::sync::Arc;

use super::{Defaults, Notice, Protection, Session};
use crate::organisation::{self, Settings};
use crate::storage::seal::{Refusal, SEALED};
use crate::storage::KeyValue;

/// The settings file kept here, as read back (at start-up, and once the passphrase is
/// given).
#[derive(Clone, Debug, PartialEq)]
pub enum KeptSettings {
    /// No file is kept.
    None,
    /// Read and checked like a file from outside: its text as chosen, and what it gives.
    Read {
        text: String,
        settings: Arc<Settings>,
    },
    /// Sealed, and the passphrase is not given yet.
    Locked,
    /// Not used: why, and, when it no longer reads as a settings file, every problem
    /// with where it is.
    Refused {
        why: &'static str,
        problems: Vec<String>,
    },
}

/// Planted in clear, sealed with another passphrase, or kept sealed where no passphrase
/// is set now (or kept in clear on `file:`).
pub const NOT_SEALED_HERE: &str = "The settings file kept in this browser is not sealed with a passphrase set here now, so this tool cannot tell that it kept it (another page may have put it there). It is not used: the tool works without settings. Choose the file again on the settings page, or remove it there.";
/// It opened (or is in clear where that is allowed) but is not a settings file now.
pub const NO_LONGER_READS: &str = "The settings file kept in this browser has been changed since it was chosen, and is no longer a settings file this tool can use. It is not used: the tool works without settings. Choose the file again on the settings page, or remove it there.";
/// On `file:` with no passphrase: a chosen file is used, but cannot be kept.
pub const NEEDS_PASSPHRASE: &str = "This tool is opened as a file, where every page opened from a file shares this browser's storage, so the settings are used only until you close this page. Set a passphrase on the start page to keep them: they are then kept sealed with it.";
/// With a passphrase set and not given yet, nothing can be kept.
pub const GIVE_PASSPHRASE: &str =
    "Give your passphrase on the start page first: until then, nothing can be kept here.";

impl<K: KeyValue> Session<K> {
    /// What of the settings file kept here may be used (`file`: the tool is opened as a
    /// file). A refusal is also the session's notice, so it is said on whatever page is
    /// shown; the kept text is left as it is, until a file is chosen or it is removed.
    pub fn read_kept_settings(&mut self, file: bool) -> KeptSettings {
        let key = self.store.namespace().settings_key();
        let kv = self.store.kv();
        let Ok(Some(stored)) = kv.get_stored(&key) else {
            return KeptSettings::None;
        };
        let sealed = stored.starts_with(SEALED);
        let text = match self.protection {
            Protection::Locked => return KeptSettings::Locked,
            Protection::Off if file || sealed => None,
            Protection::Off => Some(stored),
            Protection::On if !sealed => None,
            // Opened with the passphrase, bound to this key (see `storage::seal`).
            Protection::On => kv
                .get(&key)
                .ok()
                .flatten()
                .filter(|text| Refusal::of(text).is_none()),
        };
        let kept = match text.map(|text| (organisation::read(&text), text)) {
            None => KeptSettings::Refused {
                why: NOT_SEALED_HERE,
                problems: Vec::new(),
            },
            Some((Ok(settings), text)) => {
                self.settings_accepted = true;
                return KeptSettings::Read {
                    text,
                    settings: Arc::new(settings),
                };
            }
            Some((Err(problems), _)) => KeptSettings::Refused {
                why: NO_LONGER_READS,
                problems: problems.iter().map(ToString::to_string).collect(),
            },
        };
        self.settings_accepted = false;
        if let KeptSettings::Refused { why, .. } = kept {
            self.notice = Some(Notice::SettingsRefused(why));
        }
        kept
    }

    /// Keeps `text`, a settings file chosen and read (`organisation::read`), in place of
    /// any kept before: sealed with the passphrase when one is set. Why it cannot be kept
    /// otherwise (on `file:` with no passphrase, anything kept before is removed, so an
    /// older file never comes back in its place).
    pub fn keep_settings(&mut self, text: &str, file: bool) -> Result<(), String> {
        let key = self.store.namespace().settings_key();
        if matches!(self.notice, Some(Notice::SettingsRefused(_))) {
            self.notice = None;
        }
        let kept = match self.protection {
            Protection::Locked => return Err(GIVE_PASSPHRASE.into()),
            Protection::Off if file => {
                let _ = self.store.kv_mut().remove(&key);
                Err(NEEDS_PASSPHRASE.into())
            }
            // The seal (`storage::seal::Sealed`) seals it when a passphrase is set.
            _ => match self.store.kv_mut().set(&key, text) {
                Ok(()) => Ok(()),
                Err(e) => Err(format!(
                    "This browser's storage would not keep them, so they are used only until you close this page: {}",
                    self.store_error(e)
                )),
            },
        };
        self.settings_accepted = kept.is_ok();
        kept
    }

    /// Removes the settings file kept here, if any.
    pub fn forget_settings(&mut self) -> Result<(), String> {
        let key = self.store.namespace().settings_key();
        self.store
            .kv_mut()
            .remove(&key)
            .map_err(|e| format!("This browser's storage would not remove it: {e}"))?;
        self.settings_accepted = false;
        if matches!(self.notice, Some(Notice::SettingsRefused(_))) {
            self.notice = None;
        }
        Ok(())
    }

    /// What a new, blank assessment starts with from now on, and whether an author may
    /// approve their own: the host page's attributes merged with the settings in use
    /// (`embed::Settings::with_file`). Assessments already made keep what they were made
    /// under.
    pub fn set_defaults(&mut self, defaults: Defaults) {
        self.defaults = defaults;
    }

    /// What a new, blank assessment starts with.
    pub fn defaults(&self) -> &Defaults {
        &self.defaults
    }
}
