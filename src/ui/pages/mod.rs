//! One module per screen.

pub mod approve;
pub mod changes;
pub mod check;
pub mod keys;
pub mod register;
pub mod section;
pub mod settings;
pub mod settings_edit;
pub mod start;
pub mod tasks;
