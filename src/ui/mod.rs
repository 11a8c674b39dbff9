//! The browser shell: Leptos components that display the core's state and forward
//! events to it. Compiled only for wasm32.

mod app;
mod browser;
mod components;
mod library;
mod mount;
mod pages;
mod state;

pub use mount::start;
