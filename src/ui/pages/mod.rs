//! One module per screen.

pub mod approve;
pub mod check;
pub mod section;
pub mod start;
pub mod tasks;
