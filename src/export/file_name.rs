//! File names for downloads, telling versions, rounds and states apart, so that the
//! files of one assessment sit side by side in a folder and none is named like another:
//!
//! - a record: `lia-<title-slug>-v<version>-<state>-<yyyy-mm-dd>.<ext>`, the state one of
//!   `draft`, `round-<n>-sent`, `round-<n>-returned`, `approved`, `changed-after-approval`
//!   (`marked-approved` for a record approved with no hand-over on record, and
//!   `approval-not-verified` for an approval whose signature is not a trusted approver's:
//!   a name says "approved" only where the tool says "Approved");
//! - a file of the hand-over: `lia-<title-slug>-v<version>-round-<n>-<for-approval |
//!   returned | approved | approval-not-verified>-<yyyy-mm-dd>.html`, `approved` where
//!   the signature matches the content (the approver names it as they sign), so a file sent again is not named like the
//!   first one.

use crate::assessment::text::latin_fold;
use crate::assessment::{Answer, Assessment, Date, QuestionId, Status};
use crate::handover::{stage, verify_decision, Stage, Trust, Verification};

/// The longest slug, so the whole name stays comfortably short on every file system.
pub const MAX_SLUG: usize = 60;

fn title_slug(a: &Assessment) -> String {
    let title = match a.answers.get(QuestionId::AboutTitle) {
        Some(Answer::Text(t)) => t.as_str(),
        _ => "",
    };
    slug(title)
}

/// For a record whose last round approved it: "approved" only where that approval
/// verifies as `holds` asks (a hand-edited file can say it is approved; its name must not).
fn approved(
    a: &Assessment,
    trust: &Trust,
    date: Date,
    holds: fn(&Verification) -> bool,
) -> &'static str {
    let last = a.handover.len().saturating_sub(1);
    if holds(&verify_decision(a, last, trust, date)) {
        "approved"
    } else {
        "approval-not-verified"
    }
}

/// Where the record stands, as its file name says it: the round it is in, if its name
/// gives one, and the state.
fn state(a: &Assessment, trust: &Trust, date: Date) -> (Option<usize>, &'static str) {
    let round = Some(a.handover.len());
    match stage(a) {
        Stage::NotSent if a.status == Status::Approved => (None, "marked-approved"),
        Stage::NotSent => (None, "draft"),
        Stage::Waiting { .. } => (round, "sent"),
        Stage::Returned { .. } => (round, "returned"),
        Stage::Approved { changed: false, .. } => {
            (None, approved(a, trust, date, Verification::is_trusted))
        }
        Stage::Approved { changed: true, .. } => (None, "changed-after-approval"),
    }
}

/// `lia-<title-slug>-v<version>-<state>-<yyyy-mm-dd>.<ext>`, e.g.
/// `lia-tenant-marketing-by-e-mail-v2-draft-2026-11-22.json`.
pub fn file_name(a: &Assessment, date: Date, ext: &str, trust: &Trust) -> String {
    let (round, what) = state(a, trust, date);
    let round = round.map_or(String::new(), |n| format!("round-{n}-"));
    format!(
        "lia-{}-v{}-{round}{what}-{date}.{}",
        title_slug(a),
        a.version,
        ext.trim_start_matches('.')
    )
}

/// The name of the hand-over's file of `a` as it stands: sent for approval, returned or
/// approved in its latest round, e.g. `lia-staff-cctv-v1-round-2-for-approval-2026-11-22.html`.
/// The approver names it as they sign, where their own key is seldom on their own trusted
/// list: "approved" needs the signature to match the content as it is (signed by
/// whoever's key; trusting it is for whoever receives it), and a decision that does not
/// verify is named as such.
pub fn handover_file_name(a: &Assessment, date: Date, trust: &Trust) -> String {
    let what = match stage(a) {
        Stage::Approved { .. } => approved(a, trust, date, Verification::matches),
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
