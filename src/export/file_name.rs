//! File names for downloads: `lia-<title-slug>-<yyyy-mm-dd>.<ext>`.

use crate::assessment::text::latin_fold;
use crate::assessment::{Answer, Assessment, Date, QuestionId};

/// The longest slug, so the whole name stays comfortably short on every file system.
pub const MAX_SLUG: usize = 60;

/// `lia-<title-slug>-<yyyy-mm-dd>.<ext>`, e.g. `lia-tenant-marketing-by-e-mail-2026-11-22.json`.
pub fn file_name(a: &Assessment, date: Date, ext: &str) -> String {
    let title = match a.answers.get(QuestionId::AboutTitle) {
        Some(Answer::Text(t)) => t.as_str(),
        _ => "",
    };
    format!("lia-{}-{date}.{}", slug(title), ext.trim_start_matches('.'))
}

/// `lia-<title-slug>-<yyyy-mm-dd>-<what>.<ext>` for a file of the hand-over for approval,
/// e.g. `lia-staff-cctv-2026-11-22-for-approval.html` (`what` is ours, never typed).
pub fn file_name_for(a: &Assessment, date: Date, what: &str, ext: &str) -> String {
    let name = file_name(a, date, ext);
    let ext = ext.trim_start_matches('.');
    let stem = name.strip_suffix(&format!(".{ext}")).unwrap_or(&name);
    format!("{stem}-{what}.{ext}")
}

/// Lower-case ASCII letters and digits, Latin letters without their accents ("Café" is
/// `cafe`); every run of anything else becomes one `-`; no `-` at either end; at most
/// `MAX_SLUG` characters; `untitled` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in title.chars() {
        let folded = latin_fold(c);
        if c.is_ascii_alphanumeric() || folded.is_some() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            match folded {
                Some(letters) => out.push_str(letters),
                None => out.push(c.to_ascii_lowercase()),
            }
        } else {
            gap = true;
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    // Everything pushed is ASCII, so byte length is character count.
    out.truncate(MAX_SLUG);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}
