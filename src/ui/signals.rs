//! The session's view as signals. After each operation the view is compared with the
//! signals while the session is borrowed, copied only where it changed, and set after,
//! so nothing that shows an unchanged value is redrawn.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::session::{
    Approving, Clash, ConflictKind, ImportClash, ImportWarning, Notice, Protection, SaveStatus,
    View,
};
use crate::storage::{DamagedRecord, Deleted, Summary};

/// The session's view as signals, each set only when it changes (so nothing that shows
/// it is redrawn for an unchanged value).
#[derive(Clone, Copy)]
pub struct StorageView {
    pub status: RwSignal<SaveStatus>,
    /// The browser gives this tool no storage: the permanent "download before you leave".
    pub unavailable: RwSignal<bool>,
    /// Saved records that could not be read, set aside.
    pub damaged: RwSignal<Vec<DamagedRecord>>,
    /// Bytes this tool's namespace uses.
    pub usage: RwSignal<u64>,
    /// Deleted this session, newest first, for undo until the page is reloaded.
    pub deleted: RwSignal<Vec<Deleted>>,
    /// Another tab changed the open assessment while this one had unsaved changes.
    pub conflict: RwSignal<Option<ConflictKind>>,
    /// What both tabs changed differently, while the conflict waits.
    pub clashes: RwSignal<Vec<Clash>>,
    /// The version not kept when a clash was settled, to download.
    pub not_kept: RwSignal<Option<Assessment>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The open assessment was approved elsewhere while this one had changes.
    pub approved_elsewhere: RwSignal<bool>,
    /// Whether saved assessments are encrypted with a passphrase, and if it was given.
    pub protection: RwSignal<Protection>,
    /// The digest warning of the open assessment, if it came from such a file.
    pub import_warnings: RwSignal<Vec<ImportWarning>>,
    /// An imported file whose id is already saved here, waiting for a choice.
    pub import_clash: RwSignal<Option<ImportClash>>,
    pub summaries: RwSignal<Vec<Summary>>,
    /// A file sent for approval, open for the approver.
    pub approving: RwSignal<Option<Approving>>,
}

impl StorageView {
    pub fn new() -> StorageView {
        StorageView {
            status: RwSignal::new(SaveStatus::Idle),
            unavailable: RwSignal::new(false),
            damaged: RwSignal::new(Vec::new()),
            usage: RwSignal::new(0),
            deleted: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            clashes: RwSignal::new(Vec::new()),
            not_kept: RwSignal::new(None),
            notice: RwSignal::new(None),
            approved_elsewhere: RwSignal::new(false),
            protection: RwSignal::new(Protection::Off),
            import_warnings: RwSignal::new(Vec::new()),
            import_clash: RwSignal::new(None),
            summaries: RwSignal::new(Vec::new()),
            approving: RwSignal::new(None),
        }
    }
}

/// What changed, to set once the session is no longer borrowed.
pub struct Changes {
    open: Option<Option<Assessment>>,
    replaced: Option<u64>,
    status: Option<SaveStatus>,
    unavailable: Option<bool>,
    damaged: Option<Vec<DamagedRecord>>,
    usage: Option<u64>,
    deleted: Option<Vec<Deleted>>,
    conflict: Option<Option<ConflictKind>>,
    clashes: Option<Vec<Clash>>,
    not_kept: Option<Option<Assessment>>,
    notice: Option<Option<Notice>>,
    approved_elsewhere: Option<bool>,
    protection: Option<Protection>,
    import_warnings: Option<Vec<ImportWarning>>,
    import_clash: Option<Option<ImportClash>>,
    summaries: Option<Vec<Summary>>,
    approving: Option<Option<Approving>>,
}

impl Changes {
    /// What differs between the session's view and the signals; `replaced_seen` is the
    /// count of replacements already mirrored.
    pub fn of(
        v: &View,
        storage: StorageView,
        open: RwSignal<Option<Assessment>>,
        replaced_seen: u64,
    ) -> Changes {
        let replaced = v.replaced != replaced_seen;
        Changes {
            open: (replaced || open.with_untracked(|o| o.as_ref() != v.open))
                .then(|| v.open.cloned()),
            replaced: replaced.then_some(v.replaced),
            status: changed(storage.status, v.status),
            unavailable: changed(storage.unavailable, &v.unavailable),
            damaged: changed_list(storage.damaged, v.damaged),
            usage: changed(storage.usage, &v.usage),
            deleted: changed_list(storage.deleted, v.deleted),
            conflict: changed(storage.conflict, &v.conflict),
            clashes: changed_list(storage.clashes, v.clashes),
            not_kept: storage
                .not_kept
                .with_untracked(|n| n.as_ref() != v.not_kept)
                .then(|| v.not_kept.cloned()),
            notice: changed(storage.notice, &v.notice.cloned()),
            approved_elsewhere: changed(storage.approved_elsewhere, &v.approved_elsewhere),
            protection: changed(storage.protection, &v.protection),
            import_warnings: changed_list(storage.import_warnings, v.import_warnings),
            import_clash: changed(storage.import_clash, &v.import_clash.cloned()),
            summaries: changed_list(storage.summaries, v.summaries),
            approving: storage
                .approving
                .with_untracked(|a| a.as_ref() != v.approving)
                .then(|| v.approving.cloned()),
        }
    }

    /// Whether the open assessment changed (or was replaced).
    pub fn opens(&self) -> bool {
        self.open.is_some()
    }

    /// Sets the signals that changed; returns the new count of replacements of the open
    /// assessment, if it was replaced (text fields then re-read it). With `quiet` (typing),
    /// the open assessment is changed without waking what shows it: the caller wakes them
    /// once typing pauses.
    pub fn apply(
        self,
        storage: StorageView,
        open: RwSignal<Option<Assessment>>,
        quiet: bool,
    ) -> Option<u64> {
        set(storage.status, self.status);
        set(storage.unavailable, self.unavailable);
        set(storage.damaged, self.damaged);
        set(storage.usage, self.usage);
        set(storage.deleted, self.deleted);
        set(storage.conflict, self.conflict);
        set(storage.clashes, self.clashes);
        set(storage.not_kept, self.not_kept);
        set(storage.notice, self.notice);
        set(storage.approved_elsewhere, self.approved_elsewhere);
        set(storage.protection, self.protection);
        set(storage.import_warnings, self.import_warnings);
        set(storage.import_clash, self.import_clash);
        set(storage.summaries, self.summaries);
        set(storage.approving, self.approving);
        match self.open {
            Some(now) if quiet && self.replaced.is_none() => open.update_untracked(|o| *o = now),
            now => set(open, now),
        }
        self.replaced
    }
}

fn set<T: Send + Sync + 'static>(signal: RwSignal<T>, value: Option<T>) {
    if let Some(value) = value {
        signal.set(value);
    }
}

/// A copy of `value` if the signal holds something else.
fn changed<T: Clone + PartialEq + Send + Sync + 'static>(
    signal: RwSignal<T>,
    value: &T,
) -> Option<T> {
    signal.with_untracked(|current| (current != value).then(|| value.clone()))
}

fn changed_list<T: Clone + PartialEq + Send + Sync + 'static>(
    signal: RwSignal<Vec<T>>,
    value: &[T],
) -> Option<Vec<T>> {
    signal.with_untracked(|current| (current.as_slice() != value).then(|| value.to_vec()))
}
