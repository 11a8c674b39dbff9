//! Saved data from every release keeps opening. `tests/fixtures/storage/v<N>/` holds
//! what the release with schema version N wrote to localStorage (see its README). Each
//! new schema version adds a fixture directory, and every older directory must still
//! open, through the migrations in `assessment::schema`, without anything set aside.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use lia::assessment::model::Status;
use lia::assessment::schema::SCHEMA_VERSION;
use lia::storage::index::Index;
use lia::storage::record::encode;
use lia::storage::{DamagedState, MemoryKv, Store, Summary};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/storage");
const NOW: f64 = 1_800_000_000_000.0;

/// Every `v<N>` directory, by version.
fn versions() -> BTreeMap<u32, PathBuf> {
    fs::read_dir(ROOT)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            Some((name.strip_prefix('v')?.parse().ok()?, path))
        })
        .collect()
}

/// The stored values of one directory, under the keys they were stored under.
fn entries(dir: &Path) -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.file_name().unwrap() == "README.md" {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let key = match path.parent().unwrap() {
            parent if parent == dir => format!("lia:{stem}"),
            parent => {
                let kind = parent.file_name().unwrap().to_str().unwrap();
                format!("lia:{kind}:{}", stem.replace('.', ":"))
            }
        };
        entries.insert(key, fs::read_to_string(&path).unwrap());
    }
    entries
}

fn storage(entries: &BTreeMap<String, String>) -> MemoryKv {
    let mut kv = MemoryKv::new();
    for (key, value) in entries {
        lia::storage::KeyValue::set(&mut kv, key, value).unwrap();
    }
    kv
}

fn ids_under<'e>(entries: &'e BTreeMap<String, String>, prefix: &str) -> Vec<&'e str> {
    entries
        .keys()
        .filter_map(|k| k.strip_prefix(prefix))
        .collect()
}

#[test]
fn every_release_has_fixtures_up_to_this_one() {
    let found: Vec<u32> = versions().into_keys().collect();
    let expected: Vec<u32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(
        found, expected,
        "add tests/fixtures/storage/v{SCHEMA_VERSION}/ (see its README)"
    );
}

#[test]
fn saved_data_from_every_release_still_opens_and_loses_nothing() {
    for (version, dir) in versions() {
        let stored = entries(&dir);
        let records = ids_under(&stored, "lia:assessment:");
        assert!(!records.is_empty(), "v{version} has no records");
        let mut store = Store::new(storage(&stored));
        let opened = store.open(NOW).unwrap();

        let mut listed: Vec<&str> = opened.summaries.iter().map(|s| s.id.as_str()).collect();
        listed.sort();
        assert_eq!(listed, records, "v{version}");
        for summary in &opened.summaries {
            let record = store.load(&summary.id).unwrap();
            let raw = &stored[&format!("lia:assessment:{}", summary.id)];
            assert_eq!(
                summary,
                &Summary::of(&record).with_digest(raw),
                "v{version}"
            );
        }
        assert!(opened.lost.is_empty(), "v{version}: {:?}", opened.lost);
        // Records are read, never rewritten, by opening.
        for (key, value) in &stored {
            if key.starts_with("lia:assessment:") || key.starts_with("lia:quarantine") {
                assert_eq!(
                    store.kv().entries().get(key),
                    Some(value),
                    "v{version} {key}"
                );
            }
        }
        // Only what was already set aside is reported, each with its text intact.
        let set_aside = ids_under(&stored, "lia:quarantine:");
        assert_eq!(opened.damaged.len(), set_aside.len(), "v{version}");
        for damaged in &opened.damaged {
            assert_eq!(damaged.state, DamagedState::SetAsideEarlier, "v{version}");
            assert_eq!(store.raw_text(&damaged.key).unwrap(), stored[&damaged.key]);
            assert!(
                damaged.title.is_some() && damaged.set_aside_at.is_some(),
                "{damaged:?}"
            );
        }
    }
}

#[test]
fn the_current_fixtures_are_what_this_release_writes_field_for_field() {
    let dir = &versions()[&SCHEMA_VERSION];
    let stored = entries(dir);
    let mut store = Store::new(storage(&stored));

    for id in ids_under(&stored, "lia:assessment:") {
        let record = store.load(id).unwrap();
        let rewritten = encode(&record.assessment, record.revision, record.saved_at);
        // Field for field: since writing goes through a `Value` (one serialiser of the
        // model in the wasm), the assessment's keys come sorted. No reader depends on
        // their order, and these fixtures, written before, must still read.
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(
            value(&rewritten),
            value(&stored[&format!("lia:assessment:{id}")]),
            "the stored form changed without a new schema version: bump SCHEMA_VERSION, add a migration and a v{} fixture directory",
            SCHEMA_VERSION + 1
        );
    }
    let index = Index::decode(&stored["lia:index"]).expect("the index reads");
    assert_eq!(index.encode(), stored["lia:index"]);

    // Opening finds everything as it would have written it: nothing to move, and the
    // index only gains the digest of each record (which the first release did not keep).
    let opened = store.open(NOW).unwrap();
    let without_digests = |raw: &str| {
        let mut index = Index::decode(raw).unwrap();
        for s in &mut index.summaries {
            s.digest = None;
        }
        index
    };
    let rewritten = &store.kv().entries()["lia:index"];
    assert_eq!(
        without_digests(rewritten),
        without_digests(&stored["lia:index"])
    );
    assert!(Index::decode(rewritten)
        .unwrap()
        .summaries
        .iter()
        .all(|s| s.digest.is_some()));
    let mut others: BTreeMap<String, String> = store.kv().entries().clone().into_iter().collect();
    others.remove("lia:index");
    let mut stored_others = stored.clone();
    stored_others.remove("lia:index");
    assert_eq!(others, stored_others);
    let reopened = store.open(NOW).unwrap();
    assert!(
        !reopened.index_repaired,
        "written once, as this release writes it"
    );

    // The fixtures cover every kind of stored value.
    let loaded: Vec<_> = opened
        .summaries
        .iter()
        .map(|s| store.load(&s.id).unwrap())
        .collect();
    assert!(loaded
        .iter()
        .any(|r| r.assessment.status == Status::Approved));
    assert!(loaded
        .iter()
        .any(|r| r.assessment.review_of.is_some() && !r.assessment.review_log.is_empty()));
    assert!(loaded.iter().any(|r| r.revision > 1));
    assert!(loaded.iter().any(|r| !r.assessment.impacts.is_empty()));
    assert!(opened.summaries.iter().any(|s| s.review_due.is_some()));
    assert!(!opened.damaged.is_empty());
}
