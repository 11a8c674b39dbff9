//! The report's stylesheet and its Content Security Policy (`csp::REPORT`): nothing may
//! load or run, and only this stylesheet, named by its SHA-256, applies.

use crate::csp::{hash_source, render, CSS_HASH, REPORT};

/// The report's only stylesheet (screen and A4 print).
pub const CSS: &str = include_str!("report.css");

/// The policy of the report's `<meta http-equiv="Content-Security-Policy">`.
pub fn content_security_policy() -> String {
    render(REPORT, &[(CSS_HASH, &[hash_source(CSS)])])
}
