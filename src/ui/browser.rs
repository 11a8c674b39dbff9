//! The few facts and actions only the browser has: the date, the time, random ids,
//! focus and the document title. Kept here so components stay declarative.

use crate::assessment::Date;
use wasm_bindgen::JsCast;

/// Today's date in the user's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time as ISO 8601 UTC, e.g. "2026-11-22T10:15:00.000Z" (the form the
/// export schema requires).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Random bytes from the browser's cryptographic generator (`crypto.getRandomValues`),
/// for salts and nonces. If the browser has none, the time and `Math.random` stand in
/// (only salts and nonce prefixes are made from these, never a key).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = ((js_sys::Math::random() * 256.0) as u8) ^ ((now_ms() as u64 >> (i % 8)) as u8);
        }
    }
    bytes
}

/// Whether the tool was opened as a file (`file:` address), where every page opened
/// from a file shares this browser's storage.
pub fn opened_from_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// A fresh id for an assessment: the time and 48 random bits, in hex.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 281_474_976_710_656.0) as u64;
    format!("{:x}-{:012x}", now_ms() as u64, random)
}

/// Moves keyboard focus to the element with this id in `root`, once the DOM has caught up,
/// unless focus has moved in the widget meanwhile: someone already in a field of the new
/// page (a frame can come late on a busy machine) keeps it, and their next keys with it.
pub fn focus_in(root: web_sys::ShadowRoot, id: String) {
    let before = root.active_element();
    leptos::prelude::request_animation_frame(move || {
        let now = root.active_element();
        if now.is_some() && now != before {
            return;
        }
        let element = root
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Sets the page title (only when the tool owns the page).
pub fn set_title(title: &str) {
    leptos::prelude::document().set_title(title);
}

/// A local date and time for people: "22 November 2026, 10:15".
pub fn describe_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let date = Date::new(
        d.get_full_year() as u16,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    );
    match date {
        Some(date) => format!(
            "{}, {:02}:{:02}",
            date.long(),
            d.get_hours(),
            d.get_minutes()
        ),
        None => String::new(),
    }
}

/// Whether the viewport matches the media query `query` ("(max-width: 39.99em)"), kept
/// up to date as the window is resized or zoomed: a page can then draw only the layout
/// that is seen, where CSS alone would hide the other one after drawing both.
pub fn media_matches(query: &'static str) -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    let now = move || {
        window()
            .match_media(query)
            .ok()
            .flatten()
            .is_some_and(|list| list.matches())
    };
    let (matches, set) = signal(now());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let is = now();
        if is != matches.get_untracked() {
            set.set(is);
        }
    });
    on_cleanup(move || handle.remove());
    matches
}
