//! The app's state: the route, the session core (`crate::session`) and the signals that
//! mirror what it says to show (`signals`), the one evaluation of the open assessment, and the
//! actions components call. Each action forwards to the session with the time, then
//! maps its view to signals and lets `persistence` set the next timer; what to do with
//! the assessment is decided in the core, where to go and what to focus here.

use std::sync::Arc;

use leptos::prelude::*;

use super::alarm::{set_alarm, Alarm};
use super::approver::{self, KeyState};
use super::browser;
use super::early::Early;
use super::journal;
use super::local_storage::LocalStorageKv;
use super::persistence;
use super::signals::{Changes, StorageView};
use crate::assessment::{Assessment, Date, Evaluation, QuestionId};
use crate::compare::{Chain, Changes as VersionChanges};
use crate::embed::Settings;
use crate::export::Imported;
use crate::handover::{ReplyProblem, SendRefusal, Trust};
use crate::register::{Register, Row};
use crate::route::Route;
use crate::session::{Defaults, ImportChoice, ImportStep, KeptSettings, ProtectionError, Session};
use crate::storage::{JournalBatch, KeyValue, MemoryKv, StoreError};

type Core = Session<Box<dyn KeyValue>>;

/// When the evaluation follows a change of the open assessment.
#[derive(Clone, Copy)]
enum Follow {
    /// At once (and one left waiting is done now): a click, a choice, a new page. So a
    /// click always acts on the answers as typed.
    Now,
    /// Once typing pauses: the rules take longer than a key on a slow laptop.
    AfterPause,
    /// What the page does by itself (the autosave, the journal, another tab): at once if
    /// it changed the assessment, otherwise a pause still waited for is left to come.
    Background,
}

/// How long typing must pause before the rules run again: longer than the gap between
/// a brisk typist's keys (about 100 ms), short enough to read as checking as one types.
const EVALUATE_AFTER_MS: f64 = 300.0;

/// How the widget was mounted.
#[derive(Clone, Debug)]
pub struct Config {
    /// The widget owns the page: it may use the URL hash and set the document title.
    pub standalone: bool,
    /// What the host page set through data attributes, merged with the organisation's
    /// settings in use (see `AppState::use_settings`).
    pub settings: Settings,
    /// What the host page set, before any file chosen in the tool is merged in.
    pub host: Settings,
    /// Drawn for the pre-rendered page: no storage, fixed ids, placeholders.
    pub prerender: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The assessment being worked on, if any (the session's, mirrored).
    pub open: RwSignal<Option<Assessment>>,
    /// Everything worked out about the open assessment: once per change, but once per
    /// pause while text is typed (see `type_into`).
    pub evaluation: Memo<Option<Evaluation>>,
    /// Moved on when the evaluation must follow the open assessment (the memo reads the
    /// assessment itself untracked, so typing does not wake it key by key).
    settled: RwSignal<u64>,
    /// The evaluation waiting for typing to pause, if any.
    evaluate_later: StoredValue<Alarm>,
    /// Typing changed `open` without waking what shows it (see `sync`).
    unheard: StoredValue<bool>,
    /// Small facts about the open assessment, as memos so that components showing them
    /// are not woken by every keystroke (a memo notifies only when its value changes).
    pub has_open: Memo<bool>,
    pub title: Memo<Option<String>>,
    read_only: Memo<bool>,
    /// Changes whenever the open assessment is replaced (not when the user types), so
    /// text fields know to re-read their value.
    pub generation: RwSignal<u64>,
    pub storage: StorageView,
    /// Records opened from files as a register: in memory only, never stored.
    pub register: RwSignal<Register>,
    /// This browser's signing key (see `approver`).
    pub approver: RwSignal<KeyState>,
    /// The approvers whose signatures count: the host page's and this browser's.
    pub trust: RwSignal<Trust>,
    /// Why this browser's kept list of trusted approvers was not used (see
    /// `session::KeptTrust`).
    pub trust_refused: RwSignal<Option<String>>,
    pub(super) private_key: StoredValue<Option<super::keystore::Stored>, LocalStorage>,
    session: StoredValue<Core, LocalStorage>,
    /// The session's `replaced` count last mirrored into `open`.
    replaced: StoredValue<u64>,
    /// The pending wake-up of the session (see `persistence`).
    pub(super) timer: StoredValue<Alarm>,
    /// The write-ahead journal, once open (until then, what to write to it waits in the
    /// session).
    pub(super) journal: StoredValue<Option<web_sys::IdbDatabase>, LocalStorage>,
    pub config: StoredValue<Config>,
    /// The organisation's settings loaded here (the host page's, or a file chosen here):
    /// what a blank assessment is made under, which questions are asked and which
    /// findings it gives.
    pub org_settings: RwSignal<Option<Arc<crate::organisation::Settings>>>,
    /// The settings file chosen here: kept, used but not kept, or refused.
    pub chosen: RwSignal<Chosen>,
    /// What was typed or chosen on the pre-rendered page, taken once.
    early: StoredValue<Early, LocalStorage>,
    /// Where to put focus after the next change of page (the heading when empty).
    pub focus_next: StoredValue<Option<String>>,
    /// The widget's shadow root: ids are looked up here, not in the host document.
    pub root: StoredValue<web_sys::ShadowRoot, LocalStorage>,
    pub today: Date,
}

/// The settings file chosen in the tool (none where the host page gives the settings).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Chosen {
    #[default]
    None,
    /// In use and kept in this browser: its text as chosen.
    Kept(String),
    /// In use until the page is closed, not kept: its text, and why.
    NotKept(String, String),
    /// The file kept here is sealed, and the passphrase is not given yet.
    Locked,
    /// The file kept here is not used: why, and every problem with where it is.
    Refused(&'static str, Vec<String>),
}

impl Chosen {
    /// The text of the file chosen here, while it is in use.
    pub fn text(&self) -> Option<&str> {
        match self {
            Chosen::Kept(text) | Chosen::NotKept(text, _) => Some(text),
            _ => None,
        }
    }
}

fn no_session() -> StoreError {
    StoreError::Failed("the page is closing".into())
}

/// Whether this browser lets the page use IndexedDB at all (sandboxed frames and some
/// private windows do not).
fn has_indexed_db() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.indexed_db(), Ok(Some(_))))
}

/// localStorage, or memory when the browser will not allow it (or for the pre-rendered
/// page, which must keep nothing).
fn storage(prerender: bool) -> (Box<dyn KeyValue>, bool) {
    if prerender {
        return (Box::new(MemoryKv::new()), true);
    }
    match LocalStorageKv::open() {
        Ok(kv) => (Box::new(kv), true),
        Err(_) => (Box::new(MemoryKv::new()), false),
    }
}

impl AppState {
    pub fn new(config: Config, root: web_sys::ShadowRoot, early: Early) -> AppState {
        let today = browser::today();
        let open: RwSignal<Option<Assessment>> = RwSignal::new(None);
        let route = RwSignal::new(Route::Start);
        let settled = RwSignal::new(0u64);
        // A new page always shows the evaluation of the assessment as it is, with the
        // organisation's findings when its settings are loaded here.
        let org_settings = RwSignal::new(config.settings.organisation_settings.clone());
        let evaluation = Memo::new(move |_| {
            settled.track();
            route.track();
            org_settings.with(|settings| {
                open.with_untracked(|a| {
                    a.as_ref().map(|a| {
                        crate::organisation::evaluate::evaluation(
                            a,
                            settings.as_deref(),
                            Some(today),
                        )
                    })
                })
            })
        });
        let (kv, durable) = storage(config.prerender);
        let mut session = Session::new(
            kv,
            durable,
            config.settings.namespace.clone(),
            today,
            Defaults::from(&config.settings),
        );
        session.set_nonce_prefix(browser::random_bytes());
        session.start_up();
        if durable && !config.prerender && has_indexed_db() {
            // A save is "Saved" once the journal has it too (see `journal`).
            session.use_journal();
        }
        let state = AppState {
            route,
            open,
            evaluation,
            settled,
            evaluate_later: StoredValue::new(Alarm::default()),
            unheard: StoredValue::new(false),
            has_open: Memo::new(move |_| open.with(Option::is_some)),
            title: Memo::new(move |_| open.with(|a| a.as_ref().map(|a| a.title().to_string()))),
            read_only: Memo::new(move |_| {
                open.with(|a| a.as_ref().is_some_and(|a| a.is_read_only()))
            }),
            generation: RwSignal::new(0),
            storage: StorageView::new(),
            register: RwSignal::new(Register::new(today)),
            approver: RwSignal::new(KeyState::Loading),
            trust: RwSignal::new(Trust::default()),
            trust_refused: RwSignal::new(None),
            private_key: StoredValue::new_local(None),
            session: StoredValue::new_local(session),
            replaced: StoredValue::new(0),
            timer: StoredValue::new(Alarm::default()),
            journal: StoredValue::new_local(None),
            early: StoredValue::new_local(early),
            chosen: RwSignal::new(Chosen::None),
            config: StoredValue::new(config),
            org_settings,
            focus_next: StoredValue::new(None),
            root: StoredValue::new_local(root),
            today,
        };
        // Before anything is drawn: the header names the organisation, and `#/new` starts
        // a blank assessment under the settings.
        state.load_chosen_settings();
        state.sync(Follow::Now);
        approver::load(state);
        state.hear_before_clicks();
        state
    }

    /// A click acts on what was typed: before any click's own handler runs (capturing, on
    /// the shadow root), what shows the open assessment and the evaluation hear of the
    /// keys typed since the last pause, so a handler that reads them (copying the privacy
    /// wording, a download) never reads the text as it was before the last keys. Not for
    /// a radio or a checkbox: the browser has ticked it before the click is dispatched,
    /// and redrawing it now from the answers, which do not have the tick yet, would take
    /// the tick back before its `change` (its own handler edits, and that hears them).
    fn hear_before_clicks(self) {
        use wasm_bindgen::{closure::Closure, JsCast};
        let hear = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let ticked = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| matches!(i.type_().as_str(), "radio" | "checkbox"));
            if !ticked {
                self.evaluate_now(false);
            }
        });
        let _ = self
            .root
            .get_value()
            .add_event_listener_with_callback_and_bool(
                "click",
                hear.as_ref().unchecked_ref(),
                true,
            );
        // As long as the widget: the root goes with it.
        hear.forget();
    }

    /// Runs an operation of the session at the current time, then shows what it says
    /// and sets the next timer. `None` only while the widget is being torn down.
    pub(super) fn run<R>(&self, op: impl FnOnce(&mut Core, f64) -> R) -> Option<R> {
        self.run_as(Follow::Now, op)
    }

    fn run_as<R>(&self, follow: Follow, op: impl FnOnce(&mut Core, f64) -> R) -> Option<R> {
        let mut op = Some(op);
        let mut result = None;
        self.run_erased(follow, &mut |s, now| {
            result = op.take().map(|op| op(s, now))
        });
        result
    }

    /// `run_as` for every operation: reaching the session through the arena and what
    /// follows it are one copy of code, not one for each operation.
    #[inline(never)]
    fn run_erased(&self, follow: Follow, op: &mut dyn FnMut(&mut Core, f64)) {
        let now = browser::now_ms();
        if self.session.try_update_value(|s| op(s, now)).is_none() {
            return;
        }
        self.sync(follow);
        persistence::schedule(*self);
        journal::flush(*self);
    }

    /// Reaches the session for what changes nothing shown (its sealing of secrets, the
    /// trust list).
    pub(super) fn with_session<R>(&self, op: impl FnOnce(&mut Core) -> R) -> Option<R> {
        let mut op = Some(op);
        let mut result = None;
        self.session_erased(&mut |s| result = op.take().map(|op| op(s)));
        result
    }

    // One copy of the arena's lookup for every `with_session`.
    #[inline(never)]
    fn session_erased(&self, op: &mut dyn FnMut(&mut Core)) {
        self.session.try_update_value(|s| op(s));
    }

    /// Mirrors the session's view into the signals (see `signals`), and has the
    /// evaluation follow the open assessment as `follow` says.
    fn sync(&self, follow: Follow) {
        let seen = self.replaced.get_value();
        let Some(changes) = self
            .session
            .try_with_value(|s| Changes::of(&s.view(), self.storage, self.open, seen))
        else {
            return;
        };
        let open_changed = changes.opens();
        // Typing changes `open` quietly: what shows it (every field's memo, the header)
        // hears of it once typing pauses, or at the next click, not key by key.
        let typing = matches!(follow, Follow::AfterPause);
        if let Some(replaced) = changes.apply(self.storage, self.open, typing) {
            self.replaced.set_value(replaced);
            self.generation.update(|g| *g += 1);
        }
        match follow {
            Follow::AfterPause if open_changed => {
                self.unheard.set_value(true);
                let due = browser::now_ms() + EVALUATE_AFTER_MS;
                set_alarm(self.evaluate_later, Some(due), AppState::settle, *self);
            }
            Follow::Now => self.evaluate_now(open_changed),
            Follow::Background if open_changed => self.evaluate_now(true),
            _ => {}
        }
    }

    /// The evaluation follows the open assessment now if it changed or a pause was still
    /// waited for.
    fn evaluate_now(&self, open_changed: bool) {
        if set_alarm(self.evaluate_later, None, AppState::settle, *self) || open_changed {
            self.settle();
        }
    }

    /// Typing paused (or a click came first): what shows the open assessment hears of
    /// what was typed, and the evaluation follows it.
    fn settle(self) {
        if self.unheard.try_update_value(std::mem::take) == Some(true) {
            self.open.notify();
        }
        self.settled.update(|n| *n += 1);
    }

    /// When the session wants to be woken next (see `persistence`).
    pub(super) fn next_wakeup(&self) -> Option<f64> {
        self.session.try_with_value(|s| s.next_wakeup()).flatten()
    }

    /// The timer fired: whatever is due (the autosave, or a retry).
    pub(super) fn tick(self) {
        self.run_as(Follow::Background, |s, now| {
            super::timing::measure("lia-save", || s.tick(now))
        });
    }

    /// Saves at once if anything is unsaved (the page is being hidden or left).
    pub(super) fn save_now(&self) {
        self.run(|s, now| super::timing::measure("lia-save", || s.save_now(now)));
    }

    /// Reads every record, setting aside any that cannot be read.
    pub(super) fn scan(&self) {
        self.run(|s, now| s.scan(now));
    }

    /// What to do to the journal since the last call.
    pub(super) fn take_journal(&self) -> JournalBatch {
        self.session
            .try_update_value(|s| s.take_journal())
            .unwrap_or_default()
    }

    /// The journal has committed these records (key, revision).
    pub(super) fn journal_written(&self, written: &[(String, u64)]) {
        self.run_as(Follow::Background, |s, _| s.journal_written(written));
    }

    /// The browser refused the journal: saves are "Saved" once in localStorage.
    pub(super) fn journal_unavailable(&self) {
        self.run(|s, _| s.journal_unavailable());
    }

    /// What the journal held at start-up (keys and texts): anything newer is put back.
    pub(super) fn recover(&self, kept: &[(String, String)]) {
        self.run(|s, now| s.recover(kept, now));
    }

    /// Undoes what the journal put back.
    pub fn undo_recovery(&self) {
        self.run(|s, now| s.undo_recovery(now));
    }

    /// Another tab changed a key of storage.
    pub(super) fn external_change(&self, key: Option<String>) {
        self.run_as(Follow::Background, |s, now| {
            s.external_change(key.as_deref(), now)
        });
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

    /// Opens a saved assessment on `route`; false (with a notice) if it cannot be.
    pub fn open_by_id(&self, id: &str, route: Route) -> bool {
        let opened = self.run(|s, now| s.open_saved(id, now)).unwrap_or(false);
        if opened {
            self.route.set(route);
        }
        opened
    }

    /// A fresh id, or a fixed one for the pre-rendered page (which must not vary).
    pub fn new_id(&self) -> String {
        if self.config.with_value(|c| c.prerender) {
            "new".into()
        } else {
            browser::new_id()
        }
    }

    /// Starts a new assessment on its first page, with anything already typed on the
    /// pre-rendered page.
    pub fn start_new(&self) {
        let mut assessment = Assessment::new(self.new_id());
        let fields = self
            .early
            .try_update_value(|e| std::mem::take(&mut e.fields))
            .unwrap_or_default();
        crate::assessment::form_values::apply(&mut assessment, &fields);
        let route = Route::Section {
            section: crate::assessment::Section::About,
            from_check: false,
        };
        self.start(assessment, route);
    }

    /// Starts from the example with this key (an unknown key does nothing).
    pub fn start_example(&self, key: &str) {
        if let Some(example) = crate::assessment::examples::example(key) {
            self.start((example.build)(&self.new_id()), Route::Tasks);
        }
    }

    /// A file chosen on the pre-rendered page before the app started, taken once.
    pub fn take_early_file(&self) -> Option<web_sys::File> {
        self.early.try_update_value(|e| e.file.take()).flatten()
    }

    /// Saves a new assessment and opens it on `route`.
    pub fn start(&self, assessment: Assessment, route: Route) {
        if self.run(|s, now| s.start(assessment, now)) == Some(true) {
            self.route.set(route);
        }
    }

    /// Adopts an imported file; it opens on the task list unless its id clashes, or on
    /// the approver's page if it was sent for approval.
    pub fn import(&self, imported: Imported, file: &str) -> ImportStep {
        let step = self
            .run(|s, now| s.import(imported, file, browser::new_id(), now))
            .unwrap_or(ImportStep::Refused);
        match step {
            ImportStep::Opened => self.route.set(Route::Tasks),
            ImportStep::ForApproval => self.route.set(Route::Approve),
            _ => {}
        }
        step
    }

    /// Sends the open assessment for approval: saved at once, and returned as it goes
    /// into the file (or why it cannot be sent).
    pub fn send_for_approval(&self) -> Option<Result<Assessment, SendRefusal>> {
        self.run(|s, now| s.send_for_approval(now)).flatten()
    }

    /// The author approves their own assessment where the organisation allows it: it
    /// opens in the approver's step, to be signed like any decision.
    pub fn approve_own(&self) -> Result<(), String> {
        let result = self
            .run(|s, now| s.approve_own(now))
            .unwrap_or_else(|| Err("The page is closing.".into()));
        if result.is_ok() {
            self.route.set(Route::Approve);
        }
        result
    }

    /// The author's reply to a comment of the return (`None`: the comment on the whole
    /// assessment), typed: the rules run once typing pauses, as for `type_into`.
    pub fn reply(
        &self,
        section: Option<crate::assessment::Section>,
        text: &str,
    ) -> Result<(), ReplyProblem> {
        self.run_as(Follow::AfterPause, |s, now| s.reply(section, text, now))
            .unwrap_or(Err(ReplyProblem::NotReturned))
    }

    /// Accepts a warning of the open assessment with a reason.
    pub fn accept_warning(
        &self,
        rule: &str,
        detail: Option<&str>,
        reason: &str,
    ) -> Result<(), crate::assessment::accepted::AcceptProblem> {
        self.run(|s, now| s.accept_warning(rule, detail, reason, now))
            .unwrap_or(Err(crate::assessment::accepted::AcceptProblem::ReadOnly))
    }

    /// Withdraws the acceptance of a warning.
    pub fn withdraw_acceptance(&self, rule: &str, detail: Option<&str>) {
        self.run(|s, now| s.withdraw_acceptance(rule, detail, now));
    }

    /// The approver is done: back to the start page, nothing kept.
    pub fn close_approval(&self) {
        self.run(|s, _| s.close_approval());
        self.route.set(Route::Start);
    }

    /// The file under review opened as an assessment of this browser instead.
    pub fn import_instead(&self) -> ImportStep {
        let step = self
            .run(|s, now| s.import_instead(browser::new_id(), now))
            .unwrap_or(ImportStep::Refused);
        match step {
            ImportStep::Opened => self.route.set(Route::Tasks),
            ImportStep::Clash | ImportStep::Refused => self.route.set(Route::Start),
            ImportStep::ForApproval => {}
        }
        step
    }

    /// The user's answer to an import whose id is already saved here.
    pub fn resolve_import(&self, choice: ImportChoice) -> ImportStep {
        let step = self
            .run(|s, now| s.resolve_import(choice, browser::new_id(), now))
            .unwrap_or(ImportStep::Refused);
        if step == ImportStep::Opened {
            self.route.set(Route::Tasks);
        }
        step
    }

    /// Back to the start page; anything unsaved is saved first, and work that cannot be
    /// saved stays open (the start page offers to return to it or download it).
    pub fn close(&self) {
        self.run(|s, now| s.close(now));
        self.route.set(Route::Start);
    }

    /// Changes the open assessment (refused when it is approved, and so read-only).
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        self.edit_dyn(None, &mut once(change));
    }

    /// An edit made by typing into the answer to `only` (see `Session::type_into`): as
    /// `edit`, but the rules run once typing pauses (they take longer than a key on a
    /// slow laptop), or at the next click or change of page.
    pub fn type_into(&self, only: Option<QuestionId>, change: impl FnOnce(&mut Assessment)) {
        self.edit_dyn(Some(only), &mut once(change));
    }

    /// `edit` (`typed` none) and `type_into` written once, not once for each of the
    /// components' changes (they reach it through `dyn`).
    fn edit_dyn(&self, typed: Option<Option<QuestionId>>, change: &mut dyn FnMut(&mut Assessment)) {
        match typed {
            None => self.run(|s, now| s.edit(change, now)),
            Some(only) => self.run_as(Follow::AfterPause, |s, now| s.type_into(only, change, now)),
        };
    }

    /// Starts a review of the open (approved) assessment as a new linked draft.
    pub fn start_review(&self) {
        if self.run(|s, now| s.start_review(browser::new_id(), now)) == Some(true) {
            self.route.set(Route::Tasks);
        }
    }

    /// "Keep my version" after another tab saved first.
    pub fn keep_mine(&self) {
        self.run(|s, now| s.keep_mine(now));
    }

    /// "Use the other version": back to the start page if the other tab deleted it.
    pub fn use_theirs(&self) {
        if self.run(|s, now| s.use_theirs(now)) == Some(false) {
            self.route.set(Route::Start);
        }
    }

    /// "Keep both": this tab's version is saved as a separate assessment.
    pub fn keep_both(&self) {
        self.run(|s, now| s.keep_both(browser::new_id(), now));
    }

    /// Approved elsewhere: keep this tab's changes as a review of the approved record.
    pub fn save_as_review(&self) {
        if self.run(|s, now| s.save_as_review(browser::new_id(), now)) == Some(true) {
            self.route.set(Route::Tasks);
        }
    }

    /// Approved elsewhere: show the approved record instead.
    pub fn use_approved(&self) {
        self.run(|s, _| s.use_approved());
    }

    pub fn dismiss_notice(&self) {
        self.run(|s, _| s.dismiss_notice());
    }

    /// Gives the passphrase (deriving the key takes a moment).
    pub fn unlock(&self, passphrase: &str) -> Result<(), ProtectionError> {
        let result = self
            .run(|s, now| s.unlock(passphrase, now))
            .unwrap_or(Err(ProtectionError::Wrong));
        if result.is_ok() {
            // What is sealed with it (the settings file kept here, the approver's key on
            // `file:`) opens now.
            self.load_chosen_settings();
            self.sync(Follow::Now);
            approver::unlocked(*self);
        }
        result
    }

    /// Sets (or changes) the passphrase: everything saved is encrypted with it.
    pub fn set_passphrase(&self, passphrase: &str) -> Result<(), ProtectionError> {
        let key = approver::opened_key(*self);
        let result = self
            .run(|s, now| s.set_passphrase(passphrase, browser::random_bytes(), now))
            .unwrap_or(Err(ProtectionError::Wrong));
        if result.is_ok() {
            self.keep_chosen_again();
            approver::reseal(*self, key);
        }
        result
    }

    /// Removes the passphrase: everything saved is kept, in clear.
    pub fn remove_passphrase(&self) -> Result<(), ProtectionError> {
        let result = self
            .run(|s, now| s.remove_passphrase(now))
            .unwrap_or(Err(ProtectionError::Wrong));
        if result.is_ok() {
            self.keep_chosen_again();
            approver::reseal(*self, None);
        }
        result
    }

    /// Whether the host page gives the organisation's settings (a file chosen here is
    /// then not used, nor offered).
    pub fn host_gives_settings(&self) -> bool {
        self.config.with_value(|c| c.host.settings_given)
    }

    /// Uses `file` as the organisation's settings from now on (none: the host page's
    /// attributes alone): the questions asked and findings given, what a new, blank
    /// assessment is made under and starts with, the organisation's name and approvers.
    fn use_settings(&self, file: Option<Arc<crate::organisation::Settings>>) {
        let merged = self.config.with_value(|c| c.host.with_file(file.clone()));
        let defaults = Defaults::from(&merged);
        self.with_session(|s| s.set_defaults(defaults));
        self.config.update_value(|c| c.settings = merged);
        self.org_settings.set(file);
    }

    /// Reads the settings file kept here (at start-up, and once the passphrase is given)
    /// and uses it if it may be used (`Session::read_kept_settings`). Not where the host
    /// page gives the settings.
    fn load_chosen_settings(&self) {
        if self.host_gives_settings() || self.config.with_value(|c| c.prerender) {
            return;
        }
        let file = browser::opened_from_file();
        let Some(kept) = self.with_session(|s| s.read_kept_settings(file)) else {
            return;
        };
        let (used, chosen) = match kept {
            KeptSettings::None => (None, Chosen::None),
            KeptSettings::Read { text, settings } => (Some(settings), Chosen::Kept(text)),
            KeptSettings::Locked => (None, Chosen::Locked),
            KeptSettings::Refused { why, problems } => (None, Chosen::Refused(why, problems)),
        };
        self.chosen.set(chosen);
        self.use_settings(used);
    }

    /// A settings file chosen here (its text): read like a file from outside, and if it
    /// reads, used at once in place of any before and kept in this browser (sealed with
    /// the passphrase when one is set). If not, every problem, and nothing changes.
    pub fn choose_settings(&self, text: String) -> Result<(), Vec<crate::organisation::Problem>> {
        let settings = crate::organisation::read(&text)?;
        self.keep(text);
        self.use_settings(Some(Arc::new(settings)));
        // Their approvers are trusted beside this browser's.
        approver::load(*self);
        Ok(())
    }

    /// Keeps `text` as the file chosen here, and notes whether it could be.
    fn keep(&self, text: String) {
        let file = browser::opened_from_file();
        let kept = self
            .run(|s, _| s.keep_settings(&text, file))
            .unwrap_or(Ok(()));
        self.chosen.set(match kept {
            Ok(()) => Chosen::Kept(text),
            Err(why) => Chosen::NotKept(text, why),
        });
    }

    /// After the passphrase was set, changed or removed: the file chosen here is kept
    /// again as the new protection asks (sealed; on `file:` with none, not kept).
    fn keep_chosen_again(&self) {
        if let Some(text) = self.chosen.with_untracked(|c| c.text().map(String::from)) {
            self.keep(text);
        }
    }

    /// Removes the settings file chosen here (or the one kept here and refused): the
    /// tool works without settings from now on.
    pub fn remove_settings(&self) -> Result<(), String> {
        self.run(|s, _| s.forget_settings()).unwrap_or(Ok(()))?;
        self.chosen.set(Chosen::None);
        self.use_settings(None);
        approver::load(*self);
        Ok(())
    }

    pub fn dismiss_not_kept(&self) {
        self.run(|s, _| s.dismiss_not_kept());
    }

    /// Deletes a saved assessment; it can be restored until the page is reloaded.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.run(|s, now| s.delete(id, now))
            .unwrap_or_else(|| Err(no_session()))
    }

    pub fn undo_delete(&self, id: &str) -> Result<(), StoreError> {
        self.run(|s, _| s.undo_delete(id))
            .unwrap_or_else(|| Err(no_session()))
    }

    pub fn rename(&self, id: &str, title: &str) -> Result<(), StoreError> {
        self.run(|s, now| s.rename(id, title, now))
            .unwrap_or_else(|| Err(no_session()))
    }

    pub fn duplicate(&self, id: &str) -> Result<(), StoreError> {
        self.run(|s, now| s.duplicate(id, &browser::new_id(), now))
            .unwrap_or_else(|| Err(no_session()))
    }

    /// The text of a damaged record that was set aside, exactly as stored.
    pub fn damaged_text(&self, key: &str) -> Result<String, StoreError> {
        self.session
            .try_with_value(|s| s.damaged_text(key))
            .unwrap_or_else(|| Err(no_session()))
    }

    pub fn discard_damaged(&self, key: &str) -> Result<(), StoreError> {
        self.run(|s, _| s.discard_damaged(key))
            .unwrap_or_else(|| Err(no_session()))
    }

    /// The saved version the open assessment reviews, if it is saved here.
    pub fn previous_version(&self) -> Option<Assessment> {
        self.session
            .try_with_value(|s| s.previous_version())
            .flatten()
    }

    /// What changed since the version the open assessment reviews, and whether the
    /// saved copy of that version is exactly the one reviewed.
    pub fn changes_since_previous(&self) -> Option<(VersionChanges, Chain)> {
        self.session
            .try_with_value(|s| s.changes_since_previous())
            .flatten()
    }

    /// A saved assessment's row, as the register shows it.
    pub fn saved_row(&self, id: &str) -> Option<Row> {
        self.session.try_with_value(|s| s.saved_row(id)).flatten()
    }

    /// Adds every assessment saved here to the register (nothing is written), and says so.
    pub fn add_saved_to_register(&self) -> String {
        let (saved, unreadable) = self
            .session
            .try_with_value(|s| s.saved_assessments())
            .unwrap_or_default();
        let added = saved.len();
        let trust = self.trust.get_untracked();
        self.register.update(|r| {
            r.set_trust(trust);
            r.add_saved(saved);
        });
        crate::register::saved_added(added, unreadable)
    }

    /// Keeps a record of the register in this browser: adopted as any imported file is
    /// (its log entry, a clash of ids asked about). It opens unless its id clashes.
    pub fn keep_from_register(&self, index: usize) -> ImportStep {
        let entry = self.register.with_untracked(|r| {
            r.entries()
                .get(index)
                .map(|e| (e.imported.clone(), e.file.clone()))
        });
        match entry {
            Some((imported, file)) => self.import(imported, &file),
            None => ImportStep::Refused,
        }
    }

    /// Opens the question's section and puts the cursor in it.
    pub fn go_to_question(&self, q: QuestionId) {
        let route = Route::Section {
            section: q.section(),
            from_check: false,
        };
        self.navigate_and_focus(route, Some(field_id(q)));
    }

    pub fn read_only(&self) -> bool {
        self.read_only.get()
    }

    /// The label of the organisation's question (or screening question) `id`, from the
    /// settings loaded here.
    pub fn organisation_question_label(&self, id: &str) -> Option<String> {
        self.org_settings.with_untracked(|s| {
            crate::organisation::answering::asked(s.as_deref()?, id)
                .map(|(_, label)| label.to_string())
        })
    }

    /// Opens the section of the organisation's question `id` and puts the cursor in it.
    pub fn go_to_organisation_question(&self, id: &str) {
        let section = self.org_settings.with_untracked(|s| {
            crate::organisation::answering::asked(s.as_deref()?, id).map(|(section, _)| section)
        });
        if let Some(section) = section {
            let route = Route::Section {
                section,
                from_check: false,
            };
            let control = crate::ui::components::organisation_questions::org_field_id(id);
            self.navigate_and_focus(route, Some(control));
        }
    }

    /// The organisation's required questions of `section` the open assessment leaves
    /// unanswered (id, message): none without settings (`organisation::answering`).
    pub fn organisation_unanswered(
        &self,
        section: crate::assessment::Section,
    ) -> Vec<(String, String)> {
        let Some(settings) = self.org_settings.get_untracked() else {
            return Vec::new();
        };
        self.open.with_untracked(|a| {
            a.as_ref().map_or_else(Vec::new, |a| {
                crate::organisation::answering::unanswered(a, &settings, section)
            })
        })
    }
}

/// `change` as a `dyn FnMut` that does it the first time it is called (it is called once).
fn once(change: impl FnOnce(&mut Assessment)) -> impl FnMut(&mut Assessment) {
    let mut change = Some(change);
    move |a| {
        if let Some(change) = change.take() {
            change(a);
        }
    }
}

/// The id of a question's control (the first option, for choices): links and the error
/// summary point here.
pub fn field_id(q: QuestionId) -> String {
    q.control_id()
}
