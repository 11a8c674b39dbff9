//! The browser shell: Leptos components that display the core's state and forward events.

mod app;
mod mount;
mod pages;

pub use mount::start;
