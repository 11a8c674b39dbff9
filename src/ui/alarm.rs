//! A timer whose time moves. Typing moves two with every key (the autosave and the rules
//! after a pause) a little later each time; a browser timer cleared and set again per
//! key cost, on a slow laptop, a third of the key's own work. So moving an alarm later
//! only notes the new time: the timer already set rings early, sees that, and waits out
//! the rest. Only moving it earlier sets a new timer.

use std::time::Duration;

use leptos::prelude::*;

use super::browser::now_ms;

#[derive(Default)]
pub struct Alarm {
    /// When it should ring, if at all.
    due: Option<f64>,
    /// The browser timer set, and the time it was set for.
    set: Option<(f64, TimeoutHandle)>,
}

/// Has `alarm` call `ring(with)` at `due` (never, for `None`), in place of any earlier
/// time. Returns whether it was waiting to ring.
pub fn set_alarm<T: Copy + 'static>(
    alarm: StoredValue<Alarm>,
    due: Option<f64>,
    ring: fn(T),
    with: T,
) -> bool {
    let Some((was_due, timer_too_late)) = alarm.try_update_value(|a| {
        let was_due = std::mem::replace(&mut a.due, due).is_some();
        let late = match (due, &a.set) {
            (Some(due), Some((at, _))) => *at > due,
            _ => true,
        };
        if late {
            if let Some((_, timer)) = a.set.take() {
                timer.clear();
            }
        }
        (was_due, late)
    }) else {
        return false;
    };
    if timer_too_late {
        arm(alarm, ring, with);
    }
    was_due
}

/// Sets a browser timer for the alarm's time, if it has one.
fn arm<T: Copy + 'static>(alarm: StoredValue<Alarm>, ring: fn(T), with: T) {
    let Some(Some(due)) = alarm.try_with_value(|a| a.due) else {
        return;
    };
    let wait = Duration::from_millis((due - now_ms()).max(0.0).ceil() as u64);
    let timer = set_timeout_with_handle(move || rang(alarm, ring, with), wait).ok();
    alarm.update_value(|a| a.set = timer.map(|t| (due, t)));
}

/// The browser timer fired: ring if the time has come, or wait out the rest.
fn rang<T: Copy + 'static>(alarm: StoredValue<Alarm>, ring: fn(T), with: T) {
    let due = alarm.try_update_value(|a| {
        a.set = None;
        a.due
    });
    match due {
        Some(Some(due)) if due > now_ms() => arm(alarm, ring, with),
        Some(Some(_)) => {
            alarm.update_value(|a| a.due = None);
            ring(with);
        }
        _ => {}
    }
}
