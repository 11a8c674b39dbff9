//! Finds where to mount the widget and marks it ready once mounted.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::state::Config;
use crate::storage::Namespace;

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
        let config = config_of(&body, standalone);
        mount_into(body, config);
        return;
    }
    for index in 0..hosts.length() {
        if let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let config = config_of(&host, standalone);
            mount_into(host, config);
        }
    }
}

/// The host element's settings (`data-namespace`); a bad namespace falls back to the
/// default rather than risk sharing another install's keys in a surprising way.
fn config_of(host: &web_sys::HtmlElement, standalone: bool) -> Config {
    let namespace = host
        .get_attribute("data-namespace")
        .and_then(|n| Namespace::new(n.trim()).ok())
        .unwrap_or_default();
    Config {
        standalone,
        namespace,
    }
}

fn mount_into(host: web_sys::HtmlElement, config: Config) {
    leptos::mount::mount_to(host.clone(), move || view! { <App config /> }).forget();
    let _ = host.set_attribute(READY_ATTRIBUTE, "true");
}
