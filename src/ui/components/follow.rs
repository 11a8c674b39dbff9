//! Text controls that follow the model: when the open assessment changes under a field
//! (another tab's edits merged in, a version chosen), the field shows the new text. It
//! is set only when it differs from what the field holds, so typing is never
//! interrupted and the cursor never jumps (the field being typed in already holds it).
//! The two are compared as JavaScript strings: a field holding half a character (a lone
//! surrogate, pasted in) is saved with U+FFFD in its place, and then shows that too, so
//! what the field shows is what is saved.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Keeps the `value` of the control behind `node` equal to `value()`.
pub fn follow_value<E>(node: NodeRef<E>, value: impl Fn() -> String + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    follow_erased(
        Box::new(move || node.get().map(|e| e.unchecked_into::<JsValue>())),
        Box::new(value),
    );
}

// Not generic: one effect for every control that follows its value.
#[inline(never)]
fn follow_erased(node: Box<dyn Fn() -> Option<JsValue>>, value: Box<dyn Fn() -> String>) {
    super::super::effect::effect(move |_| {
        let wanted = value();
        let Some(element) = node() else {
            return;
        };
        let key = JsValue::from_str("value");
        let wanted = JsValue::from_str(&wanted);
        // `!=` on JavaScript values is `!==`: code unit by code unit, nothing converted.
        if js_sys::Reflect::get(&element, &key).ok().as_ref() != Some(&wanted) {
            let _ = js_sys::Reflect::set(&element, &key, &wanted);
        }
    });
}
