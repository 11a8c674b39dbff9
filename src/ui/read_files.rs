//! Reading many chosen files with few calls into the browser (5,000 files read one by
//! one cost the page about 0.9 s in calls alone): the batches `register::batches` makes
//! are each read as one blob and cut apart by their sizes. A batch that cannot be read
//! whole is read again file by file, so an unreadable file fails alone. Reads stay a
//! few batches ahead of the work.

use std::collections::VecDeque;

use js_sys::{Array, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

use crate::register::batches::batches;

/// Batches being read ahead of the one worked on.
const AHEAD: usize = 3;

/// One chosen file, read.
pub enum Read {
    Bytes(Vec<u8>),
    /// Larger than `limit`: not read (its size).
    TooLarge(f64),
    /// The browser could not read it (moved, changed or taken away since it was chosen).
    Unreadable,
}

struct Batch {
    files: Vec<File>,
    /// `None` for a file too large to read.
    read: Option<JsFuture>,
}

/// The chosen files, in order, read a batch at a time.
pub struct Reader {
    files: Vec<File>,
    /// The batches not yet being read, in order.
    batches: VecDeque<(std::ops::Range<usize>, bool)>,
    pending: VecDeque<Batch>,
}

impl Reader {
    /// `limit`: the largest file read (larger ones are named, not read).
    pub fn new(files: Vec<File>, limit: usize) -> Reader {
        let sizes: Vec<f64> = files.iter().map(|f| f.size()).collect();
        Reader {
            batches: batches(&sizes, limit as f64).into(),
            files,
            pending: VecDeque::new(),
        }
    }

    /// The next batch of files with what was read of each; `None` after the last.
    pub async fn next(&mut self) -> Option<Vec<(String, Read)>> {
        while self.pending.len() < AHEAD {
            match self.start_next() {
                Some(batch) => self.pending.push_back(batch),
                None => break,
            }
        }
        let batch = self.pending.pop_front()?;
        let Some(read) = batch.read else {
            return Some(
                batch
                    .files
                    .iter()
                    .map(|f| (f.name(), Read::TooLarge(f.size())))
                    .collect(),
            );
        };
        let whole = read.await.ok().map(|b| Uint8Array::new(&b));
        let sizes: Vec<f64> = batch.files.iter().map(|f| f.size()).collect();
        if let Some(whole) = whole.filter(|w| f64::from(w.length()) == sizes.iter().sum::<f64>()) {
            let mut at = 0;
            return Some(
                batch
                    .files
                    .iter()
                    .zip(sizes)
                    .map(|(f, size)| {
                        let end = at + size as u32;
                        let bytes = whole.subarray(at, end).to_vec();
                        at = end;
                        (f.name(), Read::Bytes(bytes))
                    })
                    .collect(),
            );
        }
        // Read whole it failed: each file on its own, so only what cannot be read fails.
        let mut out = Vec::with_capacity(batch.files.len());
        for f in &batch.files {
            let read = JsFuture::from(f.array_buffer()).await;
            out.push((
                f.name(),
                read.map_or(Read::Unreadable, |b| {
                    Read::Bytes(Uint8Array::new(&b).to_vec())
                }),
            ));
        }
        Some(out)
    }

    /// The next batch, its read started.
    fn start_next(&mut self) -> Option<Batch> {
        let (range, read) = self.batches.pop_front()?;
        let files = self.files[range].to_vec();
        let read = read.then(|| {
            let parts: Array = files.iter().collect();
            let whole = Blob::new_with_blob_sequence(&parts)
                .map(|b| b.array_buffer())
                .unwrap_or_else(|e| js_sys::Promise::reject(&e));
            JsFuture::from(whole)
        });
        Some(Batch { files, read })
    }
}
