//! Saved assessments: a `Store` over a `KeyValue` (localStorage in the browser,
//! `MemoryKv` in tests and as the fallback), with revisions against lost updates between
//! tabs, damaged records set aside rather than lost, and approved records read-only.
//! No browser types and no clock: times come from the caller, in milliseconds since the
//! Unix epoch. Key layout in `keys.rs`, record format in `record.rs`, index in `index.rs`.

pub mod error;
pub mod index;
pub mod journal;
pub mod keys;
pub mod kv;
pub mod manage;
pub mod memory;
pub mod open;
pub mod quarantine;
pub mod record;
pub mod seal;
pub mod store;

pub use error::{format_bytes, Conflict, SizeUnit, StoreError, Theirs, SIZE_ROUNDING, SIZE_UNITS};
pub use index::{Lost, Summary};
pub use journal::{
    JournalBatch, JournalEntry, JournalText, JournalWrite, Journaled, PutBack, PutBackKind,
};
pub use keys::{Change, InvalidNamespace, Namespace, DEFAULT_NAMESPACE};
pub use kv::{stored_size, KeyValue, KvError};
pub use manage::Deleted;
pub use memory::MemoryKv;
pub use open::Opened;
pub use quarantine::{DamagedRecord, DamagedState};
pub use record::{DecodeError, Record};
pub use seal::{Lock, Nonces, Sealed};
pub use store::{Saved, Store};
