//! The shell's effects made through one boxed closure type: `Effect::new` is compiled
//! once for all of them, not once for each closure.

use leptos::prelude::*;

/// Runs `f` now and again whenever a signal it read changes, as `Effect::new` does; `f`
/// is given `None` on its first run and `Some(())` after.
pub fn effect(f: impl FnMut(Option<()>) + 'static) {
    let f: Box<dyn FnMut(Option<()>)> = Box::new(f);
    Effect::new(f);
}
