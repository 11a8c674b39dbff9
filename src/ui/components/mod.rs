//! Reusable pieces of the interface, one concern per file.

pub mod accept;
pub mod approval;
pub mod button;
pub mod choice_fields;
pub mod date_field;
pub mod downloads;
pub mod error_summary;
pub mod field;
pub mod findings;
pub mod follow;
pub mod form;
pub mod handover;
pub mod impacts;
pub mod import;
pub mod keyed;
pub mod layout;
pub mod nav_link;
pub mod passphrase;
pub mod privacy_wording;
pub mod question;
pub mod record_tools;
pub mod risk_matrix;
pub mod select;
pub mod storage_notices;
pub mod tag;
pub mod text_fields;
