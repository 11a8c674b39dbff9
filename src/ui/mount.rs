//! Finds where to mount the widget and marks it ready once mounted.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::state::Config;

/// Host elements carry this attribute; the app mounts into each one.
const HOST_SELECTOR: &str = "[data-lia-widget]";
/// Set on the host once the app is mounted, so tests and host pages know it is interactive.
const READY_ATTRIBUTE: &str = "data-lia-ready";

/// Mounts the app into every `[data-lia-widget]` element, or into `<body>` when there is none.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = document();
    let hosts = document
        .query_selector_all(HOST_SELECTOR)
        .expect("a static selector is valid");
    // A widget alone on the page may use the URL hash and the title; several share the
    // page with each other and must not.
    let standalone = hosts.length() <= 1;
    if hosts.length() == 0 {
        let body = document.body().expect("the page has a body");
        mount_into(body, Config { standalone });
        return;
    }
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|node| node.dyn_into().ok()) {
            mount_into(host, Config { standalone });
        }
    }
}

fn mount_into(host: web_sys::HtmlElement, config: Config) {
    leptos::mount::mount_to(host.clone(), move || view! { <App config /> }).forget();
    let _ = host.set_attribute(READY_ATTRIBUTE, "true");
}
