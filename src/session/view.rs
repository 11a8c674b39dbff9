//! What the interface shows about the open assessment's life: the save status, the
//! banners and notices, as plain values. Each message is worded here, once.

use std::fmt;

use crate::storage::{Lost, PutBackKind, StoreError, Theirs};

/// The quiet line in the header.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing open, or nothing to save yet.
    Idle,
    Saving,
    /// In storage that outlives the page.
    Saved,
    NotSaved(Problem),
}

/// Why the open assessment is not (or not durably) saved.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The store refused or failed.
    Store(StoreError),
    /// The browser gives this tool no storage: the work is kept in this page only.
    MemoryOnly,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Store(e) => e.fmt(f),
            Problem::MemoryOnly => {
                f.write_str("Kept in this page only: download a copy before you leave.")
            }
        }
    }
}

/// What another tab or window did to the open assessment while this one had changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Saved a newer version.
    Changed,
    Deleted,
    /// The saved copy can no longer be read.
    Damaged,
}

impl ConflictKind {
    pub(super) fn of(theirs: &Theirs) -> ConflictKind {
        match theirs {
            Theirs::Changed(_) => ConflictKind::Changed,
            Theirs::Deleted => ConflictKind::Deleted,
            Theirs::Damaged { .. } => ConflictKind::Damaged,
        }
    }
}

/// A one-off message about the open assessment or the last action.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Another tab saved the open assessment, which had no unsaved changes here.
    ChangedElsewhere,
    /// Another tab saved changes to other questions; both tabs' changes are kept.
    MergedFromElsewhere,
    /// Another tab deleted the open assessment; it stays open here.
    DeletedElsewhere,
    /// The open assessment has changes that could not be saved, so it was not replaced.
    HoldingUnsaved { title: String },
    /// A saved assessment could not be opened.
    CannotOpen(StoreError),
    /// "Keep both": the user's version was saved as a separate assessment.
    KeptBoth,
    /// Records put back from the journal (title, what), `checked` if they opened with
    /// the passphrase (so this tool wrote them); `set_aside` entries did not open.
    Recovered {
        put_back: Vec<(String, PutBackKind)>,
        checked: bool,
        set_aside: usize,
        /// Records still missing or older than when last saved (see `Lost`).
        lost: Vec<Lost>,
    },
    /// Records missing or older than when they were last saved here: deleted or put back
    /// by something other than this tool. Dismissing it says they have been seen.
    Lost(Vec<Lost>),
    /// A passphrase is set and not given yet, so nothing can be opened or started.
    Locked,
    /// A passphrase was set: everything saved is sealed with it.
    PassphraseSet,
    /// The passphrase was removed: everything saved is kept in clear again.
    PassphraseRemoved,
    /// An import could not replace the saved assessment with its id.
    CannotReplaceApproved { title: String },
    /// An approval came back for a version the author had changed since sending: the
    /// changes are kept as this version, a review of the approved one.
    LaterChangesKept { version: u32 },
    /// The settings file kept here is not used (why: `session::KeptSettings`).
    SettingsRefused(&'static str),
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::ChangedElsewhere => f.write_str(
                "This assessment was changed in another tab or window. You are now seeing the latest version.",
            ),
            Notice::MergedFromElsewhere => f.write_str(
                "This assessment was also changed in another tab or window, in other places. Both sets of changes are kept and saved.",
            ),
            Notice::DeletedElsewhere => f.write_str(
                "This assessment was deleted in another tab or window. It is still open here: any change you make saves it again.",
            ),
            Notice::HoldingUnsaved { title } => write!(
                f,
                "Your changes to “{title}” are not saved yet, so it stays open here. Download a copy, or free some space, before you open or start another assessment."
            ),
            Notice::CannotOpen(e) => e.fmt(f),
            Notice::KeptBoth => f.write_str(
                "Your version is now saved as a separate assessment, and this is it. The version saved in the other tab or window is kept as it was.",
            ),
            Notice::Recovered {
                put_back,
                checked,
                set_aside,
                lost,
            } => {
                recovered(f, put_back, *checked, *set_aside)?;
                lost_text(f, " ", lost)
            }
            Notice::Lost(lost) => lost_text(f, "", lost),
            Notice::Locked => f.write_str(
                "Enter your passphrase first: your saved assessments are encrypted, and nothing can be opened or started until they are unlocked.",
            ),
            Notice::PassphraseSet => f.write_str(
                "Your saved assessments are now encrypted with your passphrase. You will need it each time you open this tool in this browser: if you forget it, they cannot be recovered, so keep downloaded copies.",
            ),
            Notice::PassphraseRemoved => f.write_str(
                "The passphrase is removed: your saved assessments are kept in this browser without encryption.",
            ),
            Notice::SettingsRefused(why) => f.write_str(why),
            Notice::CannotReplaceApproved { title } => write!(
                f,
                "“{title}” is approved, so it cannot be replaced. Keep both instead."
            ),
            Notice::LaterChangesKept { version } => write!(
                f,
                "This is the version that was approved. You changed it after sending it for approval: those changes are kept as version {version}, a review of this one, in your list of assessments."
            ),
        }
    }
}

/// What the journal put back, each record named. "Recovered" only of what opened with
/// the passphrase: without one, the journal cannot be shown to be this tool's.
fn recovered(
    f: &mut fmt::Formatter<'_>,
    put_back: &[(String, PutBackKind)],
    checked: bool,
    set_aside: usize,
) -> fmt::Result {
    if !put_back.is_empty() {
        f.write_str(match checked {
            true => "Recovered from this browser's copy of the latest saves: ",
            false => "Put back from this browser's copy of the latest saves: ",
        })?;
        for (i, (title, kind)) in put_back.iter().enumerate() {
            let what = match (kind, checked) {
                (PutBackKind::Later, true) => "your latest changes",
                (PutBackKind::Later, false) => "a later version",
                (PutBackKind::Missing, _) => "it was missing here",
                (PutBackKind::Removed, _) => "deleted, as just before",
            };
            let end = if i + 1 == put_back.len() { "." } else { ";" };
            write!(f, "“{title}” ({what}){end} ")?;
        }
        if !checked {
            f.write_str("Without a passphrase this copy cannot be shown to be this tool's own: another page of this site could have written it. If you do not recognise these changes, undo them.")?;
        }
    }
    let lead = if put_back.is_empty() { "" } else { " " };
    match set_aside {
        0 => Ok(()),
        n => write!(f, "{lead}{n} copies in this browser's journal of recent saves did not open with your passphrase and were not used: another page may have put them there. They are listed with the records that could not be opened."),
    }
}

impl Lost {
    /// What happened to it, in a few words after its title.
    pub fn what(&self) -> &'static str {
        match self.found {
            None => "is missing",
            Some(found) if found < self.revision => {
                "is an older version than the one last saved here"
            }
            Some(_) => "is not the version last saved here",
        }
    }
}

/// The records missing or older than when they were last saved, and what can be done.
fn lost_text(f: &mut fmt::Formatter<'_>, lead: &str, lost: &[Lost]) -> fmt::Result {
    match lost.len() {
        0 => return Ok(()),
        1 => write!(f, "{lead}One assessment saved here is missing or older than when it was last saved: ")?,
        n => write!(f, "{lead}{n} assessments saved here are missing or older than when they were last saved: ")?,
    }
    for (i, l) in lost.iter().enumerate() {
        let end = if i + 1 == lost.len() { "." } else { ";" };
        write!(f, "“{}” {}{end} ", l.display_title(), l.what())?;
    }
    f.write_str("Another page of this site may have deleted or changed it, or this site's data was cleared. If you downloaded it, open that file to put it back.")
}

/// A file was opened whose check value (digest) shows it may not be what was exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The digest does not match the content: it was changed after export.
    Changed { file: String },
    /// The file carries no digest.
    Unchecked { file: String },
    /// The file says the assessment is approved, but as it stands it could not be.
    ApprovedNotReady { file: String, reasons: usize },
    /// Its content is not what was approved: changed after approval.
    ChangedAfterApproval { file: String },
    /// It claims an approval: whether it holds (signed by a trusted approver), and the
    /// approval described (`handover::Approval::describe`).
    Approval {
        file: String,
        holds: bool,
        text: String,
    },
    /// A decision on the author's assessment `title` that is not on a round this
    /// browser sent: opened as a separate copy, the record untouched.
    NotYourRound {
        file: String,
        title: String,
        why: String,
    },
}

impl ImportWarning {
    /// A warning, rather than what a trusted approval says of itself.
    pub fn is_warning(&self) -> bool {
        !matches!(self, ImportWarning::Approval { holds: true, .. })
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::Changed { file } => write!(
                f,
                "Warning: “{file}” was changed after it was exported. Its check value (digest) does not match its content, so it may not be the record that was signed off. Check every answer before you rely on it."
            ),
            ImportWarning::ApprovedNotReady { file, reasons } => write!(
                f,
                "Warning: “{file}” says this assessment is approved, but as it stands it could not be: {} would stop its approval here (see the findings and the sections not complete). The file may have been edited. Do not rely on it as an approved record.",
                if *reasons == 1 { "one thing".to_string() } else { format!("{reasons} things") }
            ),
            ImportWarning::ChangedAfterApproval { file } => write!(
                f,
                "Warning: “{file}” was changed after it was approved. Its content no longer matches the digest the approval was given to, so the approval does not cover it. Do not rely on it as the approved record."
            ),
            ImportWarning::Unchecked { file } => write!(
                f,
                "Warning: “{file}” has no check value (digest), so it cannot be shown to be the record that was exported. Check every answer before you rely on it."
            ),
            ImportWarning::Approval {
                file,
                holds: true,
                text,
            } => write!(f, "“{file}”: {text}"),
            ImportWarning::Approval { file, text, .. } => write!(f, "Warning: “{file}”: {text}"),
            ImportWarning::NotYourRound { file, title, why } => write!(
                f,
                "Warning: “{file}” holds a decision on your assessment “{title}”, but it was not added to your record, because {why}. It is opened here as a separate copy, and your own record is unchanged. Do not rely on this copy as an approved record."
            ),
        }
    }
}

/// An imported file whose assessment is already saved here, waiting for the user to
/// say replace, keep both or cancel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportClash {
    /// The title of the saved assessment with the same id.
    pub existing_title: String,
    /// The saved one is approved, so it cannot be replaced.
    pub existing_approved: bool,
}
