//! The browser shell: Leptos components that display the core's state and forward
//! events to it. Compiled only for wasm32.

mod alarm;
mod app;
mod approver;
mod browser;
mod components;
mod downloads;
mod early;
mod effect;
mod idb;
mod journal;
mod keystore;
mod local_storage;
mod mount;
mod page_title;
mod pages;
mod persistence;
mod read_files;
mod signals;
mod state;
mod timing;

pub use mount::start;
