//! The timers and event listeners that keep the work: the session core decides what to
//! save and when (`Session::next_wakeup`); this wakes it at that time, saves at once
//! when the page is hidden or left, and passes on what another tab did to storage.

use std::time::Duration;

use leptos::prelude::*;

use super::alarm::set_alarm;
use super::state::AppState;

/// Sets the one alarm of the widget for the session's next wake-up (replacing any
/// earlier time), or none if nothing is due.
pub fn schedule(state: AppState) {
    set_alarm(state.timer, state.next_wakeup(), AppState::tick, state);
}

/// Listens for the page being hidden or left (closing a tab, switching away, the phone
/// locking) and for other tabs' changes to this tool's storage; reads every record
/// straight after the first render, so many saved assessments do not hold up the start;
/// and opens the journal (which answers later).
pub fn listen(state: AppState) {
    set_timeout(move || state.scan(), Duration::ZERO);
    super::journal::start(state);
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.save_now();
        }
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let other_tab = window_event_listener(leptos::ev::storage, move |event| {
        // Only localStorage changes concern us (sessionStorage fires the same event).
        let is_local = event.storage_area().is_some_and(|area| {
            window()
                .local_storage()
                .ok()
                .flatten()
                .is_some_and(|mine| mine == area)
        });
        if is_local {
            state.external_change(event.key());
        }
    });
    on_cleanup(move || {
        hidden.remove();
        leaving.remove();
        other_tab.remove();
    });
}
