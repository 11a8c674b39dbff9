//! Text controls that follow the model: when the open assessment changes under a field
//! (another tab's edits merged in, a version chosen), the field shows the new text. It
//! is set only when it differs from what the field holds, so typing is never
//! interrupted and the cursor never jumps (the field being typed in already holds it).

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Keeps the `value` of the control behind `node` equal to `value()`.
pub fn follow_value<E>(node: NodeRef<E>, value: impl Fn() -> String + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let wanted = value();
        let Some(element) = node.get() else {
            return;
        };
        let element: &JsValue = element.unchecked_ref();
        let key = JsValue::from_str("value");
        let current = js_sys::Reflect::get(element, &key)
            .ok()
            .and_then(|v| v.as_string());
        if current.as_deref() != Some(wanted.as_str()) {
            let _ = js_sys::Reflect::set(element, &key, &JsValue::from_str(&wanted));
        }
    });
}
