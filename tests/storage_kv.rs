//! `MemoryKv`, the stand-in for localStorage: quota, unavailability, sharing and the
//! browser's way of counting bytes.

use std::cell::RefCell;
use std::rc::Rc;

use lia::storage::{stored_size, KeyValue, KvError, MemoryKv};

#[test]
fn bytes_are_counted_as_browsers_count_local_storage() {
    // UTF-16 code units, two bytes each: "é" is one unit, "😀" two.
    assert_eq!(stored_size("key", "value"), 16);
    assert_eq!(stored_size("é", "😀"), 6);
    let mut kv = MemoryKv::new();
    kv.set("key", "value").unwrap();
    kv.set("é", "😀").unwrap();
    assert_eq!(kv.used_bytes(), 22);
    kv.remove("key").unwrap();
    assert_eq!(kv.used_bytes(), 6);
}

#[test]
fn a_write_over_the_quota_is_refused_and_changes_nothing() {
    let mut kv = MemoryKv::with_quota(19);
    kv.set("a", "12345678").unwrap(); // 18 bytes
    assert_eq!(kv.set("a", "123456789"), Err(KvError::QuotaExceeded));
    assert_eq!(kv.get("a").unwrap().as_deref(), Some("12345678"));
    assert_eq!(kv.set("b", ""), Err(KvError::QuotaExceeded));
    assert_eq!(kv.keys().unwrap(), ["a"]);
    // Replacing a value counts only the difference.
    kv.set("a", "87654321").unwrap();
    kv.set_quota(None);
    kv.set("b", &"x".repeat(1000)).unwrap();
    assert_eq!(kv.quota(), None);
}

#[test]
fn unavailable_storage_fails_every_operation_until_it_is_back() {
    let mut kv = MemoryKv::new();
    kv.set("a", "1").unwrap();
    kv.make_unavailable("SecurityError: access is denied");
    let denied = KvError::Unavailable("SecurityError: access is denied".into());
    assert_eq!(kv.get("a"), Err(denied.clone()));
    assert_eq!(kv.set("b", "2"), Err(denied.clone()));
    assert_eq!(kv.remove("a"), Err(denied.clone()));
    assert_eq!(kv.keys(), Err(denied));
    assert_eq!(kv.entries().len(), 1);
    kv.make_available();
    assert_eq!(kv.get("a").unwrap().as_deref(), Some("1"));
}

#[test]
fn holders_of_a_shared_storage_see_each_others_writes() {
    let shared = Rc::new(RefCell::new(MemoryKv::new()));
    let mut tab_a = shared.clone();
    let tab_b = shared.clone();
    tab_a.set("k", "from a").unwrap();
    assert_eq!(tab_b.get("k").unwrap().as_deref(), Some("from a"));
    let mut boxed: Box<dyn KeyValue> = Box::new(shared.clone());
    boxed.remove("k").unwrap();
    assert_eq!(tab_b.keys().unwrap(), Vec::<String>::new());
}
