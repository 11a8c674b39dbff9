//! The root component: creates the state, follows the route (and the URL hash when
//! the tool owns the page) and moves focus to each new page's heading.

use leptos::prelude::*;

use super::components::layout::Layout;
use super::early::Early;
use super::effect::effect;
use super::pages::approve::ApprovePage;
use super::pages::changes::{ChangesPage, RegisterChangesPage};
use super::pages::check::CheckPage;
use super::pages::keys::KeysPage;
use super::pages::register::RegisterPage;
use super::pages::section::SectionPage;
use super::pages::settings::SettingsPage;
use super::pages::settings_edit::SettingsEditPage;
use super::pages::start::StartPage;
use super::pages::tasks::TaskListPage;
use super::state::{AppState, Config};
use crate::route::{Action, Route};

#[component]
pub fn App(config: Config, root: web_sys::ShadowRoot, early: Early) -> impl IntoView {
    let standalone = config.standalone;
    let state = AppState::new(config, root, early);
    provide_context(state);
    super::persistence::listen(state);

    if standalone {
        follow_hash(state);
        effect(move |_| {
            let hash = state.route.with(|r| {
                state
                    .open
                    .with_untracked(|a| r.to_hash(a.as_ref().map(|a| a.id.as_str())))
            });
            let current = location_hash().map(|h| format!("#{h}"));
            if current.as_deref() != Some(hash.as_str()) {
                // An action's address (`#/new`) is replaced, not kept in the history, so
                // going back does not do it again.
                if current.as_deref().and_then(Action::from_hash).is_some() {
                    let _ = window().location().replace(&hash);
                } else {
                    let _ = window().location().set_hash(&hash);
                }
            }
        });
    }

    // After the first page, every change of page moves focus to its heading (or to the
    // field a link asked for), so keyboard and screen reader users start at the top.
    effect(move |first| {
        state.route.track();
        if first.is_some() {
            let target = state.focus_next.try_update_value(Option::take).flatten();
            state.focus(target.unwrap_or_else(|| "lia-page-heading".into()));
        }
    });

    let page = move || {
        let route = state.route.get();
        let has_open = state.open.with_untracked(Option::is_some);
        match route {
            Route::Section {
                section,
                from_check,
            } if has_open => view! { <SectionPage section from_check /> }.into_any(),
            Route::Tasks if has_open => view! { <TaskListPage /> }.into_any(),
            Route::Check if has_open => view! { <CheckPage /> }.into_any(),
            Route::Changes if has_open => view! { <ChangesPage /> }.into_any(),
            Route::Register => view! { <RegisterPage /> }.into_any(),
            Route::Keys => view! { <KeysPage /> }.into_any(),
            Route::Settings => view! { <SettingsPage /> }.into_any(),
            Route::SettingsEdit => view! { <SettingsEditPage /> }.into_any(),
            Route::RegisterChanges { review, previous } => {
                view! { <RegisterChangesPage review previous /> }.into_any()
            }
            Route::Approve if state.storage.approving.with_untracked(Option::is_some) => {
                view! { <ApprovePage /> }.into_any()
            }
            _ => view! { <StartPage /> }.into_any(),
        }
    };
    // Text fields read their value once; a replaced assessment re-creates the page.
    let keyed_page = move || {
        state.generation.track();
        page()
    };
    view! {
        <div class="lia">
            <Layout>{keyed_page}</Layout>
        </div>
    }
}

/// Opens what the URL hash names, now and whenever it changes (back and forward buttons).
fn follow_hash(state: AppState) {
    let apply = move || {
        let hash = location_hash().map(|h| format!("#{h}")).unwrap_or_default();
        // A link of the start page, perhaps clicked before the app had started.
        match Action::from_hash(&hash) {
            Some(Action::New) => return state.start_new(),
            Some(Action::Example(key)) => return state.start_example(&key),
            None => {}
        }
        let (id, route) = Route::from_hash(&hash);
        let open_id = state
            .open
            .with_untracked(|a| a.as_ref().map(|a| a.id.clone()));
        let current = state.route.get_untracked();
        if id.is_none()
            && matches!(
                route,
                Route::Register
                    | Route::RegisterChanges { .. }
                    | Route::Keys
                    | Route::Settings
                    | Route::SettingsEdit
            )
        {
            // The register belongs to no assessment: the open one stays open.
            if current != route {
                state.navigate(route);
            }
        } else if route == Route::Approve {
            // Only while a file is under approval; otherwise back to the start.
            if state.storage.approving.with_untracked(Option::is_some) {
                if current != route {
                    state.navigate(route);
                }
            } else {
                state.navigate(Route::Start);
            }
        } else if id.is_some() && id == open_id {
            if current != route {
                state.navigate(route);
            }
        } else if let Some(id) = id {
            if !state.open_by_id(&id, route) {
                state.navigate(Route::Start);
            }
        } else if current != Route::Start {
            state.close();
        }
    };
    apply();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| apply());
    on_cleanup(move || handle.remove());
}
