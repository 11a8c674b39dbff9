//! Keeping the work: the store (localStorage, or memory when the browser refuses it),
//! autosave 300 ms after the last change and at once when the page is hidden, the save
//! status, and what another tab did. Whatever fails, the open assessment stays in memory
//! and nothing already saved is lost.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::local_storage::LocalStorageKv;
use crate::assessment::Assessment;
use crate::storage::{
    Change, Conflict, DamagedRecord, Deleted, KeyValue, MemoryKv, Namespace, StoreError, Summary,
};

pub type Store = crate::storage::Store<Box<dyn KeyValue>>;

/// How long after the last keystroke the work is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);
/// How often to try again after a failed save (for example once space is freed).
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// The quiet line in the header.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing open, or nothing to save yet.
    Idle,
    Saving,
    Saved,
    /// The reason, in words for the user.
    NotSaved(String),
}

/// The storage, the open assessment's place in it, and the pending autosave.
pub struct Persistence {
    pub store: Store,
    /// False when the browser refused localStorage and the work lives in memory only.
    pub durable: bool,
    /// The stored revision the open assessment was loaded from or last saved as.
    pub base_revision: Option<u64>,
    /// The open assessment has changes not yet in storage.
    pub dirty: bool,
    timer: Option<TimeoutHandle>,
}

impl Persistence {
    /// localStorage under the namespace, or memory if the browser will not allow it
    /// (with the browser's reason).
    pub fn open(namespace: Namespace) -> (Persistence, Option<String>) {
        let (kv, refused): (Box<dyn KeyValue>, Option<String>) = match LocalStorageKv::open() {
            Ok(kv) => (Box::new(kv), None),
            Err(why) => (Box::new(MemoryKv::new()), Some(why)),
        };
        let persistence = Persistence {
            store: crate::storage::Store::with_namespace(kv, namespace),
            durable: refused.is_none(),
            base_revision: None,
            dirty: false,
            timer: None,
        };
        (persistence, refused)
    }

    fn cancel_timer(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// The signals the interface shows about storage.
#[derive(Clone, Copy)]
pub struct StorageView {
    pub status: RwSignal<SaveStatus>,
    /// Set when localStorage is unavailable: the permanent "download before you leave".
    pub unavailable: RwSignal<bool>,
    /// Saved records that could not be read, set aside.
    pub damaged: RwSignal<Vec<DamagedRecord>>,
    /// Bytes this tool's namespace uses.
    pub usage: RwSignal<u64>,
    /// Deleted this session, newest first, for undo until the page is reloaded.
    pub deleted: RwSignal<Vec<Deleted>>,
    /// Another tab changed the open assessment while this one had unsaved changes.
    pub conflict: RwSignal<Option<Conflict>>,
    /// A one-off message, e.g. that another tab's changes were loaded.
    pub notice: RwSignal<Option<String>>,
    /// The open assessment was approved in another tab while this one had changes: they
    /// can never be saved to it, so the user chooses what to do with them.
    pub approved_elsewhere: RwSignal<bool>,
    /// The id of an assessment just imported from a file that failed its digest check,
    /// with the warning to show on it.
    pub import_warning: RwSignal<Option<(String, String)>>,
    pub summaries: RwSignal<Vec<Summary>>,
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
            notice: RwSignal::new(None),
            import_warning: RwSignal::new(None),
            approved_elsewhere: RwSignal::new(false),
            summaries: RwSignal::new(Vec::new()),
        }
    }
}

/// The open assessment, the store and the view, with the operations that tie them.
#[derive(Clone, Copy)]
pub struct Keeper {
    pub persistence: StoredValue<Persistence, LocalStorage>,
    pub view: StorageView,
    pub open: RwSignal<Option<Assessment>>,
}

impl Keeper {
    /// Reads what is stored. The list comes from the index at once; reading every record
    /// (to set aside any that cannot be read) follows straight after the first render, so
    /// many saved assessments do not hold up the start of the app.
    pub fn start_up(&self) {
        if let Some(Ok(list)) = self.persistence.try_update_value(|p| p.store.list()) {
            set_if_changed(self.view.summaries, list);
        }
        let keeper = *self;
        leptos::prelude::set_timeout(move || keeper.scan(), Duration::ZERO);
    }

    /// Reads every record: the list, any damaged records (set aside), the usage.
    pub fn scan(&self) {
        let opened = self
            .persistence
            .try_update_value(|p| p.store.open(browser::now_ms()))
            .unwrap_or_else(|| Err(StoreError::Failed("no store".into())));
        match opened {
            Ok(opened) => {
                // Usually what the index said: then the list on screen is left as it is.
                set_if_changed(self.view.summaries, opened.summaries);
                set_if_changed(self.view.damaged, opened.damaged);
            }
            Err(StoreError::Unavailable(_)) => self.view.unavailable.set(true),
            Err(e) => self.view.status.set(SaveStatus::NotSaved(e.to_string())),
        }
        self.refresh_usage();
    }

    /// The open assessment has changes that are not in storage yet.
    pub fn unsaved(&self) -> bool {
        self.persistence.with_value(|p| p.dirty)
    }

    pub fn refresh_list(&self) {
        let list = self.persistence.try_update_value(|p| p.store.list());
        if let Some(Ok(list)) = list {
            set_if_changed(self.view.summaries, list);
        }
        if let Some(Ok(damaged)) = self.persistence.try_with_value(|p| p.store.quarantined()) {
            set_if_changed(self.view.damaged, damaged);
        }
        self.refresh_usage();
    }

    fn refresh_usage(&self) {
        if let Some(Ok(bytes)) = self.persistence.try_with_value(|p| p.store.usage()) {
            self.view.usage.set(bytes);
        }
    }

    /// Loads a saved assessment; on success it becomes the open one.
    pub fn load(&self, id: &str) -> Result<Assessment, StoreError> {
        let record = self
            .persistence
            .try_with_value(|p| p.store.load(id))
            .unwrap_or_else(|| Err(StoreError::Failed("no store".into())))?;
        self.persistence.update_value(|p| {
            p.cancel_timer();
            p.base_revision = Some(record.revision);
            p.dirty = false;
        });
        self.view.conflict.set(None);
        self.view.status.set(SaveStatus::Saved);
        Ok(record.assessment)
    }

    /// A new assessment becomes the open one and is saved at once.
    pub fn adopt_new(&self) {
        self.persistence.update_value(|p| {
            p.cancel_timer();
            p.base_revision = None;
            p.dirty = true;
        });
        self.view.conflict.set(None);
        self.save_now();
    }

    /// After a change: save 300 ms after the last one.
    pub fn changed(&self) {
        let keeper = *self;
        // Set only when it changes: setting it on every keystroke would redraw the status.
        if self
            .view
            .status
            .with_untracked(|s| *s != SaveStatus::Saving)
        {
            self.view.status.set(SaveStatus::Saving);
        }
        self.persistence.update_value(|p| {
            p.dirty = true;
            p.cancel_timer();
            p.timer = set_timeout_with_handle(move || keeper.save_now(), AUTOSAVE_DELAY).ok();
        });
    }

    /// Saves now if anything is unsaved (also used when the page is hidden or left).
    pub fn save_now(&self) {
        let Some(assessment) = self.open.get_untracked() else {
            return;
        };
        let pending = self.persistence.with_value(|p| p.dirty);
        if !pending || self.view.conflict.with_untracked(Option::is_some) {
            return;
        }
        let result = self.persistence.try_update_value(|p| {
            p.cancel_timer();
            super::timing::measure("lia-save", || {
                p.store
                    .save(&assessment, p.base_revision, browser::now_ms())
            })
        });
        match result {
            Some(Ok(saved)) => self.saved(saved.revision),
            Some(Err(StoreError::Conflict(conflict))) => {
                self.view.status.set(SaveStatus::NotSaved(
                    StoreError::Conflict(conflict.clone()).to_string(),
                ));
                self.view.conflict.set(Some(*conflict));
            }
            Some(Err(e @ StoreError::ReadOnly { .. })) => {
                // Approved elsewhere: trying again can never succeed, so ask instead.
                self.view.status.set(SaveStatus::NotSaved(e.to_string()));
                self.view.approved_elsewhere.set(true);
            }
            Some(Err(e)) => {
                self.view.status.set(SaveStatus::NotSaved(e.to_string()));
                self.retry_later();
            }
            None => {}
        }
    }

    /// Forgets the unsaved changes of the open assessment (the user chose another copy).
    pub fn discard_changes(&self) {
        self.persistence.update_value(|p| {
            p.cancel_timer();
            p.dirty = false;
        });
        self.view.approved_elsewhere.set(false);
    }

    fn saved(&self, revision: u64) {
        self.persistence.update_value(|p| {
            p.base_revision = Some(revision);
            p.dirty = false;
        });
        let durable = self.persistence.with_value(|p| p.durable);
        self.view.status.set(if durable {
            SaveStatus::Saved
        } else {
            SaveStatus::NotSaved("Kept in this page only: download a copy before you leave.".into())
        });
        self.refresh_list();
    }

    /// A failed save is tried again later; the work stays in memory meanwhile.
    fn retry_later(&self) {
        let keeper = *self;
        self.persistence.update_value(|p| {
            p.cancel_timer();
            p.timer = set_timeout_with_handle(move || keeper.save_now(), RETRY_DELAY).ok();
        });
    }

    /// "Keep my version": writes the open assessment over what the other tab saved.
    pub fn keep_mine(&self) {
        let (Some(assessment), Some(conflict)) = (
            self.open.get_untracked(),
            self.view.conflict.get_untracked(),
        ) else {
            return;
        };
        let result = self
            .persistence
            .try_update_value(|p| p.store.keep_mine(&assessment, &conflict, browser::now_ms()));
        match result {
            Some(Ok(saved)) => {
                self.view.conflict.set(None);
                self.saved(saved.revision);
            }
            Some(Err(StoreError::Conflict(newer))) => self.view.conflict.set(Some(*newer)),
            Some(Err(e)) => {
                self.view.conflict.set(None);
                self.view.status.set(SaveStatus::NotSaved(e.to_string()));
            }
            None => {}
        }
    }

    /// What another tab did to a key of this namespace. Returns the assessment to show
    /// instead of the open one, when the open one should be replaced.
    pub fn external_change(&self, key: Option<String>) -> Option<Assessment> {
        let change = self
            .persistence
            .with_value(|p| p.store.change(key.as_deref()))?;
        self.refresh_list();
        let open_id = self
            .open
            .with_untracked(|a| a.as_ref().map(|a| a.id.clone()))?;
        let concerns_open = match change {
            Change::Assessment(id) => id == open_id,
            Change::Everything => true,
            _ => false,
        };
        if !concerns_open {
            return None;
        }
        let dirty = self.persistence.with_value(|p| p.dirty);
        if dirty {
            // Saving now meets the other tab's revision and asks which to keep.
            self.save_now();
            return None;
        }
        match self.load(&open_id) {
            Ok(theirs) => {
                let ours = self.open.with_untracked(|a| a.clone());
                if ours.as_ref() == Some(&theirs) {
                    return None;
                }
                self.view
                    .notice
                    .set(Some("This assessment was changed in another tab or window. You are now seeing the latest version.".into()));
                Some(theirs)
            }
            Err(StoreError::NotFound { .. }) => {
                self.persistence.update_value(|p| {
                    p.base_revision = None;
                    p.dirty = true;
                });
                self.view.notice.set(Some(
                    "This assessment was deleted in another tab or window. It is still open here: any change you make saves it again.".into(),
                ));
                None
            }
            Err(e) => {
                self.view.status.set(SaveStatus::NotSaved(e.to_string()));
                None
            }
        }
    }
}

impl Default for StorageView {
    fn default() -> Self {
        StorageView::new()
    }
}

/// Sets `signal` only when `value` differs, so nothing that shows it is rebuilt for an
/// unchanged list.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}
