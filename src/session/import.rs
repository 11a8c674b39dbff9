//! Adopting an imported file: the import is recorded in the assessment's own log (where
//! it came from, and whether its digest matched), and it opens as a saved assessment,
//! keeping its id unless that id is already saved here, when the user chooses replace,
//! keep both, or cancel. Files of the hand-over for approval go to `handover.rs`.

use super::{ImportClash, ImportWarning, Notice, PendingImport, Session};
use crate::assessment::{Assessment, Date, ReviewEntry, Status};
use crate::export::{DigestCheck, Imported};
use crate::handover::{self, Mismatch, Trust, Verification};
use crate::storage::KeyValue;

/// What happened to an imported file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStep {
    /// It is open, saved under its own id.
    Opened,
    /// Its id is already saved here: the user must choose (see `View::import_clash`).
    Clash,
    /// The open assessment has changes that could not be saved, so nothing was opened.
    Refused,
    /// It was sent for approval: it is open for the approver to decide (see
    /// `View::approving`), and nothing is saved.
    ForApproval,
}

/// The user's answer to a clash of ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// The file replaces the saved assessment with its id (not if that is approved).
    Replace,
    /// The file is saved as a new assessment beside the one with its id.
    KeepBoth,
    Cancel,
}

/// Records the import in the assessment's own review log, and returns the warnings to
/// show: its digest did not match or was missing; it says it is approved but could not
/// be approved as it stands.
pub(super) fn log_import(
    a: &mut Assessment,
    imported: &Imported,
    file: &str,
    today: Date,
    trust: &Trust,
    settings: Option<&crate::organisation::Settings>,
) -> Vec<ImportWarning> {
    let mut warnings = Vec::new();
    match imported.digest {
        DigestCheck::Matches => {}
        DigestCheck::Mismatch => warnings.push(ImportWarning::Changed { file: file.into() }),
        DigestCheck::Missing => warnings.push(ImportWarning::Unchecked { file: file.into() }),
    }
    if handover::stage(a).approval_broken() {
        warnings.push(ImportWarning::ChangedAfterApproval { file: file.into() });
    }
    if a.status == Status::Approved {
        // The outcome is worked out again here, never taken from the file.
        let reasons = crate::organisation::evaluate::outcome(a, settings, Some(today))
            .sign_off_refusals
            .len();
        if reasons > 0 {
            warnings.push(ImportWarning::ApprovedNotReady {
                file: file.into(),
                reasons,
            });
        }
    }
    // Worked out again here, never taken from the file; a change after approval is
    // said once, above.
    if let Some(approval) = handover::approval(a, trust, today) {
        if approval.verification != Verification::DoesNotMatch(Mismatch::ContentChanged) {
            warnings.push(ImportWarning::Approval {
                file: file.into(),
                holds: approval.holds(),
                text: approval.describe(),
            });
        }
    }
    let mut note = format!("Imported from {file}");
    if let Some(at) = &imported.exported_at {
        note.push_str(&format!(", exported {at}"));
    }
    note.push('.');
    for w in &warnings {
        note.push(' ');
        note.push_str(&w.to_string());
    }
    if let Some(from) = imported.migrated_from {
        note.push_str(&format!(" Updated from format version {from}."));
    }
    for (position, old, new) in a.renumber_duplicate_impacts() {
        note.push_str(&format!(
            " Impact {} had the number {old}, which an earlier impact in the file also had, so it is now number {new}.",
            position + 1
        ));
    }
    a.review_log.push(ReviewEntry {
        date: today.to_string(),
        note,
    });
    warnings
}

/// The longest id a file may bring; a longer one is replaced on import.
const MAX_ID_CHARS: usize = 200;

/// Whether an id from a file can be used here as it is: not empty, not absurdly long,
/// and no control characters or line separators (any other character is carried in
/// addresses by `route::encode_id`).
pub fn usable_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= MAX_ID_CHARS && !id.chars().any(breaks_a_line)
}

/// A control character or line separator: never in an id used here.
fn breaks_a_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// An id that cannot be used, as the import's note shows it: its first `MAX_ID_CHARS`
/// characters, each control character and line separator written as its code (`\u{a}`
/// for a line feed), so the note stays one line of visible text.
fn shown_id(id: &str) -> String {
    let mut shown = String::new();
    for c in id.chars().take(MAX_ID_CHARS) {
        if breaks_a_line(c) {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    shown
}

impl<K: KeyValue> Session<K> {
    /// Adopts an imported file called `file`. A file sent for approval opens for the
    /// approver (`ForApproval`, nothing saved). A returned or approved file whose
    /// assessment is saved here joins that record (see `handover.rs`). Any other opens
    /// under its own id (or under `new_id` if its id cannot be used here, noting the
    /// original in its log), or, if its id is saved here already, waits for
    /// `resolve_import`.
    pub fn import(
        &mut self,
        imported: Imported,
        file: &str,
        new_id: String,
        now: f64,
    ) -> ImportStep {
        if handover::waiting(&imported.assessment).is_some() {
            return self.review_for_approval(imported, file);
        }
        self.import_file(imported, file, new_id, now)
    }

    /// `import` of a file that is not waiting for a decision.
    pub(super) fn import_file(
        &mut self,
        imported: Imported,
        file: &str,
        new_id: String,
        now: f64,
    ) -> ImportStep {
        if let Some(step) = self.adopt_decision(&imported, file, &new_id, now) {
            return step;
        }
        let mut assessment = imported.assessment.clone();
        let warnings = log_import(
            &mut assessment,
            &imported,
            file,
            self.today,
            &self.trust,
            self.defaults.settings.as_deref(),
        );
        if !usable_id(&assessment.id) {
            let note = format!(
                " Its id in the file, “{}”, cannot be used here, so it has the new id {new_id}.",
                shown_id(&assessment.id)
            );
            if let Some(entry) = assessment.review_log.last_mut() {
                entry.note.push_str(&note);
            }
            assessment.id = new_id;
        }
        let existing = self.summaries.iter().find(|s| s.id == assessment.id);
        match existing {
            // No clash: it keeps its id, so a later export of the same record matches.
            None => self.open_import(assessment, warnings, now),
            Some(summary) => {
                self.pending_import = Some(PendingImport {
                    clash: ImportClash {
                        existing_title: summary.display_title().to_string(),
                        existing_approved: summary.status == Status::Approved,
                    },
                    assessment,
                    warnings,
                });
                ImportStep::Clash
            }
        }
    }

    /// The user's answer to a clash; `new_id` is used if they keep both.
    pub fn resolve_import(&mut self, choice: ImportChoice, new_id: String, now: f64) -> ImportStep {
        let Some(pending) = self.pending_import.take() else {
            return ImportStep::Refused;
        };
        match choice {
            ImportChoice::Cancel => ImportStep::Refused,
            ImportChoice::KeepBoth => {
                let mut assessment = pending.assessment;
                assessment.id = new_id;
                self.open_import(assessment, pending.warnings, now)
            }
            ImportChoice::Replace if pending.clash.existing_approved => {
                self.notice = Some(Notice::CannotReplaceApproved {
                    title: pending.clash.existing_title.clone(),
                });
                self.pending_import = Some(pending);
                ImportStep::Clash
            }
            ImportChoice::Replace => self.replace_with_import(pending, now),
        }
    }

    /// Opens an imported assessment under the id it has, as a new saved assessment.
    fn open_import(
        &mut self,
        assessment: Assessment,
        warnings: Vec<ImportWarning>,
        now: f64,
    ) -> ImportStep {
        let id = assessment.id.clone();
        if !self.start(assessment, now) {
            return ImportStep::Refused;
        }
        // Only once it is open, so a refused import leaves no warning behind.
        self.import_warnings = (id, warnings);
        ImportStep::Opened
    }

    /// Opens the imported assessment in place of the saved one with the same id.
    fn replace_with_import(&mut self, pending: PendingImport, now: f64) -> ImportStep {
        if self.holding_unsaved(now) {
            self.pending_import = Some(pending);
            return ImportStep::Refused;
        }
        let id = pending.assessment.id.clone();
        match self.store.load(&id) {
            Ok(saved) => {
                self.notice = None;
                self.replace_open(pending.assessment, Some(saved.revision));
                self.dirty = true;
                self.save_now(now);
                self.import_warnings = (id, pending.warnings);
                ImportStep::Opened
            }
            Err(e) => {
                self.notice = Some(Notice::CannotOpen(e));
                ImportStep::Refused
            }
        }
    }
}
