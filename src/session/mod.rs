//! The open assessment's life, in plain Rust: what happens between a keystroke and
//! storage. A `Session` owns the store, the open assessment, whether it has unsaved
//! changes, the revision it was based on and when a save is due; it meets another tab's
//! newer revision, an approval or deletion elsewhere, a full or blocked store; it opens,
//! starts, imports, reviews, duplicates and renames, and hands an assessment over for
//! approval. Time is passed in (milliseconds since the Unix epoch) and new ids are
//! passed in, so every transition is tested natively over `MemoryKv` with a fixed clock.
//!
//! The browser shell asks it what to show (`view`) and when to wake it (`next_wakeup`),
//! runs the timers and forwards events; it decides nothing.

mod conflict;
mod handover;
mod import;
mod journal;
mod manage;
mod merge;
mod opening;
mod protection;
mod saving;
mod settings_file;
mod trust_list;
mod view;

pub use handover::{Approving, SinceReturned};
pub use import::{usable_id, ImportChoice, ImportStep};
pub use merge::{merge, Clash, Merged};
pub use protection::{Protection, ProtectionError};
pub use settings_file::KeptSettings;
pub use trust_list::KeptTrust;
pub use view::{ConflictKind, ImportClash, ImportWarning, Notice, Problem, SaveStatus};

use crate::assessment::{Assessment, Date};
use crate::embed::Settings;
use crate::handover::Trust;
use crate::storage::{
    Conflict, DamagedRecord, Deleted, Journaled, KeyValue, Lost, Namespace, Nonces, PutBack,
    Sealed, Store, StoreError, Summary,
};

/// How long after the last change the work is saved.
pub const AUTOSAVE_DELAY_MS: f64 = 300.0;
/// The longest unsaved changes wait while typing goes on without a pause.
pub const MAX_SAVE_WAIT_MS: f64 = 2_000.0;
/// How long after a failed save it is tried again (for example once space is freed).
pub const RETRY_DELAY_MS: f64 = 5_000.0;

/// What the host page set: what a new, blank assessment starts with, and whether an
/// author may approve their own assessment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Defaults {
    pub organisation: Option<String>,
    pub approver_role: Option<String>,
    /// Off unless the organisation's settings allow it.
    pub self_approval: bool,
    /// The organisation's settings: a blank assessment is made under them.
    pub settings: Option<std::sync::Arc<crate::organisation::Settings>>,
}

impl From<&Settings> for Defaults {
    fn from(settings: &Settings) -> Defaults {
        Defaults {
            organisation: settings.organisation.clone(),
            approver_role: settings.approver_role.clone(),
            self_approval: settings.self_approval,
            settings: settings.organisation_settings.clone(),
        }
    }
}

/// An imported assessment waiting for the user to resolve a clash of ids.
#[derive(Clone, Debug)]
struct PendingImport {
    assessment: Assessment,
    warnings: Vec<ImportWarning>,
    clash: ImportClash,
}

pub struct Session<K: KeyValue> {
    /// Every write of a record is noted for the shell's write-ahead journal; with a
    /// passphrase, what is kept is sealed.
    store: Store<Journaled<Sealed<K>>>,
    protection: Protection,
    /// PBKDF2 rounds for a new passphrase.
    kdf_iterations: u32,
    /// What the journal handed back while storage was locked, put back once unlocked.
    pending_recovery: Vec<(String, String)>,
    /// The journal must be emptied before the next entries are written (the passphrase
    /// changed), and these of its keys removed (set aside or not this tool's).
    journal_reset: bool,
    journal_remove: Vec<String>,
    /// What the journal last put back, for undo.
    put_back: Vec<PutBack>,
    /// Records missing or older than when they were last saved here.
    lost: Vec<Lost>,
    /// The shell keeps a journal (IndexedDB) that survives the browser dying; until it
    /// has a save, that save is not called "Saved".
    journal: bool,
    /// The open record's save that the journal has not confirmed yet: key, revision.
    awaiting_journal: Option<(String, u64)>,
    /// False when the browser refused storage and the store is in memory only.
    durable: bool,
    today: Date,
    defaults: Defaults,
    open: Option<Assessment>,
    /// The stored revision the open assessment was loaded from or last saved as.
    base_revision: Option<u64>,
    /// That revision's content: what a merge with another tab's version starts from.
    base_copy: Option<Assessment>,
    /// The open assessment has changes not yet in storage.
    dirty: bool,
    /// When the next save (or retry) is due.
    save_due: Option<f64>,
    /// When the oldest change not yet saved was made.
    dirty_since: Option<f64>,
    conflict: Option<Conflict>,
    /// Where this tab's changes and the other tab's clash, while `conflict` waits.
    clashes: Vec<Clash>,
    /// The version the user did not keep when settling a clash, offered as a download.
    not_kept: Option<Assessment>,
    /// The open assessment was approved elsewhere while this one had changes.
    approved_elsewhere: bool,
    status: SaveStatus,
    notice: Option<Notice>,
    /// The id of an imported assessment and the warnings to show on it.
    import_warnings: (String, Vec<ImportWarning>),
    pending_import: Option<PendingImport>,
    /// Deleted in this session, newest first, for undo.
    deleted: Vec<Deleted>,
    damaged: Vec<DamagedRecord>,
    summaries: Vec<Summary>,
    usage: u64,
    /// Storage cannot be used at all: the permanent "download before you leave".
    unavailable: bool,
    /// Counts replacements of the open assessment (not edits), so fields re-read it.
    replaced: u64,
    /// A file sent for approval, open for the approver (in memory only).
    approving: Option<Approving>,
    /// The approvers whose signatures count (the host page's and this browser's lists).
    trust: Trust,
    /// The settings file kept here was chosen here or read back and accepted: only then
    /// is it sealed again with everything else when the passphrase changes (one that was
    /// refused is left exactly as it is, so setting a passphrase never seals what another
    /// page planted).
    settings_accepted: bool,
}

/// What the interface shows, borrowed from the session; the shell maps each part to a
/// signal.
#[derive(Debug, PartialEq)]
pub struct View<'s> {
    pub open: Option<&'s Assessment>,
    /// Changes whenever the open assessment is replaced rather than edited.
    pub replaced: u64,
    pub status: &'s SaveStatus,
    pub unavailable: bool,
    pub conflict: Option<ConflictKind>,
    /// What both tabs changed differently, while `conflict` waits for a choice (empty
    /// when the other tab's version is not one this tab's can be merged with).
    pub clashes: &'s [Clash],
    /// The version not kept when the last clash was settled, to download.
    pub not_kept: Option<&'s Assessment>,
    pub approved_elsewhere: bool,
    /// Whether saved assessments are sealed with a passphrase, and if it is given yet.
    pub protection: Protection,
    pub notice: Option<&'s Notice>,
    /// The warnings about the file the open assessment came from, if it did.
    pub import_warnings: &'s [ImportWarning],
    pub import_clash: Option<&'s ImportClash>,
    pub summaries: &'s [Summary],
    pub damaged: &'s [DamagedRecord],
    /// Records missing or older than when they were last saved here.
    pub lost: &'s [Lost],
    pub deleted: &'s [Deleted],
    pub usage: u64,
    /// A file sent for approval, open for the approver.
    pub approving: Option<&'s Approving>,
}

impl<K: KeyValue> Session<K> {
    /// A session over `kv` in `namespace`; `durable` is false when `kv` is the
    /// in-memory stand-in for storage the browser refused. With no journal (`journal`
    /// off) a save is "Saved" once it is in `kv`.
    pub fn new(
        kv: K,
        durable: bool,
        namespace: Namespace,
        today: Date,
        defaults: Defaults,
    ) -> Session<K> {
        Session {
            store: Store::with_namespace(
                Journaled::new(
                    Sealed::new(kv, namespace.clone(), Nonces::new([0; 8])),
                    namespace.clone(),
                ),
                namespace,
            ),
            protection: Protection::Off,
            kdf_iterations: crate::storage::seal::ITERATIONS,
            pending_recovery: Vec::new(),
            journal_reset: false,
            journal_remove: Vec::new(),
            put_back: Vec::new(),
            lost: Vec::new(),
            journal: false,
            awaiting_journal: None,
            durable,
            today,
            defaults,
            open: None,
            base_revision: None,
            base_copy: None,
            dirty: false,
            save_due: None,
            dirty_since: None,
            conflict: None,
            clashes: Vec::new(),
            not_kept: None,
            approved_elsewhere: false,
            status: SaveStatus::Idle,
            notice: None,
            import_warnings: (String::new(), Vec::new()),
            pending_import: None,
            deleted: Vec::new(),
            damaged: Vec::new(),
            summaries: Vec::new(),
            usage: 0,
            unavailable: !durable,
            replaced: 0,
            approving: None,
            trust: Trust::default(),
            settings_accepted: false,
        }
    }

    pub fn view(&self) -> View<'_> {
        let open_id = self.open.as_ref().map(|a| a.id.as_str());
        View {
            open: self.open.as_ref(),
            replaced: self.replaced,
            status: &self.status,
            unavailable: self.unavailable,
            conflict: self.conflict.as_ref().map(|c| ConflictKind::of(&c.theirs)),
            clashes: &self.clashes,
            not_kept: self.not_kept.as_ref(),
            approved_elsewhere: self.approved_elsewhere,
            protection: self.protection,
            notice: self.notice.as_ref(),
            import_warnings: match &self.import_warnings {
                (id, warnings) if Some(id.as_str()) == open_id => warnings,
                _ => &[],
            },
            import_clash: self.pending_import.as_ref().map(|p| &p.clash),
            summaries: &self.summaries,
            damaged: &self.damaged,
            lost: &self.lost,
            deleted: &self.deleted,
            usage: self.usage,
            approving: self.approving.as_ref(),
        }
    }

    pub fn open(&self) -> Option<&Assessment> {
        self.open.as_ref()
    }

    /// The open assessment has changes that are not in storage yet.
    pub fn unsaved(&self) -> bool {
        self.open.is_some() && self.dirty
    }

    /// The stored revision the open assessment is based on.
    pub fn base_revision(&self) -> Option<u64> {
        self.base_revision
    }

    /// The store, to read (tests and diagnostics; every write goes through the session).
    pub fn store(&self) -> &Store<Journaled<Sealed<K>>> {
        &self.store
    }

    /// Dismissing a notice that names records missing or older says they were seen.
    pub fn dismiss_notice(&mut self) {
        let named = matches!(
            self.notice.take(),
            Some(Notice::Lost(_) | Notice::Recovered { .. })
        );
        if named && !self.lost.is_empty() {
            self.dismiss_lost();
        }
    }

    /// The version not kept has been downloaded or is not wanted.
    pub fn dismiss_not_kept(&mut self) {
        self.not_kept = None;
    }

    /// Reads the list of saved assessments from the index: quick, for the first page.
    /// With a passphrase set, nothing is read until it is given (`unlock`).
    pub fn start_up(&mut self) {
        self.read_lock();
        if self.protection == Protection::Locked {
            return;
        }
        match self.store.list() {
            Ok(list) => self.summaries = list,
            Err(StoreError::Unavailable(_)) => self.unavailable = true,
            Err(_) => {}
        }
        self.lost = self.store.lost().unwrap_or_default();
        self.say_lost();
    }

    /// Says which records are missing or older, unless another notice is up.
    fn say_lost(&mut self) {
        if matches!(self.notice, None | Some(Notice::Lost(_))) {
            self.notice = (!self.lost.is_empty()).then(|| Notice::Lost(self.lost.clone()));
        }
    }

    /// Reads every record: the list, any damaged records (set aside), the usage.
    pub fn scan(&mut self, now: f64) {
        if self.protection == Protection::Locked {
            return;
        }
        match self.store.open(now) {
            Ok(opened) => {
                self.summaries = opened.summaries;
                self.damaged = opened.damaged;
                self.lost = opened.lost;
                self.say_lost();
            }
            Err(StoreError::Unavailable(_)) => self.unavailable = true,
            Err(e) => self.status = SaveStatus::NotSaved(Problem::Store(e)),
        }
        self.refresh_usage();
    }

    /// Reads the list, the damaged records and the usage again.
    pub fn refresh_lists(&mut self) {
        if let Ok(list) = self.store.list() {
            self.summaries = list;
        }
        if let Ok(damaged) = self.store.quarantined() {
            self.damaged = damaged;
        }
        if let Ok(lost) = self.store.lost() {
            self.lost = lost;
        }
        self.refresh_usage();
    }

    /// The user has seen which records were missing or older: stop showing them.
    pub fn dismiss_lost(&mut self) {
        self.store.forget_lost();
        self.lost.clear();
    }

    fn refresh_usage(&mut self) {
        if let Ok(bytes) = self.store.usage() {
            self.usage = bytes;
        }
    }

    /// The status to show once the open assessment is in the store (and, with a
    /// journal, in the journal too).
    fn in_store_status(&self) -> SaveStatus {
        if !self.durable {
            SaveStatus::NotSaved(Problem::MemoryOnly)
        } else if self.awaiting_journal.is_some() {
            SaveStatus::Saving
        } else {
            SaveStatus::Saved
        }
    }

    /// Makes `assessment` the open one, as stored at `revision` (`None`: not stored yet,
    /// so it has changes to save).
    fn replace_open(&mut self, mut assessment: Assessment, revision: Option<u64>) {
        // Even a stored record with two impacts under one id opens with each told apart.
        assessment.renumber_duplicate_impacts();
        self.base_copy = revision.map(|_| assessment.clone());
        self.awaiting_journal = None;
        self.open = Some(assessment);
        self.base_revision = revision;
        self.clashes.clear();
        self.dirty = revision.is_none();
        self.dirty_since = None;
        self.save_due = None;
        self.conflict = None;
        self.approved_elsewhere = false;
        self.status = if self.dirty {
            SaveStatus::Saving
        } else {
            self.in_store_status()
        };
        self.replaced += 1;
    }

    /// Closes the open assessment (nothing is kept in memory).
    fn clear_open(&mut self) {
        self.awaiting_journal = None;
        self.open = None;
        self.base_revision = None;
        self.base_copy = None;
        self.clashes.clear();
        self.dirty = false;
        self.dirty_since = None;
        self.save_due = None;
        self.conflict = None;
        self.approved_elsewhere = false;
        self.status = SaveStatus::Idle;
        self.replaced += 1;
    }
}
