//! Finds where to mount each widget, gives it a shadow root (so the host page's CSS
//! cannot reach in, ours cannot leak out, and two widgets' ids never clash), adopts the
//! stylesheet there, and marks the host ready once mounted.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::early::{refocus, Early};
use super::state::Config;
use crate::embed::Settings;

/// Host elements carry this attribute; the app mounts into each one.
const HOST_SELECTOR: &str = "[data-lia-widget]";
/// Set by the build's capture of the pre-rendered page: an app that touches no storage,
/// with placeholders where a visitor's own assessments would be.
const PRERENDER_ATTRIBUTE: &str = "data-lia-prerender";
/// Set on the host once the app is mounted, so tests and host pages know it is interactive.
const READY_ATTRIBUTE: &str = "data-lia-ready";
/// The widget's styles, compiled in: they live inside each shadow root. `build.rs` writes
/// `style/main.css` without its comments and layout whitespace.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/main.css"));

/// Mounts the app into every `[data-lia-widget]` element, or into a new one at the end of
/// `<body>` when the page has none. It waits until the browser has drawn what is
/// pending: a click on the pre-rendered page (its first question page) is then on the
/// screen before building the app takes the main thread, on a slow laptop for a while.
pub fn start() {
    // The wasm is compiled and running (the benchmark splits start-up here).
    super::timing::mark("lia-main");
    // A panic's message to the console (the browser shows where it was called from).
    // The release build (./dev's `release`) stops at a panic without any message, so
    // there is nothing to say and no hook to pay for.
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    let mounted = Rc::new(Cell::new(false));
    let once: Rc<dyn Fn()> = Rc::new(move || {
        if !mounted.replace(true) {
            mount_all();
        }
    });
    // A tab in the background draws no frames: nothing is waiting to be seen there.
    if document().hidden() {
        let once = once.clone();
        set_timeout(move || once(), Duration::ZERO);
        return;
    }
    // Whatever a person did while the app was loading (a click, a key, a link followed)
    // is noted, so the mount waits for one more frame that shows it.
    let acted = Rc::new(Cell::new(false));
    // By their names (untyped): one listener's code serves the four.
    let listeners = Rc::new(Cell::new(Some(
        ["pointerdown", "keydown", "hashchange", "input"]
            .map(|name| window_event_listener_untyped(name, note(&acted))),
    )));
    let mount: Rc<dyn Fn()> = Rc::new(move || {
        if let Some(listeners) = listeners.take() {
            listeners.into_iter().for_each(|l| l.remove());
        }
        once();
    });
    after_quiet_frame(acted, mount.clone(), 0);
    // Where frames are not drawn at all (a frame hidden by its host page), the app
    // still starts.
    set_timeout(move || mount(), Duration::from_millis(500));
}

/// A listener that notes that something was done.
fn note(acted: &Rc<Cell<bool>>) -> impl Fn(web_sys::Event) + 'static {
    let acted = acted.clone();
    move |_| acted.set(true)
}

/// Runs `then` after the next frame has been drawn, once a frame has passed with nothing
/// done on the page (at most a few frames more).
fn after_quiet_frame(acted: Rc<Cell<bool>>, then: Rc<dyn Fn()>, frames: u8) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                if acted.replace(false) && frames < 8 {
                    after_quiet_frame(acted, then, frames + 1);
                } else {
                    then();
                }
            },
            Duration::ZERO,
        )
    });
}

fn mount_all() {
    let document = document();
    let hosts = document
        .query_selector_all(HOST_SELECTOR)
        .expect("a static selector is valid");
    // A widget alone on the page may use the URL hash and the title; several share the
    // page with each other and must not.
    let standalone = hosts.length() <= 1;
    if hosts.length() == 0 {
        let host: web_sys::HtmlElement = document
            .create_element("div")
            .expect("a div can be made")
            .unchecked_into();
        let _ = host.set_attribute("data-lia-widget", "");
        let _ = document
            .body()
            .expect("the page has a body")
            .append_child(&host);
        mount_into(host, standalone);
    } else {
        for index in 0..hosts.length() {
            if let Some(host) = hosts
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            {
                mount_into(host, standalone);
            }
        }
    }
    // Every widget is mounted and interactive (the benchmark measures to here).
    super::timing::mark("lia-ready");
}

/// The host element's settings (see `crate::embed`). What cannot be used is ignored,
/// with a warning in the console for the host page's developer.
fn config_of(host: &web_sys::HtmlElement, standalone: bool) -> Config {
    let (settings, warnings) = Settings::from_attributes(|name| host.get_attribute(name));
    for warning in warnings {
        web_sys::console::warn_1(&format!("Legitimate interests assessment: {warning}").into());
    }
    Config {
        standalone,
        host: settings.clone(),
        settings,
        // Only the build's capture of the pre-rendered page (scripts/prerender.mjs) sets it.
        prerender: host.has_attribute(PRERENDER_ATTRIBUTE),
    }
}

fn mount_into(host: web_sys::HtmlElement, standalone: bool) {
    // What was done on the pre-rendered page, read before the shadow root hides it.
    let early = Early::read(&host);
    let root = match host.shadow_root() {
        Some(root) => root,
        None => {
            match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
                Ok(root) => root,
                Err(_) => return, // an element that cannot host a widget
            }
        }
    };
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        if sheet.replace_sync(STYLE).is_ok() {
            root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div can be made")
        .unchecked_into();
    container.set_class_name("lia-root");
    let _ = root.append_child(&container);
    let config = config_of(&host, standalone);
    // Through the CSSOM, which the Content Security Policy allows (a style attribute it
    // would not).
    if let Some(accent) = &config.settings.accent {
        let style = container.style();
        let _ = style.set_property("--lia-accent", &accent.colour);
        let _ = style.set_property("--lia-accent-dark", &accent.dark);
    }
    let focus = early.focus.clone();
    let shadow = root.clone();
    leptos::mount::mount_to(container, move || view! { <App config root early /> }).forget();
    // The page is drawn by now: the keyboard goes back where it was on the pre-rendered
    // page, in this same task, so not one keystroke is lost in between.
    if let Some(focus) = focus {
        refocus(&shadow, &focus);
    }
    let _ = host.set_attribute(READY_ATTRIBUTE, "true");
}
