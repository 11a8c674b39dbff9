//! "Open several files": records chosen, dropped or taken from a folder, shown as a
//! register. The core (`crate::register`) reads each file, works out every row, sorts,
//! filters, flags review dates and writes the exports; this page reads the files in
//! small steps (so the page keeps answering), shows progress, and draws what it is given.
//! Nothing is stored unless the user keeps a record, which goes through the session as
//! any imported file does.

use leptos::prelude::*;

use crate::ui::components::button::{button, button_with};
use crate::ui::components::error_message::download_failure;
use crate::ui::components::summary_row::summary_row;
use wasm_bindgen::JsCast;

use crate::export::{self, ImportError};
use crate::register::csv::to_csv;
use crate::register::group::{CopyKind, Group};
use crate::register::ics::{calendar, Reminder};
use crate::register::{
    changed_after_approval, digest_label, digest_warning, files_read, reading_short, Column, Due,
    DueFilter, Filter, Register, Row, Sort, Standing,
};
use crate::route::Route;
use crate::session::ImportStep;
use crate::ui::browser;
use crate::ui::components::keyed::{keyed, row};
use crate::ui::components::nav_link::{nav_link, NavLink};
use crate::ui::components::select::select_field;
use crate::ui::downloads::download;
use crate::ui::page_title::page_title;
use crate::ui::read_files::{Read, Reader};
use crate::ui::state::AppState;
use crate::ui::timing;

const FILES_ID: &str = "lia-register-files";
const FOLDER_ID: &str = "lia-register-folder";

/// Lets the browser run input, painting and other tasks before going on.
async fn yield_to_the_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The files of a file list.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// An empty register checking as this page does: approvals against the trusted
/// approvers, findings with the organisation's settings loaded here.
fn fresh(state: AppState) -> Register {
    let mut register = Register::with_trust(state.today, state.trust.get_untracked());
    register.set_settings(state.org_settings.get_untracked());
    register
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    page_title(|| Some("Register of assessments".into()));
    // (read, of) while reading; the last message when done.
    let progress: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    // What a reading that added records says once the table has drawn them.
    let announce: StoredValue<Option<String>> = StoredValue::new(None);

    // Approvals are verified against the trusted approvers as they are now.
    Effect::new(move |_| {
        let trust = state.trust.get();
        state.register.update(|r| r.set_trust(trust));
    });
    // And their findings counted with the organisation's settings loaded here.
    Effect::new(move |_| {
        let settings = state.org_settings.get();
        state.register.update(|r| r.set_settings(settings));
    });
    let read = move |files: Vec<web_sys::File>| {
        if files.is_empty() || progress.get_untracked().is_some() {
            return;
        }
        let total = files.len();
        timing::mark("lia-register-start");
        progress.set(Some((0, total)));
        done.set(None);
        leptos::task::spawn_local(async move {
            let mut read = fresh(state);
            let mut since = now();
            let mut i = 0;
            // Read a group of files at a time, the next groups read while one is worked on.
            let mut files = Reader::new(files, export::MAX_IMPORT_BYTES);
            while let Some(group) = files.next().await {
                for (name, file) in group {
                    match file {
                        Read::Bytes(bytes) => read.read(&name, &bytes),
                        Read::TooLarge(size) => read.fail(
                            &name,
                            ImportError::TooLarge {
                                bytes: size as usize,
                            },
                        ),
                        Read::Unreadable => read.fail(&name, ImportError::Empty),
                    }
                    i += 1;
                    // Work in slices of about 25 ms, so typing and scrolling keep up.
                    if now() - since > 25.0 {
                        progress.set(Some((i, total)));
                        yield_to_the_page().await;
                        since = now();
                    }
                }
            }
            timing::mark("lia-register-read");
            // The records are grouped in a task of their own after the last file's, put
            // in the table's first order in the next, and the table drawn in the one after.
            yield_to_the_page().await;
            let (records, failed) = (read.entries().len(), read.failures().len());
            state.register.update_untracked(|r| {
                r.extend(read);
                r.groups();
            });
            yield_to_the_page().await;
            state.register.with_untracked(|r| {
                r.arrange_groups(Sort::default(), &Filter::default());
            });
            yield_to_the_page().await;
            let message = files_read(total, records, failed);
            progress.set(None);
            if records == 0 {
                state.register.notify();
                done.set(Some(message));
                timing::mark("lia-register-shown");
            } else {
                announce.set_value(Some(message));
                state.register.notify();
            }
        });
    };

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev
            .target()
            .expect("a change event has a target")
            .unchecked_into();
        read(files_of(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        read(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_dragover = |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(transfer) = ev.data_transfer() {
            transfer.set_drop_effect("copy");
        }
    };
    let has_any = Memo::new(move |_| state.register.with(|r| !r.is_empty()));

    view! {
        {nav_link(Route::Start, Some("lia-back-link"), "All assessments")}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Register of assessments"</h1>
        <p class="lia-lead">
            "Open many records at once to see them side by side: what each decided, what needs "
            "attention and when each is due for review."
        </p>
        <p>
            "The files are read in this browser and not sent anywhere. Nothing is kept here "
            "unless you choose “Keep in this browser” for a record."
        </p>
        <div class="lia-drop-zone lia-field" on:dragover=on_dragover on:drop=on_drop>
            <label class="lia-label" for=FILES_ID>"Choose files"</label>
            <div class="lia-hint" id="lia-register-hint">
                "JSON files or HTML reports downloaded from this tool, as many as you like. You can also drop them here."
            </div>
            <input class="lia-file-upload" type="file" multiple id=FILES_ID
                accept=".json,.html,.htm,application/json,text/html"
                aria-describedby="lia-register-hint" on:change=on_change />
            <label class="lia-label" for=FOLDER_ID>"Or choose a folder"</label>
            <input class="lia-file-upload" type="file" multiple prop:webkitdirectory=true id=FOLDER_ID on:change=on_change />
        </div>
        <p>
            <button type="button" class="lia-button lia-button--secondary" id="lia-register-saved"
                aria-describedby="lia-register-saved-hint"
                on:click=move |_| done.set(Some(state.add_saved_to_register()))>
                "Add the assessments saved in this browser"
            </button>
        </p>
        <p class="lia-hint" id="lia-register-saved-hint">
            "To compare versions kept here with each other or with files, and to see them in the register’s downloads. Nothing is changed."
        </p>
        {move || progress.get().map(|(read, of)| view! {
            <div class="lia-progress">
                <label class="lia-label" for="lia-register-progress">{format!("Reading the files: {read} of {of}")}</label>
                <progress id="lia-register-progress" max=of.to_string() value=read.to_string()>{format!("{read} of {of}")}</progress>
            </div>
        })}
        <p role="status" id="lia-register-status">{move || done.get()}</p>
        <Failures />
        {move || has_any.get().then(|| view! { <RegisterTable announce done /> })}
    }
}

/// Each file that could not be read, with why.
#[component]
fn Failures() -> impl IntoView {
    let state = expect_context::<AppState>();
    let messages = Memo::new(move |_| {
        state
            .register
            .with(|r| r.failures().iter().map(|f| f.message()).collect::<Vec<_>>())
    });
    move || {
        let list = messages.get();
        (!list.is_empty()).then(|| {
            let count = list.len();
            view! {
                <div class="lia-warning-banner" role="region" aria-labelledby="lia-register-failures-title" id="lia-register-failures">
                    <h2 class="lia-heading-s" id="lia-register-failures-title">
                        {if count == 1 { "1 file could not be read".to_string() } else { format!("{count} files could not be read") }}
                    </h2>
                    <ul class="lia-plain-list">
                        {list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The review date, and its flag.
pub fn due_view(review: Option<crate::assessment::Date>, due: Due) -> impl IntoView {
    view! {
        {review.map_or("Not set".to_string(), |d| d.long())}
        {match due {
            Due::Overdue => Some(view! { " " <strong class="lia-tag lia-tag--red">"Overdue"</strong> }.into_any()),
            Due::Soon => Some(view! { " " <strong class="lia-tag lia-tag--yellow">"Due within 30 days"</strong> }.into_any()),
            _ => None,
        }}
    }
}

/// How many assessments a page of the register shows: few enough to draw in one short
/// task whatever the register holds.
const PAGE_SIZE: usize = 50;
/// The rows of a page drawn in one task (more than a screenful): the first in the task
/// that changed the page, the others in the tasks after, so drawing never holds the page
/// up for long.
const ROWS_AT_ONCE: usize = 10;

/// The organisation's settings the record was made under, under its organisation.
/// An assessment's warnings, one strong line each.
#[inline(never)]
fn warnings_view(warnings: &[String]) -> AnyView {
    warnings
        .iter()
        .map(|w| view! { <div class="lia-warning-text"><strong>{w.clone()}</strong></div> })
        .collect_view()
        .into_any()
}

fn settings_line(row: &Row) -> impl IntoView {
    row.settings
        .clone()
        .map(|t| view! { <div class="lia-hint">"Settings: " {t}</div> })
}

/// Everything one assessment's row shows, taken from the register once.
#[derive(Clone, PartialEq)]
struct Shown {
    latest: usize,
    row: Row,
    files: String,
    warnings: Vec<String>,
    digest: &'static str,
    saved: bool,
    earlier: Vec<EarlierCopy>,
    /// What the list of the earlier copies is called ("2 earlier copies").
    others: Option<String>,
}

/// One earlier copy of an assessment, beneath its row.
#[derive(Clone, PartialEq)]
struct EarlierCopy {
    entry: usize,
    /// Where it stands ("Version 1, round 2, approved").
    place: String,
    /// What stands in the way of its approval, if anything.
    problem: Option<&'static str>,
    files: String,
    /// Kept in this browser.
    saved: bool,
    /// Superseded, or in conflict when another copy at its place says something else.
    kind: CopyKind,
}

fn shown(r: &Register, g: &Group) -> Shown {
    let latest = g.latest();
    let entry = &r.entries()[latest];
    let mut warnings: Vec<String> = entry.row.warning.iter().cloned().collect();
    warnings.extend(digest_warning(entry).map(String::from));
    warnings.extend(g.conflict_warning());
    Shown {
        latest,
        row: entry.row.clone(),
        files: r.files(&g.members[0]).join(", "),
        warnings,
        digest: digest_label(&entry.imported.digest, entry.saved),
        saved: entry.saved,
        others: g.others_label(),
        earlier: g
            .members
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, m)| {
                let first = m.entries[0];
                let standing = r.entries()[first].row.standing;
                EarlierCopy {
                    entry: first,
                    place: m.place.describe(),
                    problem: standing.is_problem().then(|| standing.label()),
                    files: r.files(m).join(", "),
                    saved: r.entries()[first].saved,
                    kind: g.kind(k),
                }
            })
            .collect(),
    }
}

/// `announce`: what to say in `done` once the page is next drawn whole (after a reading
/// added records, so that its rows are there when it is said).
#[component]
fn RegisterTable(
    announce: StoredValue<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The width at which style/main.css switches the register to summary lists.
    let narrow = crate::ui::browser::media_matches("(max-width: 39.99em)");
    let sort = RwSignal::new(Sort::default());
    let status: RwSignal<Option<Standing>> = RwSignal::new(None);
    let due = RwSignal::new(DueFilter::Any);
    let page = RwSignal::new(0usize);
    let filter = Memo::new(move |_| Filter {
        status: status.get(),
        due: due.get(),
    });
    // Every copy of one assessment under one row: `Register::groups`, worked out by the
    // core once per change, and the first order too (after a reading, each in a task
    // before this one).
    let order = Memo::new(move |_| {
        let (sort, filter) = (sort.get(), filter.get());
        state.register.with(|r| r.arrange_groups(sort, &filter))
    });
    // A new order starts again at the first page.
    Effect::new(move |_| {
        order.track();
        page.set(0);
    });
    let pages = move || order.with(Vec::len).div_ceil(PAGE_SIZE).max(1);
    // (Outside the view: a `>=` inside it would end the tag.)
    let on_last_page = move || page.get() + 1 >= pages();
    // The rows of the page, under a number that is new each time they are worked out.
    let drawing = StoredValue::new(0u64);
    let visible = Memo::new(move |_| {
        let start = page.get() * PAGE_SIZE;
        let order = order.get();
        drawing.update_value(|n| *n += 1);
        let rows = state.register.with(|r| {
            order
                .iter()
                .skip(start)
                .take(PAGE_SIZE)
                .map(|&i| shown(r, &r.groups()[i]))
                .collect::<Vec<_>>()
        });
        (drawing.get_value(), rows)
    });
    // How many of which rows are drawn: `ROWS_AT_ONCE` more in each task until all are.
    let drawn = RwSignal::new((0u64, 0usize));
    let how_many =
        move |n: u64| drawn.with(|&(m, count)| if m == n { count } else { ROWS_AT_ONCE });
    Effect::new(move |_| {
        let (n, rows) = visible.with(|(n, rows)| (*n, rows.len()));
        let count = how_many(n);
        set_timeout(
            move || {
                // Rows worked out again since this was asked for (a new order, the first
                // page again): this step is stale, and the effect has asked for the new
                // rows' first. Acted on, it would set the count back for those rows, or
                // say a reading's message with the page not yet drawn.
                if drawing.try_get_value() != Some(n) {
                    return;
                }
                if count < rows {
                    drawn.set((n, count + ROWS_AT_ONCE));
                } else if let Some(message) = announce.try_update_value(Option::take).flatten() {
                    // A reading's message once its rows are all there. (The page may have
                    // gone since this was asked for: nothing here may assume it is there.)
                    done.set(Some(message));
                    // For the benchmark, once on the screen: the next frame is laid out
                    // and painted before the task after its animation-frame callbacks.
                    request_animation_frame(|| {
                        set_timeout(
                            || timing::mark("lia-register-shown"),
                            std::time::Duration::ZERO,
                        )
                    });
                }
            },
            std::time::Duration::ZERO,
        );
    });
    // Each row drawn with its place on the page, for the lists' keys.
    let numbered = move || {
        visible.with(|(n, rows)| {
            rows.iter()
                .take(how_many(*n))
                .cloned()
                .enumerate()
                .collect::<Vec<(usize, Shown)>>()
        })
    };
    // The rows drawn so far, each keyed by its place, its latest copy and the register's
    // generation (a new reading redraws them), drawn by `draw`.
    let rows = move |draw: std::sync::Arc<dyn Fn(Shown) -> AnyView + Send + Sync>| {
        Signal::derive(move || {
            let generation = state.register.with_untracked(Register::generation);
            let start = page.get_untracked() * PAGE_SIZE;
            numbered()
                .into_iter()
                .map(|(n, s)| {
                    let draw = draw.clone();
                    row(
                        format!("{}|{}|{generation}", start + n, s.latest),
                        move || draw(s.clone()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    // The copies on this page, latest and earlier, for the comparison's lists.
    let on_this_page = Signal::derive(move || {
        visible.with(|(_, v)| {
            v.iter()
                .flat_map(|s| std::iter::once(s.latest).chain(s.earlier.iter().map(|e| e.entry)))
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| state.register.with(|r| r.groups().len()));
    let files = Memo::new(move |_| state.register.with(|r| r.entries().len()));
    // The records whose approval no longer covers them, in words (from the core).
    let changed = Memo::new(move |_| {
        let order = order.get();
        state.register.with(|r| {
            let count = order
                .iter()
                .filter(|&&i| {
                    r.entries()[r.groups()[i].latest()]
                        .row
                        .standing
                        .is_problem()
                })
                .count();
            changed_after_approval(count)
        })
    });
    // Each review with the register's copy of the version it reviews.
    let links = Memo::new(move |_| {
        state.register.with(|r| {
            r.links()
                .into_iter()
                .map(|l| (l.review, l.previous, l.describe()))
                .collect::<Vec<_>>()
        })
    });
    let today = state.today;
    let filtered_words = move || {
        let f = filter.get_untracked();
        let mut words = Vec::new();
        if let Some(s) = f.status {
            words.push(s.label().to_string());
        }
        if f.due != DueFilter::Any {
            words.push(f.due.label().to_string());
        }
        words.join(", ")
    };
    let every_version = RwSignal::new(false);
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let save = move |name: String, mime: &'static str, text: String| {
        failed.set(download(&name, mime, &text).err());
    };
    let csv = move || {
        let text = state.register.with_untracked(|r| {
            to_csv(
                r,
                r.groups(),
                &order.get_untracked(),
                every_version.get_untracked(),
            )
        });
        save(format!("lia-register-{today}.csv"), "text/csv", text);
    };
    let printable = move || {
        let text = state.register.with_untracked(|r| {
            crate::register::html::to_html(
                r,
                r.groups(),
                &order.get_untracked(),
                today,
                &filtered_words(),
            )
        });
        save(format!("lia-register-{today}.html"), "text/html", text);
    };
    let ics = move || {
        let reminders: Vec<Reminder> = state.register.with_untracked(|r| {
            order
                .get_untracked()
                .iter()
                .filter_map(|&i| r.reminder(&r.groups()[i]))
                .collect()
        });
        save(
            format!("lia-review-dates-{today}.ics"),
            "text/calendar",
            calendar(&reminders, &browser::now_iso()),
        );
    };
    let keep = move |index: usize| match state.keep_from_register(index) {
        ImportStep::Clash => {
            state.navigate_and_focus(Route::Start, Some("lia-import-clash".into()))
        }
        ImportStep::Opened | ImportStep::Refused | ImportStep::ForApproval => {}
    };
    // "Open" for a copy kept here, "Keep in this browser" for a file.
    let action = move |entry: usize, saved: bool, what: String| {
        if saved {
            let id = state
                .register
                .with_untracked(|r| r.entries()[entry].imported.assessment.id.clone());
            view! {
                {button_with("lia-link-button", None, None, view! {
                    "Open"<span class="lia-visually-hidden">{format!(" {what}")}</span>
                }.into_any(), move || { state.open_by_id(&id, Route::Tasks); })}
            }
            .into_any()
        } else {
            view! {
                {button_with("lia-link-button", None, None, view! {
                    "Keep in this browser"<span class="lia-visually-hidden">{format!(": {what}")}</span>
                }.into_any(), move || keep(entry))}
            }
            .into_any()
        }
    };
    // The earlier copies of an assessment, each openable and comparable with the latest.
    let earlier = move |s: &Shown| {
        let latest = s.latest;
        let title = s.row.title.clone();
        s.others.clone().map(|others| {
            let items = s.earlier.clone().into_iter().map(|EarlierCopy { entry, place, problem, files, saved, kind }| {
                let what = format!("{title}, {place}");
                let colour = if kind == CopyKind::InConflict { "lia-tag lia-tag--red" } else { "lia-tag lia-tag--grey" };
                let tag = view! { <strong class=colour>{kind.label()}</strong> };
                view! {
                    <li>
                        {tag}" "{place.clone()}
                        {problem.map(|p| view! { " " <strong class="lia-tag lia-tag--red">{p}</strong> })}
                        <div class="lia-hint lia-break">{files}</div>
                        {action(entry, saved, what.clone())}" "
                        <NavLink route=Route::RegisterChanges { review: latest, previous: entry }>
                            "Compare with the latest"<span class="lia-visually-hidden">{format!(": {what}")}</span>
                        </NavLink>
                    </li>
                }
            }).collect_view();
            view! {
                <details class="lia-details lia-earlier">
                    <summary class="lia-details__summary">
                        {others}
                    </summary>
                    <ul class="lia-plain-list lia-details__text">{items}</ul>
                </details>
            }
        })
    };
    let status_view = |s: &Shown| {
        view! {
            {if s.row.standing.is_problem() {
                view! { <strong class="lia-tag lia-tag--red">{s.row.standing.label()}</strong> }.into_any()
            } else {
                s.row.standing.label().into_any()
            }}
            {(s.digest == "Does not match").then(|| view! { " " <strong class="lia-tag lia-tag--red">"Digest does not match"</strong> })}
        }
    };
    let headed = move |column: Column| {
        view! {
            <th scope="col" aria-sort=move || sort.get().aria(column)>
                <button type="button" class="lia-sort-button" data-column=column.label()
                    on:click=move |_| sort.update(|s| *s = s.toggle(column))>
                    {column.label()}
                </button>
            </th>
        }
    };

    view! {
        <h2 class="lia-heading-l">"The register"</h2>
        <div class="lia-register-controls">
            <div class="lia-filters">
                {select_field("lia-filter-status", "Status", view! {
                    <option value="any">"Any status"</option>
                    {Standing::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                }.into_any(), move |key| status.set(Standing::from_key(&key)))}
                {select_field("lia-filter-due", "Review due", DueFilter::ALL.into_iter().map(|f| view! { <option value=f.key()>{f.label()}</option> }).collect_view().into_any(), move |key| due.set(DueFilter::from_key(&key)))}
                {select_field("lia-sort", "Sort by", Column::ALL.into_iter().flat_map(|c| [true, false].map(move |up| (c, up))).map(|(column, ascending)| {
                    let s = Sort { column, ascending };
                    view! { <option value=s.key() selected=move || sort.get() == s>{s.label()}</option> }
                }).collect_view().into_any(), move |key| {
                    if let Some(s) = Sort::from_key(&key) {
                        sort.set(s);
                    }
                })}
            </div>
            <p role="status" id="lia-register-count">
                {move || {
                    let shown = order.with(Vec::len);
                    let start = page.get() * PAGE_SIZE;
                    let end = (start + PAGE_SIZE).min(shown);
                    let range = if shown > PAGE_SIZE { format!(" ({}–{end} on this page)", start + 1) } else { String::new() };
                    format!("Showing {shown} of {} assessments{range}, from {} files.", total.get(), files.get())
                }}
            </p>
        </div>
        {move || changed.get().map(|warning| view! {
            <div class="lia-warning-text" id="lia-register-changed">
                <strong>{warning}</strong>
            </div>
        })}
        // One layout drawn, the one that is seen: a table, or below 40em a summary list
        // for each assessment (drawing both doubled the time to show, sort or filter).
        {move || (!narrow.get()).then(|| view! {
        <div class="lia-table-wrap lia-register-wide">
            <table class="lia-register">
                <caption class="lia-visually-hidden" id="lia-register-caption">"Register of assessments, one row for each: select a column heading to sort by it"</caption>
                <colgroup>
                    <col class="lia-col-title" /><col class="lia-col-status" /><col class="lia-col-narrow" />
                    <col class="lia-col-decision" /><col class="lia-col-reading" /><col class="lia-col-narrow" />
                    <col class="lia-col-narrow" /><col class="lia-col-approved" /><col class="lia-col-due" />
                </colgroup>
                <thead>
                    <tr>
                        {headed(Column::Title)}{headed(Column::Status)}{headed(Column::Version)}
                        {headed(Column::Decision)}{headed(Column::Reading)}{headed(Column::Blockers)}
                        {headed(Column::Warnings)}{headed(Column::Approver)}{headed(Column::ReviewDue)}
                    </tr>
                </thead>
                <tbody>
                    {keyed(rows(std::sync::Arc::new(move |s: Shown| {
                            let what = format!("{}, version {}", s.row.title, s.row.version);
                            view! {
                                <tr>
                                    <th scope="row">
                                        <span class="lia-prewrap">{s.row.title.clone()}</span>
                                        <div class="lia-hint">{s.row.organisation.clone()}</div>
                                        {settings_line(&s.row)}
                                        <div class="lia-hint lia-break">{format!("{} · {}", s.row.id, s.files)}</div>
                                        {warnings_view(&s.warnings)}
                                        {s.row.rules_note.clone().map(|note| view! { <div class="lia-hint lia-rules-note">{note}</div> })}
                                        {action(s.latest, s.saved, what)}
                                        {earlier(&s)}
                                    </th>
                                    <td>{status_view(&s)}</td>
                                    <td>{s.row.version}</td>
                                    <td>{s.row.decision.unwrap_or("Not decided")}</td>
                                    <td>{reading_short(s.row.reading)}</td>
                                    <td>{s.row.blockers}</td>
                                    <td>{s.row.warnings}</td>
                                    <td>{s.row.approver.clone()}<div class="lia-hint">{s.row.approved_label()}</div></td>
                                    <td>{due_view(s.row.review_due, s.row.due)}</td>
                                </tr>
                            }
                            .into_any()
                        })))}
                </tbody>
            </table>
        </div>
        })}
        {move || narrow.get().then(|| view! {
        <ul class="lia-plain-list lia-register-narrow" aria-label="Register of assessments">
            {keyed(rows(std::sync::Arc::new(move |s: Shown| {
                    let what = format!("{}, version {}", s.row.title, s.row.version);
                    view! {
                        <li class="lia-register-card">
                            <h3 class="lia-heading-s lia-prewrap">{s.row.title.clone()}</h3>
                            {warnings_view(&s.warnings)}
                            <dl class="lia-summary-list">
                                {summary_row("Organisation".into(), None, view! { {s.row.organisation.clone()}{settings_line(&s.row)} }.into_any())}
                                {summary_row("Status".into(), None, status_view(&s).into_any())}
                                {summary_row("Version".into(), None, s.row.version.into_any())}
                                {summary_row("Decision and reading".into(), None, format!("{}; {}", s.row.decision.unwrap_or("Not decided"), reading_short(s.row.reading)).into_any())}
                                {summary_row("Blockers and warnings".into(), None, format!("{} blockers, {} warnings", s.row.blockers, s.row.warnings).into_any())}
                                {summary_row("Approved by".into(), None, format!("{} {}", s.row.approver, s.row.approved_label()).into_any())}
                                {summary_row("Review due".into(), None, due_view(s.row.review_due, s.row.due).into_any())}
                                {summary_row("Files".into(), Some("lia-break"), format!("{} · {}", s.row.id, s.files).into_any())}
                            </dl>
                            {action(s.latest, s.saved, what)}
                            {earlier(&s)}
                        </li>
                    }
                    .into_any()
                })))}
        </ul>
        })}
        {move || (pages() > 1).then(|| view! {
            <nav class="lia-pagination" aria-label="Pages of the register">
                <button type="button" class="lia-link-button" disabled=move || page.get() == 0
                    on:click=move |_| { page.update(|p| *p = p.saturating_sub(1)); state.focus("lia-register-count"); }>
                    "Previous page"
                </button>
                <span class="lia-pagination__where">{move || format!("Page {} of {}", page.get() + 1, pages())}</span>
                <button type="button" class="lia-link-button" disabled=on_last_page
                    on:click=move |_| { page.update(|p| *p += 1); state.focus("lia-register-count"); }>
                    "Next page"
                </button>
            </nav>
        })}
        {move || {
            let list = links.get();
            (!list.is_empty()).then(|| view! {
                <h2 class="lia-heading-m">"Reviews and the versions they review"</h2>
                <ul class="lia-list" id="lia-register-chains">
                    {list.into_iter().map(|(review, previous, text)| {
                        let title = state.register.with_untracked(|r| {
                            let row = &r.entries()[review].row;
                            format!("{}, version {}: ", row.title, row.version)
                        });
                        view! {
                            <li>
                                {title}{text}
                                {previous.map(|previous| view! {
                                    " " <NavLink route=Route::RegisterChanges { review, previous }>"See what changed"</NavLink>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })
        }}
        <CompareAny entries=on_this_page />
        <h2 class="lia-heading-m">"Download the register"</h2>
        <p>"The downloads hold the assessments shown above, in the order shown: one line, row or reminder for each assessment."</p>
        <fieldset class="lia-fieldset lia-field">
            <legend class="lia-legend lia-legend--small">"The spreadsheet"</legend>
            <div class="lia-checkboxes">
                <div class="lia-checkbox">
                    <input class="lia-checkbox__input" type="checkbox" id="lia-register-every-version"
                        prop:checked=move || every_version.get()
                        on:change=move |ev| every_version.set(event_target_checked(&ev)) />
                    <label class="lia-checkbox__label" for="lia-register-every-version">"Put every copy in the spreadsheet, not only the latest"</label>
                </div>
            </div>
        </fieldset>
        <div class="lia-button-group">
            {button("lia-button lia-button--secondary", "Download as a spreadsheet (CSV)", csv)}
            {button("lia-button lia-button--secondary", "Download a page to print (HTML)", printable)}
            {button("lia-button lia-button--secondary", "Download review dates (calendar)", ics)}
        </div>
        {download_failure(failed)}
        <p>
            {button("lia-link-button", "Clear the register", move || {
                state.register.set(fresh(state));
                state.focus("lia-page-heading");
            })}
        </p>
    }
}

/// Any two records of the assessments on this page side by side: the earlier and the
/// later version. (The page's, not the whole register's: two lists of 5,000 would be
/// slow to draw and of no use to choose from.)
#[component]
fn CompareAny(#[prop(into)] entries: Signal<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = Memo::new(move |_| {
        let entries = entries.get();
        state.register.with(|r| {
            entries
                .iter()
                .map(|&i| {
                    let e = &r.entries()[i];
                    (
                        i,
                        format!("{}, version {} ({})", e.row.title, e.row.version, e.file),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // The entries chosen (an entry's index in the register), the first two by default.
    let earlier = RwSignal::new(None::<usize>);
    let later = RwSignal::new(None::<usize>);
    let chosen = move |signal: RwSignal<Option<usize>>, nth: usize| {
        choices.with(|c| {
            signal
                .get()
                .filter(|i| c.iter().any(|(e, _)| e == i))
                .or_else(|| c.get(nth).or(c.first()).map(|(i, _)| *i))
                .unwrap_or(0)
        })
    };
    let same = RwSignal::new(false);
    let compare = move || {
        let (previous, review) = (chosen(earlier, 0), chosen(later, 1));
        if previous == review {
            same.set(true);
            state.focus("lia-compare-earlier");
            return;
        }
        same.set(false);
        state.navigate(Route::RegisterChanges { review, previous });
    };
    // Options with nothing reactive in each: the list is drawn again when the page or
    // the choice changes (a few dozen options).
    let options = move |signal: RwSignal<Option<usize>>, nth: usize| {
        move || {
            let now = chosen(signal, nth);
            choices
                .get()
                .into_iter()
                .map(|(i, label)| view! { <option value=i.to_string() selected=i == now>{label}</option> })
                .collect_view()
        }
    };
    let pick =
        |signal: RwSignal<Option<usize>>| move |value: String| signal.set(value.parse().ok());
    move || {
        (choices.with(Vec::len) >= 2).then(|| view! {
            <h2 class="lia-heading-m">"Compare two records"</h2>
            <p>"Choose two versions of an assessment on this page to see what changed from the earlier to the later."</p>
            {move || same.get().then(|| view! {
                <p class="lia-error-message" role="alert" id="lia-compare-error">
                    <span class="lia-visually-hidden">"Error: "</span>"Choose two different records"
                </p>
            })}
            <div class="lia-filters">
                {select_field("lia-compare-earlier", "Earlier version", options(earlier, 0).into_any(), pick(earlier))}
                {select_field("lia-compare-later", "Later version", options(later, 1).into_any(), pick(later))}
            </div>
            {button("lia-button lia-button--secondary", "Compare", compare)}
        })
    }
}
