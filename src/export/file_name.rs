//! File names for downloads, telling versions, rounds and states apart, so that the
//! files of one assessment sit side by side in a folder and none is named like another:
//!
//! - a record: `lia-<title-slug>-v<version>-<state>-<yyyy-mm-dd>.<ext>`, the state one of
//!   `draft`, `round-<n>-sent`, `round-<n>-returned`, `approved`, `changed-after-approval`
//!   (`marked-approved` for a record approved with no hand-over on record);
//! - a file of the hand-over: `lia-<title-slug>-v<version>-round-<n>-<for-approval |
//!   returned | approved>-<yyyy-mm-dd>.html`, so a file sent again is not named like the
//!   first one.

use crate::assessment::text::latin_fold;
use crate::assessment::{Answer, Assessment, Date, QuestionId, Status};
use crate::handover::{stage, Stage};

/// The longest slug, so the whole name stays comfortably short on every file system.
pub const MAX_SLUG: usize = 60;

fn title_slug(a: &Assessment) -> String {
    let title = match a.answers.get(QuestionId::AboutTitle) {
        Some(Answer::Text(t)) => t.as_str(),
        _ => "",
    };
    slug(title)
}

/// Where the record stands, as its file name says it.
fn state(a: &Assessment) -> String {
    let round = a.handover.len();
    match stage(a) {
        Stage::NotSent if a.status == Status::Approved => "marked-approved".into(),
        Stage::NotSent => "draft".into(),
        Stage::Waiting { .. } => format!("round-{round}-sent"),
        Stage::Returned { .. } => format!("round-{round}-returned"),
        Stage::Approved { changed: false, .. } => "approved".into(),
        Stage::Approved { changed: true, .. } => "changed-after-approval".into(),
    }
}

/// `lia-<title-slug>-v<version>-<state>-<yyyy-mm-dd>.<ext>`, e.g.
/// `lia-tenant-marketing-by-e-mail-v2-draft-2026-11-22.json`.
pub fn file_name(a: &Assessment, date: Date, ext: &str) -> String {
    format!(
        "lia-{}-v{}-{}-{date}.{}",
        title_slug(a),
        a.version,
        state(a),
        ext.trim_start_matches('.')
    )
}

/// The name of the hand-over's file of `a` as it stands: sent for approval, returned or
/// approved in its latest round, e.g. `lia-staff-cctv-v1-round-2-for-approval-2026-11-22.html`.
pub fn handover_file_name(a: &Assessment, date: Date) -> String {
    let what = match stage(a) {
        Stage::Approved { .. } => "approved",
        Stage::Returned { .. } => "returned",
        _ => "for-approval",
    };
    format!(
        "lia-{}-v{}-round-{}-{what}-{date}.html",
        title_slug(a),
        a.version,
        a.handover.len().max(1)
    )
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
