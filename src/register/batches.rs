//! Which chosen files are read together: the browser reads consecutive files as one blob
//! (each read costs the page's thread about as much as the register's work on a small
//! file), cut apart again by their sizes. Files too large to read are never in a batch.

use std::ops::Range;

/// At most this many files, and bytes, are read as one.
pub const BATCH_FILES: usize = 64;
pub const BATCH_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// The files (by their `sizes`, in the order chosen) as consecutive batches: `true` for
/// a batch to read, `false` for a file larger than `limit`, alone and not read. A batch
/// holds up to `BATCH_FILES` files and `BATCH_BYTES` bytes, or one larger file.
pub fn batches(sizes: &[f64], limit: f64) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < sizes.len() {
        if sizes[start] > limit {
            out.push((start..start + 1, false));
            start += 1;
            continue;
        }
        let (mut end, mut bytes) = (start, 0.0);
        while let Some(&size) = sizes.get(end) {
            let room = end == start || (end - start < BATCH_FILES && bytes + size <= BATCH_BYTES);
            if size > limit || !room {
                break;
            }
            bytes += size;
            end += 1;
        }
        out.push((start..end, true));
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_in_one_batch_in_order_and_no_batch_is_too_big() {
        const MB: f64 = 1024.0 * 1024.0;
        let limit = 10.0 * MB;
        // 130 small files, one too large, 3 of 1.5 MB, one of 6 MB (alone: larger than a
        // batch, not than the limit), then one more small file.
        let mut sizes = vec![3000.0; 130];
        sizes.push(50.0 * MB);
        sizes.extend([1.5 * MB; 3]);
        sizes.push(6.0 * MB);
        sizes.push(10.0);
        let got = batches(&sizes, limit);
        assert_eq!(
            got,
            vec![
                (0..64, true),
                (64..128, true),
                (128..130, true),
                (130..131, false),
                (131..133, true),
                (133..134, true),
                (134..135, true),
                (135..136, true),
            ]
        );
        for (range, read) in &got {
            let bytes: f64 = sizes[range.clone()].iter().sum();
            assert!(range.len() <= BATCH_FILES);
            assert!(
                !read || range.len() == 1 || bytes <= BATCH_BYTES,
                "{range:?}"
            );
            assert_eq!(*read, sizes[range.clone()].iter().all(|s| *s <= limit));
        }
        assert_eq!(batches(&[], limit), vec![]);
        assert_eq!(batches(&[limit + 1.0], limit), vec![(0..1, false)]);
    }
}
