//! What the Word document and the OpenDocument text are both made of: XML parts, every
//! text escaped by one function (`xml.rs`), in a ZIP archive whose entries are stored as
//! they are, with the CRC-32 each must carry (`zip.rs`). Both formats allow stored entries,
//! and a page of code here weighs far less in the wasm than a deflate encoder and an XML
//! library would (docs/performance.md).

pub mod xml;
pub mod zip;
