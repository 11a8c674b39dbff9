//! The smallest ZIP writer a Word document needs: every file stored as it is (method 0,
//! no compression), which Office Open XML allows, with the CRC-32 each entry must carry.
//! Names are ASCII; sizes stay far below the 4 GB limit of a plain (not ZIP64) archive.

use crate::assessment::Date;

/// CRC-32 (IEEE 802.3, reflected, as ZIP uses it), one table built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

pub fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &byte in data {
        c = CRC_TABLE[((c ^ u32::from(byte)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// An archive being written: the entries so far, and the central directory to end it.
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    time: u16,
    date: u16,
}

fn u16le(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// A length as the 32-bit field ZIP keeps it in. Documents are megabytes at most (the
/// import limit keeps assessments far smaller), so this never saturates in practice.
fn size(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Zip {
    /// Entries are dated `date` at midnight (MS-DOS form), or 1 January 1980 without one.
    pub fn new(date: Option<Date>) -> Zip {
        let date = date.map_or(0x0021, |d| {
            (d.year.saturating_sub(1980).min(127) << 9)
                | (u16::from(d.month) << 5)
                | u16::from(d.day)
        });
        Zip {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            time: 0,
            date,
        }
    }

    /// Adds a file, stored.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let offset = size(self.out.len());
        let crc = crc32(data);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header.
        u32le(&mut self.out, 0x0403_4b50);
        u16le(&mut self.out, 20); // version needed: 2.0
        u16le(&mut self.out, 0); // flags
        u16le(&mut self.out, 0); // method: stored
        u16le(&mut self.out, self.time);
        u16le(&mut self.out, self.date);
        u32le(&mut self.out, crc);
        u32le(&mut self.out, size(data.len()));
        u32le(&mut self.out, size(data.len()));
        u16le(&mut self.out, name_len);
        u16le(&mut self.out, 0); // extra field length
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        // Its central directory header.
        let c = &mut self.central;
        u32le(c, 0x0201_4b50);
        u16le(c, 20); // made by: 2.0, MS-DOS attributes
        u16le(c, 20); // version needed
        u16le(c, 0); // flags
        u16le(c, 0); // method
        u16le(c, self.time);
        u16le(c, self.date);
        u32le(c, crc);
        u32le(c, size(data.len()));
        u32le(c, size(data.len()));
        u16le(c, name_len);
        u16le(c, 0); // extra
        u16le(c, 0); // comment
        u16le(c, 0); // disk number
        u16le(c, 0); // internal attributes
        u32le(c, 0); // external attributes
        u32le(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The archive: the entries, the central directory and its end record.
    pub fn finish(mut self) -> Vec<u8> {
        let offset = size(self.out.len());
        let length = size(self.central.len());
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        u32le(o, 0x0605_4b50);
        u16le(o, 0); // this disk
        u16le(o, 0); // disk with the central directory
        u16le(o, self.entries);
        u16le(o, self.entries);
        u32le(o, length);
        u32le(o, offset);
        u16le(o, 0); // comment length
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_standard_one() {
        // Check values of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn an_archive_has_its_entries_and_a_directory_that_points_at_them() {
        let mut zip = Zip::new(Date::new(2026, 11, 22));
        zip.add("a.txt", b"hello");
        zip.add("dir/b.xml", b"<x/>");
        let bytes = zip.finish();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let end = bytes.len() - 22;
        assert_eq!(&bytes[end..end + 4], b"PK\x05\x06");
        let entries = u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]);
        assert_eq!(entries, 2);
        let at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
        let directory = at(end + 16);
        assert_eq!(&bytes[directory..directory + 4], b"PK\x01\x02");
        assert_eq!(directory + at(end + 12), end);
        // The date: 2026-11-22 in MS-DOS form.
        let date = u16::from_le_bytes([bytes[12], bytes[13]]);
        assert_eq!(
            (date >> 9, (date >> 5) & 0xf, date & 0x1f),
            (2026 - 1980, 11, 22)
        );
    }
}
