//! Saved assessments: the store over a key-value trait, records, migrations (being written).
