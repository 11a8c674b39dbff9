//! The start page: what an LIA is and when you need one, the privacy promise, the saved
//! assessments (open, rename, duplicate, delete with undo), anything that could not be
//! read, the storage used, and the ways to begin: new, from an example, from a file.

use leptos::prelude::*;

use crate::assessment::examples::EXAMPLES;
use crate::assessment::Status;
use crate::register::{reading_short, Due, Row};
use crate::route::{Action, Route};
use crate::session::Protection;
use crate::storage::{format_bytes, DamagedRecord, Summary};
use crate::ui::browser;
use crate::ui::components::button::{button, button_with};
use crate::ui::components::downloads::{download_button_with, Download};
use crate::ui::components::form::form;
use crate::ui::components::import::ImportFile;
use crate::ui::components::keyed::{keyed, row};
use crate::ui::components::layout::PROMISE;
use crate::ui::components::nav_link::nav_link;
use crate::ui::components::passphrase::{FileOriginNotice, PassphrasePanel, UnlockForm};
use crate::ui::page_title::page_title;
use crate::ui::pages::register::due_view;
use crate::ui::state::AppState;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    page_title(|| None);
    view! {
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Legitimate interests assessment"</h1>
        <p class="lia-lead">
            "You can rely on legitimate interests as your lawful basis under UK GDPR only if your "
            "purpose is legitimate, the processing is necessary for it, and people's interests do "
            "not override it. A legitimate interests assessment (LIA) is how you test and record "
            "that, following the ICO's three-part test."
        </p>
        <p>
            "Do the assessment before you start the processing, and keep it under review. It is a "
            "light-touch risk assessment: sometimes short, sometimes detailed. If it finds a high "
            "risk to people, you also need a data protection impact assessment (DPIA). This tool "
            "asks the ICO's questions, checks your answers as you go and gives you a record to file."
        </p>
        <div class="lia-promise">
            <p><strong>{PROMISE}</strong></p>
        </div>

        <FileOriginNotice />
        <h2 class="lia-heading-l">"Your assessments"</h2>
        {move || if state.storage.protection.get() == Protection::Locked {
            view! { <UnlockForm /> }.into_any()
        } else {
            view! { <StartContent /> }.into_any()
        }}
    }
}

/// What the start page offers once the saved assessments can be read: the list, new,
/// from a file, from an example.
#[component]
fn StartContent() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prerender = state.config.with_value(|c| c.prerender);
    view! {
        <DamagedList />
        <DeletedList />
        {if prerender {
            view! { <p class="lia-hint">"The assessments saved in this browser are listed here once the tool has started."</p> }.into_any()
        } else {
            view! { <SavedList /> }.into_any()
        }}
        {action_link(Action::New, "lia-button", None, "Start a new assessment")}
        {(!prerender).then(|| view! { <StorageUse /> <PassphrasePanel /> })}

        <h2 class="lia-heading-l">"Open a saved file"</h2>
        <ImportFile />
        {link_paragraph(Route::Register, "Open several files as a register", " to see many records side by side, what needs attention and when each is due for review.")}
        {link_paragraph(Route::Keys, "Approver keys", ": make your key if you approve assessments, and say whose approvals you trust.")}
        {link_paragraph(Route::Settings, "Your organisation's settings", ": its own questions, checks and approvers, from a settings file.")}

        <h2 class="lia-heading-l">"Start from an example"</h2>
        <p>"Each example is a complete assessment you can read and change. Your copy is saved as a new assessment."</p>
        <ul class="lia-examples">
            {EXAMPLES
                .iter()
                .map(|example| {
                    view! {
                        <li class="lia-example">
                            <h3 class="lia-heading-s">{example.title}</h3>
                            <p>{example.summary}</p>
                            {action_link(
                                Action::Example(example.key.to_string()),
                                "lia-button lia-button--secondary",
                                Some(format!("Start from this example: {}", example.title)),
                                "Start from this example",
                            )}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// `<p>`: a link to `route` labelled `label`, then `rest`.
#[inline(never)]
fn link_paragraph(route: Route, label: &'static str, rest: &'static str) -> AnyView {
    view! { <p>{nav_link(route, None, label)}{rest}</p> }.into_any()
}

/// A start page action as a link styled as a button (the GOV.UK start button): its
/// address (`#/new`) works even before the app has started, which honours it then; once
/// started, a click (or Space, as on a button) does it at once. A function, not a
/// component: one copy for both places.
#[inline(never)]
fn action_link(
    action: Action,
    class: &'static str,
    label: Option<String>,
    children: &'static str,
) -> AnyView {
    let state = expect_context::<AppState>();
    let href = action.to_hash();
    let run = move || match &action {
        Action::New => state.start_new(),
        Action::Example(key) => state.start_example(key),
    };
    let click = {
        let run = run.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            run();
        }
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == " " {
            ev.prevent_default();
            run();
        }
    };
    view! {
        <a href=href role="button" draggable="false" class=class aria-label=label on:click=click on:keydown=key>
            {children}
        </a>
    }
    .into_any()
}

fn status_text(summary: &Summary) -> String {
    match summary.status {
        Status::Draft => format!("Draft, version {}", summary.version),
        Status::Approved => format!("Approved, version {}", summary.version),
    }
}

/// What a row is doing: nothing, being renamed, or waiting for "yes, delete".
#[derive(Clone, Copy, PartialEq)]
enum RowMode {
    Idle,
    Renaming,
    ConfirmingDelete,
}

/// The one row that is not idle or has an error to show. Only one row is renamed or
/// confirmed at a time, so the list holds this once instead of every row holding its own
/// signals: with hundreds of drafts the start page then builds one reactive closure per
/// row and nothing more.
#[derive(Clone, Default)]
struct RowFocus {
    id: String,
    mode: Option<RowMode>,
    error: Option<String>,
}

#[derive(Clone, Copy)]
struct ListState {
    focus: RwSignal<RowFocus>,
    /// The name being typed in the rename form.
    new_title: RwSignal<String>,
    /// What the register shows of each listed record (id, revision, row), worked out by
    /// the core from the record just after the list is drawn, so the first page is not
    /// kept waiting for it.
    details: RwSignal<Vec<(String, u64, Row)>>,
}

impl ListState {
    fn set_mode(self, id: &str, mode: RowMode) {
        self.focus.set(RowFocus {
            id: id.to_string(),
            mode: Some(mode),
            error: None,
        });
    }
    fn set_error(self, id: &str, error: Option<String>) {
        self.focus.set(RowFocus {
            id: id.to_string(),
            mode: None,
            error,
        });
    }
    /// What this row shows: its mode and any error.
    fn of(self, id: &str) -> (RowMode, Option<String>) {
        self.focus.with(|f| {
            if f.id == id {
                (f.mode.unwrap_or(RowMode::Idle), f.error.clone())
            } else {
                (RowMode::Idle, None)
            }
        })
    }
}

/// The saved assessments, most recently changed first.
#[component]
fn SavedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = ListState {
        focus: RwSignal::new(RowFocus::default()),
        new_title: RwSignal::new(String::new()),
        details: RwSignal::new(Vec::new()),
    };
    let count = Memo::new(move |_| state.storage.summaries.with(Vec::len));
    // A long list starts with the most recent rows: a page of 200 rows is slow to draw
    // and to read, and the one wanted is nearly always among the latest.
    let show_all = RwSignal::new(false);
    let shown = move || {
        let mut list = state.storage.summaries.get();
        if !show_all.get() {
            list.truncate(RECENT_ROWS);
        }
        list
    };
    // Each shown record's row, once drawn; kept for rows whose revision is unchanged
    // (and worked out again when the trusted approvers change: an approval's standing
    // depends on them).
    let seen_trust = StoredValue::new(crate::handover::Trust::default());
    Effect::new(move |_| {
        let wanted: Vec<(String, u64)> = shown().into_iter().map(|s| (s.id, s.revision)).collect();
        let trust = state.trust.get();
        let same_trust = seen_trust.get_value() == trust;
        seen_trust.set_value(trust);
        set_timeout(
            move || {
                // The list may be gone by now (another page was opened).
                let Some(known) = rows.details.try_get_untracked() else {
                    return;
                };
                let fresh: Vec<(String, u64, Row)> = wanted
                    .into_iter()
                    .filter_map(|(id, revision)| {
                        match known
                            .iter()
                            .find(|(i, r, _)| same_trust && *i == id && *r == revision)
                        {
                            Some(entry) => Some(entry.clone()),
                            None => state.saved_row(&id).map(|row| (id, revision, row)),
                        }
                    })
                    .collect();
                if fresh != known {
                    rows.details.try_set(fresh);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let reveal = move || {
        show_all.set(true);
        // Keep the keyboard where the newly shown rows begin.
        let first_new = state
            .storage
            .summaries
            .with_untracked(|list| list.get(RECENT_ROWS).map(|s| open_link_id(&s.id)));
        if let Some(id) = first_new {
            state.focus(id);
        }
    };
    move || {
        if count.get() == 0 {
            return view! { <p>"You have no saved assessments in this browser yet."</p> }
                .into_any();
        }
        view! {
            <div class="lia-table-wrap" role="region" aria-label="Saved assessments" tabindex="0">
            <table class="lia-table lia-saved">
                <caption class="lia-visually-hidden">"Saved assessments"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Assessment"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Organisation"</th>
                        <th scope="col">"Decision"</th>
                        <th scope="col">"Overall reading"</th>
                        <th scope="col">"Blockers"</th>
                        <th scope="col">"Warnings"</th>
                        <th scope="col">"Approved by"</th>
                        <th scope="col">"Approval date"</th>
                        <th scope="col">"Review due"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col"><span class="lia-visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    // Keyed by what a row shows (every write gives a new revision), so a
                    // rename or a save elsewhere redraws one row, not all of them.
                    {keyed(Signal::derive(move || {
                        shown().into_iter().map(|s| {
                            let key = format!("{}|{}|{}", s.id, s.revision, s.saved_at.to_bits());
                            row(key, move || saved_row(s.clone(), rows).into_any())
                        }).collect()
                    }))}
                </tbody>
            </table>
            </div>
            {move || (count.get() > RECENT_ROWS && !show_all.get()).then(|| view! {
                <p>
                    {format!("Showing the {RECENT_ROWS} most recently changed of {} saved assessments. ", count.get())}
                    {button_with("lia-link-button", None, None, format!("Show all {} assessments", count.get()).into_any(), reveal)}
                </p>
            })}
        }
        .into_any()
    }
}

/// How many saved assessments the start page lists before "Show all".
const RECENT_ROWS: usize = 20;

/// The id of a saved assessment's link on the start page.
fn open_link_id(id: &str) -> String {
    format!("lia-open-{}", crate::route::encode_id(id))
}

fn saved_row(summary: Summary, rows: ListState) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = summary.display_title().to_string();
    let id = summary.id.clone();
    // What the register shows of it, worked out from the record by the core.
    let (row_id, revision) = (summary.id.clone(), summary.revision);
    let details = Memo::new(move |_| {
        rows.details.with(|d| {
            d.iter()
                .find(|(i, r, _)| *i == row_id && *r == revision)
                .map(|(_, _, row)| row.clone())
        })
    });
    let due = Due::of(summary.review_due, state.today);
    let approved = summary.status == Status::Approved;
    let summary_approved = approved;
    let href = Route::Tasks.to_hash(Some(&summary.id));
    let rename_id = format!("lia-rename-{}", crate::route::encode_id(&summary.id));
    let current_title = summary.title.clone().unwrap_or_default();
    let open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            state.open_by_id(&id, Route::Tasks);
        }
    };
    // From the button's click (Enter in the field clicks it too), as on the question
    // pages, so it works where a sandbox blocks form submission.
    let save_rename = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            match state.rename(&id, rows.new_title.get_untracked().trim()) {
                Ok(()) => rows.set_error(&id, None),
                Err(e) => rows.focus.update(|f| f.error = Some(e.to_string())),
            }
        }
    };
    let duplicate = {
        let id = id.clone();
        move || rows.set_error(&id, state.duplicate(&id).err().map(|e| e.to_string()))
    };
    let delete = {
        let id = id.clone();
        move || match state.delete(&id) {
            Ok(()) => state.focus("lia-deleted"),
            Err(e) => rows.focus.update(|f| f.error = Some(e.to_string())),
        }
    };
    let actions = {
        let title = title.clone();
        move || {
            let (mode, error) = rows.of(&id);
            let body = match mode {
            RowMode::Idle => view! {
                <div class="lia-row-actions">
                    {(!approved).then(|| {
                        let rename_id = rename_id.clone();
                        let id = id.clone();
                        let current_title = current_title.clone();
                        view! {
                            {button_with("lia-link-button", None, Some(format!("Rename {title}")), "Rename".into_any(), move || {
                                rows.new_title.set(current_title.clone());
                                rows.set_mode(&id, RowMode::Renaming);
                                state.focus(rename_id.clone());
                            })}
                        }
                    })}
                    {button_with("lia-link-button", None, Some(format!("Duplicate {title}")), "Duplicate".into_any(), duplicate.clone())}
                    {button_with("lia-link-button", None, Some(format!("Delete {title}")), "Delete".into_any(), {
                        let id = id.clone();
                        move || {
                            rows.set_mode(&id, RowMode::ConfirmingDelete);
                            state.focus("lia-confirm-delete");
                        }
                    })}
                </div>
            }
            .into_any(),
            RowMode::Renaming => view! {
                {form(Some("lia-inline-form"), view! {
                    <label class="lia-label" for=rename_id.clone()>"New name"</label>
                    <input class="lia-input" id=rename_id.clone() type="text" prop:value=rows.new_title.get_untracked()
                        on:input=move |ev| rows.new_title.set(event_target_value(&ev)) />
                    <button type="submit" class="lia-button lia-button--secondary" on:click=save_rename.clone()>"Save name"</button>
                    {button("lia-link-button", "Cancel", {
                        let id = id.clone();
                        move || rows.set_error(&id, None)
                    })}
                }.into_any())}
            }
            .into_any(),
            RowMode::ConfirmingDelete => view! {
                <div class="lia-confirm" role="group" aria-labelledby="lia-confirm-delete">
                    <p id="lia-confirm-delete" tabindex="-1">
                        {format!("Delete “{title}” from this browser? ")}
                        {if approved { "It is an approved record: keep a downloaded copy if you need it. " } else { "" }}
                        "You can undo this until you reload the page."
                    </p>
                    {button("lia-button lia-button--warning", "Yes, delete it", delete.clone())}
                    {button("lia-link-button", "Cancel", {
                        let id = id.clone();
                        move || rows.set_error(&id, None)
                    })}
                </div>
            }
            .into_any(),
        };
            view! {
                {body}
                {error.map(|e| view! { <p class="lia-error-message" role="alert">{e}</p> })}
            }
        }
    };
    view! {
        <tr>
            <td><a href=href id=open_link_id(&summary.id) on:click=open>{title.clone()}</a></td>
            <td>{
                // Approved only where the approval verifies (the core's standing).
                let status = status_text(&summary);
                let version = summary.version;
                move || details.with(|d| match d {
                    Some(row) if summary_approved => format!("{}, version {version}", row.standing.label()),
                    _ => status.clone(),
                })
            }</td>
            {detail_cell("Organisation: ", details, |d| d.organisation.clone())}
            {detail_cell("Decision: ", details, |d| d.decision.unwrap_or("Not decided").to_string())}
            {detail_cell("Overall reading: ", details, |d| reading_short(d.reading).to_string())}
            {detail_cell("Blockers: ", details, |d| d.blockers.to_string())}
            {detail_cell("Warnings: ", details, |d| d.warnings.to_string())}
            {detail_cell("Approved by: ", details, |d| d.approver.clone())}
            {detail_cell("Approval date: ", details, |d| d.approved_label())}
            {labelled_cell("Review due: ", due_view(summary.review_due, due).into_any())}
            {labelled_cell("Last changed: ", browser::describe_time(summary.saved_at).into_any())}
            <td>{actions}</td>
        </tr>
    }
}

/// `<td>` with the column's name for narrow screens (`lia-cell-label`), then `content`.
#[inline(never)]
fn labelled_cell(label: &'static str, content: AnyView) -> AnyView {
    view! { <td><span class="lia-cell-label">{label}</span>{content}</td> }.into_any()
}

/// A cell showing what `f` reads from the row's details, once they are worked out.
#[inline(never)]
fn detail_cell(label: &'static str, details: Memo<Option<Row>>, f: fn(&Row) -> String) -> AnyView {
    labelled_cell(
        label,
        (move || details.with(|d| d.as_ref().map(f))).into_any(),
    )
}

/// Deleted this session, with undo until the page is reloaded.
#[component]
fn DeletedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    move || {
        let deleted = state.storage.deleted.get();
        (!deleted.is_empty()).then(|| {
            view! {
                <div class="lia-notice" id="lia-deleted" tabindex="-1" role="status">
                    <ul class="lia-plain-list">
                        {deleted.into_iter().map(|d| {
                            let id = d.id().to_string();
                            let name = d.title().unwrap_or("Untitled assessment").to_string();
                            view! {
                                <li>
                                    {format!("“{name}” deleted. ")}
                                    {button_with("lia-link-button", None, Some(format!("Undo deleting {name}")), "Undo".into_any(), move || {
                                        error.set(state.undo_delete(&id).err().map(|e| e.to_string()));
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {move || error.get().map(|e| view! { <p class="lia-error-message">{e}</p> })}
                </div>
            }
        })
    }
}

/// Saved records that could not be read: set aside, never lost.
#[component]
fn DamagedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let damaged = state.storage.damaged.get();
        (!damaged.is_empty()).then(|| {
            let count = damaged.len();
            view! {
                <div class="lia-warning-banner" role="region" aria-labelledby="lia-damaged-title" id="lia-damaged">
                    <h3 class="lia-heading-s" id="lia-damaged-title">
                        {if count == 1 { "One saved assessment could not be read".to_string() } else { format!("{count} saved assessments could not be read") }}
                    </h3>
                    <ul class="lia-plain-list">
                        {damaged.into_iter().map(|record| view! { <DamagedItem record /> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn DamagedItem(record: DamagedRecord) -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let key = record.key.clone();
    let name = record.name().to_string();
    let saved_text = Download::Text {
        name: format!("lia-damaged-{}.txt", record.id),
        mime: "text/plain",
        text: |state, key| state.damaged_text(key).ok(),
        key: key.clone(),
    };
    let discard = move || {
        let _ = state.discard_damaged(&key);
    };
    view! {
        <li class="lia-damaged">
            <p>{record.message()}</p>
            {download_button_with(saved_text, "Download its saved text", Some(format!("Download the saved text of {name}")), "lia-button lia-button--secondary")}
            {move || if confirming.get() {
                view! {
                    {button("lia-button lia-button--warning", "Yes, discard it", discard.clone())}
                    {button("lia-link-button", "Cancel", move || confirming.set(false))}
                }
                .into_any()
            } else {
                view! {
                    {button("lia-link-button", "Discard it", move || confirming.set(true))}
                }
                .into_any()
            }}
        </li>
    }
}

/// How much of the browser's storage the tool uses, and why to keep copies.
#[component]
fn StorageUse() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="lia-storage-use" id="lia-storage-use">
            {move || {
                if state.storage.unavailable.get() {
                    "Nothing is being kept in this browser's storage: it is not available to this tool.".to_string()
                } else {
                    format!("This tool is using {} of this browser's storage.", format_bytes(state.storage.usage.get()))
                }
            }}
            " Clearing this browser's site data deletes everything saved here, so download a copy of any assessment you need to keep."
        </p>
    }
}
