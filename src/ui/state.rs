//! The app's state: the route, the open assessment and what the core says about it.
//! Components read these signals and call the actions below; nothing else mutates.

use leptos::prelude::*;

use super::browser;
use super::library::{Library, Summary};
use crate::assessment::lifecycle;
use crate::assessment::{outcome, Assessment, Ctx, Date, Outcome, QuestionId, Visibility};
use crate::route::Route;

/// How the widget was mounted.
#[derive(Clone, Debug)]
pub struct Config {
    /// The widget owns the page: it may use the URL hash and set the document title.
    pub standalone: bool,
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
    /// Changes whenever the open assessment is replaced (not when the user types), so
    /// text fields know to re-read their value.
    pub generation: RwSignal<u64>,
    pub summaries: RwSignal<Vec<Summary>>,
    pub library: StoredValue<Library, LocalStorage>,
    pub config: StoredValue<Config>,
    /// Where to put focus after the next change of page (the heading when empty).
    pub focus_next: StoredValue<Option<String>>,
    pub today: Date,
}

impl AppState {
    pub fn new(config: Config) -> AppState {
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
        let library = StoredValue::new_local(Library::default());
        AppState {
            route: RwSignal::new(Route::Start),
            open,
            outcome,
            visibility,
            generation: RwSignal::new(0),
            summaries: RwSignal::new(Vec::new()),
            library,
            config: StoredValue::new(config),
            focus_next: StoredValue::new(None),
            today,
        }
    }

    pub fn navigate(&self, route: Route) {
        self.navigate_and_focus(route, None);
    }

    /// Changes page and says where focus should go (the page heading when `None`).
    pub fn navigate_and_focus(&self, route: Route, focus: Option<String>) {
        self.focus_next.set_value(focus);
        self.route.set(route);
    }

    /// Opens an assessment on the given page.
    pub fn open_assessment(&self, assessment: Assessment, route: Route) {
        self.open.set(Some(assessment));
        self.generation.update(|g| *g += 1);
        self.route.set(route);
    }

    pub fn open_by_id(&self, id: &str, route: Route) -> bool {
        match self.library.with_value(|l| l.load(id)) {
            Some(a) => {
                self.open_assessment(a, route);
                true
            }
            None => false,
        }
    }

    /// Saves a new assessment and opens it at its first section.
    pub fn start(&self, assessment: Assessment, route: Route) {
        self.library
            .update_value(|l| l.save(&assessment, browser::now_ms()));
        self.refresh_list();
        self.open_assessment(assessment, route);
    }

    pub fn close(&self) {
        self.open.set(None);
        self.refresh_list();
        self.route.set(Route::Start);
    }

    /// Changes the open assessment (refused when it is approved, and so read-only).
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        let mut changed = false;
        self.open.update(|a| {
            if let Some(a) = a.as_mut().filter(|a| !a.is_read_only()) {
                change(a);
                changed = true;
            }
        });
        if changed {
            self.save_open();
        }
    }

    fn save_open(&self) {
        if let Some(a) = self.open.get_untracked() {
            self.library.update_value(|l| l.save(&a, browser::now_ms()));
        }
    }

    pub fn refresh_list(&self) {
        self.summaries
            .set(self.library.with_value(|l| l.summaries()));
    }

    /// Opens the question's section and puts the cursor in it.
    pub fn go_to_question(&self, q: QuestionId) {
        let route = Route::Section {
            section: q.section(),
            from_check: false,
        };
        self.navigate_and_focus(route, Some(field_id(q)));
    }

    /// Approves the open assessment, or says why it cannot be.
    pub fn approve(&self) -> Result<(), Vec<String>> {
        let mut result = Err(Vec::new());
        self.open.update(|a| {
            if let Some(a) = a.as_mut() {
                result = lifecycle::approve(a, self.today);
            }
        });
        if result.is_ok() {
            self.save_open();
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
        self.open
            .with(|a| a.as_ref().is_some_and(|a| a.is_read_only()))
    }
}

/// The id of a question's control (the first option, for choices): links and the error
/// summary point here.
pub fn field_id(q: QuestionId) -> String {
    format!("q-{}", q.key().replace('.', "-"))
}
