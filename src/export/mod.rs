//! JSON and HTML exports of an assessment, and import of both (being written).
