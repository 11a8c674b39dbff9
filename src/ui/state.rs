//! The app's state: the route, the open assessment and what the core says about it,
//! and the keeper that saves it. Components read these signals and call the actions
//! below; nothing else mutates.

use leptos::prelude::*;

use super::browser;
use super::persistence::{Keeper, Persistence, SaveStatus, StorageView};
use crate::assessment::lifecycle;
use crate::assessment::{outcome, Assessment, Ctx, Date, Outcome, QuestionId, Visibility};
use crate::embed::Settings;
use crate::route::Route;
use crate::storage::{StoreError, Theirs};

/// How the widget was mounted.
#[derive(Clone, Debug)]
pub struct Config {
    /// The widget owns the page: it may use the URL hash and set the document title.
    pub standalone: bool,
    /// What the host page set through data attributes.
    pub settings: Settings,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The assessment being worked on, if any.
    pub open: RwSignal<Option<Assessment>>,
    /// Findings, statuses and reading of the open assessment.
    pub outcome: Memo<Option<Outcome>>,
    /// Which questions show, and what earlier answers suggest.
    pub visibility: Memo<Visibility>,
    /// Small facts about the open assessment, as memos so that components showing them
    /// are not woken by every keystroke (a memo notifies only when its value changes).
    pub has_open: Memo<bool>,
    pub open_id: Memo<Option<String>>,
    pub title: Memo<Option<String>>,
    read_only: Memo<bool>,
    /// Changes whenever the open assessment is replaced (not when the user types), so
    /// text fields know to re-read their value.
    pub generation: RwSignal<u64>,
    /// Storage and autosave, and what the interface shows about them.
    pub keeper: Keeper,
    pub storage: StorageView,
    pub config: StoredValue<Config>,
    /// Where to put focus after the next change of page (the heading when empty).
    pub focus_next: StoredValue<Option<String>>,
    /// The widget's shadow root: ids are looked up here, not in the host document.
    pub root: StoredValue<web_sys::ShadowRoot, LocalStorage>,
    pub today: Date,
}

fn no_store() -> StoreError {
    StoreError::Failed("the store is gone".into())
}

impl AppState {
    pub fn new(config: Config, root: web_sys::ShadowRoot) -> AppState {
        let today = browser::today();
        let open: RwSignal<Option<Assessment>> = RwSignal::new(None);
        let outcome =
            Memo::new(move |_| open.with(|a| a.as_ref().map(|a| outcome(a, Some(today)))));
        let visibility = Memo::new(move |_| {
            open.with(|a| {
                a.as_ref()
                    .map(|a| Ctx::new(a, Some(today)).visibility())
                    .unwrap_or_default()
            })
        });
        let has_open = Memo::new(move |_| open.with(Option::is_some));
        let open_id = Memo::new(move |_| open.with(|a| a.as_ref().map(|a| a.id.clone())));
        let title = Memo::new(move |_| open.with(|a| a.as_ref().map(|a| a.title().to_string())));
        let read_only =
            Memo::new(move |_| open.with(|a| a.as_ref().is_some_and(|a| a.is_read_only())));
        let (persistence, refused) = Persistence::open(config.settings.namespace.clone());
        let storage = StorageView::new();
        storage.unavailable.set(refused.is_some());
        let keeper = Keeper {
            persistence: StoredValue::new_local(persistence),
            view: storage,
            open,
        };
        keeper.start_up();
        AppState {
            route: RwSignal::new(Route::Start),
            open,
            outcome,
            visibility,
            has_open,
            open_id,
            title,
            read_only,
            generation: RwSignal::new(0),
            keeper,
            storage,
            config: StoredValue::new(config),
            focus_next: StoredValue::new(None),
            root: StoredValue::new_local(root),
            today,
        }
    }

    /// Moves keyboard focus to the element of this widget with this id, once the DOM
    /// has caught up.
    pub fn focus(&self, id: impl Into<String>) {
        let root = self.root.get_value();
        browser::focus_in(root, id.into());
    }

    pub fn navigate(&self, route: Route) {
        self.navigate_and_focus(route, None);
    }

    /// Changes page and says where focus should go (the page heading when `None`).
    pub fn navigate_and_focus(&self, route: Route, focus: Option<String>) {
        self.focus_next.set_value(focus);
        self.route.set(route);
    }

    /// Shows an assessment (already loaded or adopted) on the given page.
    fn show(&self, assessment: Assessment, route: Route) {
        self.open.set(Some(assessment));
        self.generation.update(|g| *g += 1);
        self.route.set(route);
    }

    /// True, with a notice, when the open assessment has changes that could not be
    /// saved: it must not be replaced until they are saved or downloaded.
    fn holding_unsaved(&self) -> bool {
        self.keeper.save_now();
        let unsaved = self.open.with_untracked(Option::is_some) && self.keeper.unsaved();
        if unsaved {
            let title = self.title.get_untracked().unwrap_or_default();
            self.storage.notice.set(Some(format!(
                "Your changes to “{title}” are not saved yet, so it stays open here. Download a copy, or free some space, before you open or start another assessment."
            )));
        }
        unsaved
    }

    /// Opens a saved assessment; says why not if it cannot be read, or if the open one
    /// has changes that could not be saved (going back to that one is always allowed).
    pub fn open_by_id(&self, id: &str, route: Route) -> bool {
        if self.holding_unsaved() {
            let same = self.open_id.get_untracked().as_deref() == Some(id);
            if same {
                self.route.set(route);
            }
            return same;
        }
        match self.keeper.load(id) {
            Ok(a) => {
                self.storage.notice.set(None);
                self.show(a, route);
                true
            }
            Err(e) => {
                self.storage.notice.set(Some(e.to_string()));
                false
            }
        }
    }

    /// Saves a new assessment and opens it. A blank one gets what the host page set: the
    /// organisation and the approver's usual role.
    pub fn start(&self, mut assessment: Assessment, route: Route) {
        if self.holding_unsaved() {
            return;
        }
        if assessment.answers.is_empty() {
            self.config.with_value(|c| {
                if let Some(organisation) = &c.settings.organisation {
                    assessment.set_text(QuestionId::AboutOrganisation, organisation.clone());
                }
                if let Some(role) = &c.settings.approver_role {
                    assessment.set_text(QuestionId::SignOffApprovedRole, role.clone());
                }
            });
        }
        self.storage.notice.set(None);
        self.open.set(Some(assessment));
        self.keeper.adopt_new();
        self.generation.update(|g| *g += 1);
        self.route.set(route);
    }

    /// Opens `assessment` in place of the saved one with the same id (an import the
    /// user chose to let replace it).
    pub fn replace_with(&self, assessment: Assessment, route: Route) {
        if self.holding_unsaved() {
            return;
        }
        match self.keeper.load(&assessment.id) {
            Ok(_) => {
                self.storage.notice.set(None);
                self.show(assessment, route);
                self.keeper.changed();
                self.keeper.save_now();
            }
            Err(e) => self.storage.notice.set(Some(e.to_string())),
        }
    }

    /// Back to the start page; anything unsaved is saved first. Work that cannot be
    /// saved stays in memory (the start page offers to return to it or download it).
    pub fn close(&self) {
        self.keeper.save_now();
        let keep = self.storage.conflict.with_untracked(Option::is_some)
            || self.storage.approved_elsewhere.get_untracked()
            || self.keeper.unsaved();
        if !keep {
            self.open.set(None);
            self.storage.status.set(SaveStatus::Idle);
        }
        self.keeper.refresh_list();
        self.route.set(Route::Start);
    }

    /// Another tab approved the open assessment while this one had changes: keep the
    /// changes as a review of the approved record (a new linked version).
    pub fn save_as_review(&self) {
        let (Some(mine), Some(id)) = (self.open.get_untracked(), self.open_id.get_untracked())
        else {
            return;
        };
        let approved = match self.keeper.load(&id) {
            Ok(approved) => approved,
            Err(e) => {
                self.storage.notice.set(Some(e.to_string()));
                return;
            }
        };
        // The changes, on top of the approved record's identity and approval.
        let mut base = mine;
        base.status = approved.status;
        base.version = approved.version;
        base.review_of = approved.review_of.clone();
        if let Some(date) = approved.answers.get(QuestionId::SignOffApprovedDate) {
            base.answers
                .set(QuestionId::SignOffApprovedDate, date.clone());
        }
        let review = lifecycle::start_review(&base, browser::new_id(), self.today);
        self.keeper.discard_changes();
        self.start(review, Route::Tasks);
    }

    /// Another tab approved the open assessment: show the approved record instead.
    pub fn use_approved(&self) {
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        self.keeper.discard_changes();
        match self.keeper.load(&id) {
            Ok(approved) => {
                let route = self.route.get_untracked();
                self.show(approved, route);
            }
            Err(e) => self.storage.notice.set(Some(e.to_string())),
        }
    }

    /// Changes the open assessment (refused when it is approved, and so read-only);
    /// autosave follows 300 ms after the last change.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        let mut changed = false;
        self.open.update(|a| {
            if let Some(a) = a.as_mut().filter(|a| !a.is_read_only()) {
                change(a);
                changed = true;
            }
        });
        if changed {
            self.keeper.changed();
        }
    }

    /// "Use the other version": the other tab's copy replaces this one.
    pub fn use_theirs(&self) {
        let Some(conflict) = self.storage.conflict.get_untracked() else {
            return;
        };
        self.storage.conflict.set(None);
        match conflict.theirs {
            Theirs::Changed(record) => {
                let route = self.route.get_untracked();
                match self.keeper.load(&record.assessment.id) {
                    Ok(latest) => self.show(latest, route),
                    Err(e) => self.storage.notice.set(Some(e.to_string())),
                }
            }
            Theirs::Deleted => {
                self.open.set(None);
                self.storage.status.set(SaveStatus::Idle);
                self.keeper.refresh_list();
                self.route.set(Route::Start);
            }
            Theirs::Damaged { .. } => self.keeper.keep_mine(),
        }
    }

    /// Another tab changed a key of storage: follow it.
    pub fn external_change(&self, key: Option<String>) {
        if let Some(theirs) = self.keeper.external_change(key) {
            let route = self.route.get_untracked();
            self.show(theirs, route);
        }
    }

    pub fn refresh_list(&self) {
        self.keeper.refresh_list();
    }

    /// Deletes a saved assessment; it can be restored until the page is reloaded.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let deleted = self
            .keeper
            .persistence
            .try_update_value(|p| p.store.delete(id))
            .unwrap_or_else(|| Err(no_store()))?;
        self.storage.deleted.update(|d| d.insert(0, deleted));
        self.keeper.refresh_list();
        // Space was freed: a save waiting for room may now go through.
        self.keeper.save_now();
        Ok(())
    }

    pub fn undo_delete(&self, id: &str) -> Result<(), StoreError> {
        let Some(deleted) = self
            .storage
            .deleted
            .with_untracked(|d| d.iter().find(|x| x.id() == id).cloned())
        else {
            return Ok(());
        };
        self.keeper
            .persistence
            .try_update_value(|p| p.store.restore(&deleted))
            .unwrap_or_else(|| Err(no_store()))?;
        self.storage.deleted.update(|d| d.retain(|x| x.id() != id));
        self.keeper.refresh_list();
        Ok(())
    }

    pub fn rename(&self, id: &str, title: &str) -> Result<(), StoreError> {
        self.keeper
            .persistence
            .try_update_value(|p| p.store.rename(id, title, browser::now_ms()))
            .unwrap_or_else(|| Err(no_store()))?;
        self.keeper.refresh_list();
        Ok(())
    }

    pub fn duplicate(&self, id: &str) -> Result<(), StoreError> {
        self.keeper
            .persistence
            .try_update_value(|p| p.store.duplicate(id, &browser::new_id(), browser::now_ms()))
            .unwrap_or_else(|| Err(no_store()))?;
        self.keeper.refresh_list();
        Ok(())
    }

    /// Opens the question's section and puts the cursor in it.
    pub fn go_to_question(&self, q: QuestionId) {
        let route = Route::Section {
            section: q.section(),
            from_check: false,
        };
        self.navigate_and_focus(route, Some(field_id(q)));
    }

    /// Approves the open assessment and saves it at once, or says why it cannot be.
    pub fn approve(&self) -> Result<(), Vec<String>> {
        let mut result = Err(Vec::new());
        self.open.update(|a| {
            if let Some(a) = a.as_mut() {
                result = lifecycle::approve(a, self.today);
            }
        });
        if result.is_ok() {
            self.keeper.changed();
            self.keeper.save_now();
        }
        result
    }

    /// Starts a review of the open (approved) assessment as a new linked draft.
    pub fn start_review(&self) {
        if let Some(approved) = self.open.get_untracked() {
            let review = lifecycle::start_review(&approved, browser::new_id(), self.today);
            self.start(review, Route::Tasks);
        }
    }

    pub fn read_only(&self) -> bool {
        self.read_only.get()
    }
}

/// The id of a question's control (the first option, for choices): links and the error
/// summary point here.
pub fn field_id(q: QuestionId) -> String {
    format!("q-{}", q.key().replace('.', "-"))
}
