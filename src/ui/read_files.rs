//! Reading many chosen files with few calls into the browser. Each read costs the page's
//! thread about as much as the register's work on a small file (5,000 files read one by
//! one: about 0.9 s of calls alone), so consecutive files are read as one blob and cut
//! apart by their sizes. A group that cannot be read whole is read again file by file,
//! so an unreadable file fails alone. Reads stay a few groups ahead of the work.

use std::collections::VecDeque;

use js_sys::{Array, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

/// At most this many files, and bytes, are read as one.
const GROUP_FILES: usize = 64;
const GROUP_BYTES: f64 = 4.0 * 1024.0 * 1024.0;
/// Groups being read ahead of the one worked on.
const AHEAD: usize = 3;

/// One chosen file, read.
pub enum Read {
    Bytes(Vec<u8>),
    /// Larger than `limit`: not read (its size).
    TooLarge(f64),
    /// The browser could not read it (moved, changed or taken away since it was chosen).
    Unreadable,
}

struct Group {
    files: Vec<File>,
    /// `None` for a file too large to read.
    read: Option<JsFuture>,
}

/// The chosen files, in order, read a group at a time.
pub struct Reader {
    files: Vec<File>,
    next: usize,
    limit: f64,
    pending: VecDeque<Group>,
}

impl Reader {
    /// `limit`: the largest file read (larger ones are named, not read).
    pub fn new(files: Vec<File>, limit: usize) -> Reader {
        Reader {
            files,
            next: 0,
            limit: limit as f64,
            pending: VecDeque::new(),
        }
    }

    /// The next group of files with what was read of each; `None` after the last.
    pub async fn next(&mut self) -> Option<Vec<(String, Read)>> {
        while self.pending.len() < AHEAD {
            match self.group() {
                Some(group) => self.pending.push_back(group),
                None => break,
            }
        }
        let group = self.pending.pop_front()?;
        let Some(read) = group.read else {
            return Some(
                group
                    .files
                    .iter()
                    .map(|f| (f.name(), Read::TooLarge(f.size())))
                    .collect(),
            );
        };
        let whole = read.await.ok().map(|b| Uint8Array::new(&b));
        let sizes: Vec<f64> = group.files.iter().map(|f| f.size()).collect();
        if let Some(whole) = whole.filter(|w| f64::from(w.length()) == sizes.iter().sum::<f64>()) {
            let mut at = 0;
            return Some(
                group
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
        let mut out = Vec::with_capacity(group.files.len());
        for f in &group.files {
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

    /// The next files to read as one, and their read started.
    fn group(&mut self) -> Option<Group> {
        let first = self.files.get(self.next)?;
        if first.size() > self.limit {
            self.next += 1;
            return Some(Group {
                files: vec![first.clone()],
                read: None,
            });
        }
        let mut bytes = 0.0;
        let start = self.next;
        while let Some(f) = self.files.get(self.next) {
            let size = f.size();
            let room = self.next == start
                || (self.next - start < GROUP_FILES && bytes + size <= GROUP_BYTES);
            if size > self.limit || !room {
                break;
            }
            bytes += size;
            self.next += 1;
        }
        let files = self.files[start..self.next].to_vec();
        let parts: Array = files.iter().collect();
        let read = Blob::new_with_blob_sequence(&parts)
            .ok()
            .map(|b| JsFuture::from(b.array_buffer()));
        Some(Group {
            read: Some(
                read.unwrap_or_else(|| JsFuture::from(js_sys::Promise::reject(&"no blob".into()))),
            ),
            files,
        })
    }
}
