//! Legitimate interests assessment: a functional core (plain Rust, no browser types)
//! and a thin Leptos shell that exists only when compiled to WebAssembly.
//! See ARCHITECTURE.md for the map.

pub mod assessment;
pub mod base64;
pub mod compare;
pub mod csp;
pub mod embed;
pub mod export;
// Written into scripts/app-facts.json by a test; the wasm has no use for it.
#[cfg(not(target_arch = "wasm32"))]
pub mod facts;
pub mod handover;
pub mod json;
pub mod organisation;
pub mod register;
pub mod report;
pub mod route;
pub mod session;
pub mod sort;
pub mod vec_map;
// Run by build.rs for the wasm's copy of the style sheet; compiled here for its tests.
pub mod storage;
#[cfg(test)]
mod style_min;

#[cfg(target_arch = "wasm32")]
pub mod ui;
