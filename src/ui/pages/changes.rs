//! "What changed since version N": the changes the core lists (`compare::listing`)
//! between a review and the version it reviews, with whether that copy is exactly the
//! version reviewed. For the open review (compared with the saved version), and for two
//! records of the register.

use leptos::prelude::*;

use crate::compare::{listing, Chain, Changes, Group, Span};
use crate::route::Route;
use crate::ui::components::nav_link::{nav_link, NavLink};
use crate::ui::page_title::page_title;
use crate::ui::state::AppState;

/// One side of a change: the text with its changed words marked.
fn side(spans: Vec<Span>, removed: bool) -> AnyView {
    if spans.is_empty() {
        return view! { <span class="lia-missing">"Not provided"</span> }.into_any();
    }
    view! {
        <span class="lia-prewrap">
            {spans.into_iter().map(|span| if !span.marked {
                span.text.into_any()
            } else if removed {
                view! { <del class="lia-del"><span class="lia-visually-hidden">"[removed] "</span>{span.text}</del> }.into_any()
            } else {
                view! { <ins class="lia-ins"><span class="lia-visually-hidden">"[added] "</span>{span.text}</ins> }.into_any()
            }).collect_view()}
        </span>
    }
    .into_any()
}

/// Every change, group by group, as tables.
#[component]
pub fn ChangesList(groups: Vec<Group>) -> impl IntoView {
    groups
        .into_iter()
        .enumerate()
        .map(|(g, group)| {
            let caption_id = format!("lia-changes-{g}");
            view! {
                <h2 class="lia-heading-m" id=caption_id.clone()>{group.heading}</h2>
                <div class="lia-table-wrap" role="region" aria-labelledby=caption_id tabindex="0">
                    <table class="lia-table lia-changes">
                        <thead><tr>
                            <th scope="col">"What"</th>
                            <th scope="col">"Change"</th>
                            <th scope="col">"Before"</th>
                            <th scope="col">"After"</th>
                        </tr></thead>
                        <tbody>
                            {group.lines.into_iter().map(|line| view! {
                                <tr class="lia-change">
                                    <th scope="row">{line.what}</th>
                                    <td><strong class="lia-tag lia-tag--blue">{line.change}</strong></td>
                                    <td><span class="lia-cell-label">"Before: "</span>{side(line.before, true)}</td>
                                    <td><span class="lia-cell-label">"After: "</span>{side(line.after, false)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
        .collect_view()
}

/// The chain statement, the count and the list (here, and for the approver).
#[component]
pub fn ChangesBody(changes: Changes, chain: Chain) -> impl IntoView {
    let groups = listing(&changes);
    let count = changes.len();
    let summary = if count == 0 {
        format!("Nothing has changed since {}.", changes.before.describe())
    } else {
        format!(
            "{count} change{} from {} to {}.",
            if count == 1 { "" } else { "s" },
            changes.before.describe(),
            changes.after.describe()
        )
    };
    view! {
        <div class=if chain.holds() { "lia-notice" } else { "lia-warning-banner" } id="lia-chain">
            <p>{chain.describe()}</p>
        </div>
        <p class="lia-body-text" id="lia-changes-summary">{summary}</p>
        {changes.sign_off_pending.then(|| view! {
            <p class="lia-hint">
                "The sign-off is done again for each version, so its answers are listed once this version has them."
            </p>
        })}
        <ChangesList groups />
    }
}

/// "What changed" for the open review, compared with the version it reviews as saved here.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let number = Memo::new(move |_| {
        state.open.with(|a| {
            a.as_ref().map_or(0, |a| {
                a.reviewed
                    .as_ref()
                    .map_or(a.version.saturating_sub(1), |r| r.version)
            })
        })
    });
    let heading = move || format!("What changed since version {}", number.get());
    page_title(move || Some(heading()));
    let found = Memo::new(move |_| {
        state.open.track();
        state.changes_since_previous()
    });
    view! {
        {nav_link(Route::Tasks, Some("lia-back-link"), "Back to the task list")}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{heading}</h1>
        {move || match found.get() {
            Some((changes, chain)) => view! { <ChangesBody changes chain /> }.into_any(),
            None if !state.open.with(|a| a.as_ref().is_some_and(|a| a.review_of.is_some())) => view! {
                <p>"This assessment is not a review of an earlier version, so there is nothing to compare it with."</p>
            }
            .into_any(),
            None => view! {
                <p>
                    {format!("Version {} is not saved in this browser, so there is nothing here to compare with. ", number.get())}
                    "Open both versions from their files as a register to see what changed."
                </p>
                <p>{nav_link(Route::Register, None, "Open several files")}</p>
            }
            .into_any(),
        }}
    }
}

/// "What changed" between two records of the register.
#[component]
pub fn RegisterChangesPage(review: usize, previous: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let found = Memo::new(move |_| {
        state.register.with(|r| {
            let changes = r.changes(previous, review)?;
            let chain = r.chain(review, previous)?;
            let title = r.entries()[review].row.title.clone();
            Some((changes, chain, title))
        })
    });
    let heading = move || {
        found.with(|f| match f {
            Some((changes, _, _)) => {
                format!("What changed since version {}", changes.before.version)
            }
            None => "What changed".to_string(),
        })
    };
    page_title(move || Some(heading()));
    view! {
        {nav_link(Route::Register, Some("lia-back-link"), "Back to the register")}
        {move || found.with(|f| f.as_ref().map(|(_, _, title)| view! { <span class="lia-caption">{title.clone()}</span> }))}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{heading}</h1>
        {move || match found.get() {
            Some((changes, chain, _)) => view! { <ChangesBody changes chain /> }.into_any(),
            None => view! {
                <p>"These records are no longer open. Open the files again in the register."</p>
            }
            .into_any(),
        }}
    }
}

/// On a review's task list and check page: the way to what changed.
#[component]
pub fn ChangesLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let number = Memo::new(move |_| {
        state.open.with(|a| {
            a.as_ref().filter(|a| a.review_of.is_some()).map(|a| {
                a.reviewed
                    .as_ref()
                    .map_or(a.version.saturating_sub(1), |r| r.version)
            })
        })
    });
    move || {
        number.get().map(|n| {
            view! {
                <p class="lia-changes-link">
                    <NavLink route=Route::Changes>{format!("See what changed since version {n}")}</NavLink>
                </p>
            }
        })
    }
}
