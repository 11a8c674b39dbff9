//! Storage and the session: the store, saving, opening and managing records, stored
//! records of earlier versions, the session core and the hand-over.
//!
//! One test binary for several test files (Cargo.toml): each file is compiled in place as
//! a module of this one, so the crate is linked once here instead of once per file. A
//! new file in tests/ goes into one of these lists (tests/test_targets.rs fails until it
//! is).

// Each file includes the fixtures it uses itself, as it did as a binary of its own, so
// some fixtures are included more than once.
#![allow(clippy::duplicate_mod)]

#[path = "../handover.rs"]
mod handover;
#[path = "../session.rs"]
mod session;
#[path = "../session_typing.rs"]
mod session_typing;
#[path = "../settings_chosen.rs"]
mod settings_chosen;
#[path = "../storage_fixtures.rs"]
mod storage_fixtures;
#[path = "../storage_kv.rs"]
mod storage_kv;
#[path = "../storage_manage.rs"]
mod storage_manage;
#[path = "../storage_open.rs"]
mod storage_open;
#[path = "../storage_save.rs"]
mod storage_save;
