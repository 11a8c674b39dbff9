//! What people did on the pre-rendered page before the app had started. index.html
//! carries the start page and the first question page as plain HTML (see
//! `scripts/prerender.mjs`), so on a slow link they can start at once: its links only
//! change the address (which the app honours when it starts), and what they type there
//! is read here, just before the app takes the page over, and becomes their answers
//! (`assessment::form_values`). Where the keyboard was, the cursor goes back.

use wasm_bindgen::JsCast;

/// The attribute of the pre-rendered part of the host element.
pub const PRERENDERED: &str = "data-lia-prerendered";

/// What the pre-rendered page held when the app started.
#[derive(Clone, Debug, Default)]
pub struct Early {
    /// Each text control's name and value, and each ticked box or chosen option.
    pub fields: Vec<(String, String)>,
    /// The control that had the keyboard, and its selection.
    pub focus: Option<(String, u32, u32)>,
    /// A file chosen in "Open a saved file" before the app started.
    pub file: Option<web_sys::File>,
}

impl Early {
    /// Reads the pre-rendered page inside `host`, if there is one.
    pub fn read(host: &web_sys::HtmlElement) -> Early {
        let mut early = Early::default();
        let Ok(Some(page)) = host.query_selector(&format!("[{PRERENDERED}]")) else {
            return early;
        };
        let controls = page.query_selector_all("input, textarea").ok();
        let count = controls.as_ref().map_or(0, |c| c.length());
        for index in 0..count {
            let Some(node) = controls.as_ref().and_then(|c| c.item(index)) else {
                continue;
            };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                let name = match input.name() {
                    n if n.is_empty() => input.id(),
                    n => n,
                };
                match input.type_().as_str() {
                    "checkbox" | "radio" if input.checked() => {
                        early.fields.push((name, input.value()));
                    }
                    "checkbox" | "radio" => {}
                    "file" => {
                        early.file = early.file.take().or_else(|| input.files()?.get(0));
                    }
                    _ if !input.value().is_empty() => early.fields.push((name, input.value())),
                    _ => {}
                }
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if !area.value().is_empty() {
                    early.fields.push((area.name(), area.value()));
                }
            }
        }
        early.focus = focused_in(&page);
        // Read: it goes, so that only the live page is there (the shadow root would hide
        // it anyway; gone, it also holds no second copy of every control).
        page.remove();
        early
    }
}

/// The id and selection of the control in `page` that has the keyboard, if one does.
fn focused_in(page: &web_sys::Element) -> Option<(String, u32, u32)> {
    let active = web_sys::window()?.document()?.active_element()?;
    if !page.contains(Some(&active)) {
        return None;
    }
    let id = active.id();
    if id.is_empty() {
        return None;
    }
    let (start, end) = if let Some(input) = active.dyn_ref::<web_sys::HtmlInputElement>() {
        (
            input.selection_start().ok().flatten(),
            input.selection_end().ok().flatten(),
        )
    } else if let Some(area) = active.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        (
            area.selection_start().ok().flatten(),
            area.selection_end().ok().flatten(),
        )
    } else {
        (None, None)
    };
    Some((id, start.unwrap_or(0), end.unwrap_or(0)))
}

/// Puts the keyboard back in the control with this id inside the widget, with the same
/// selection, now (in the same task as the swap, so no keystroke falls in between).
pub fn refocus(root: &web_sys::ShadowRoot, (id, start, end): &(String, u32, u32)) {
    let Some(element) = root.get_element_by_id(id) else {
        return;
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let _ = input.set_selection_range(*start, *end);
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(*start, *end);
    } else if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}
