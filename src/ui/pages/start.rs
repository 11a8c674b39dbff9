//! The start page: what an LIA is and when you need one, the privacy promise, the saved
//! assessments, and the ways to begin.

use leptos::prelude::*;

use crate::assessment::examples::EXAMPLES;
use crate::assessment::{Assessment, Section, Status};
use crate::route::Route;
use crate::ui::browser;
use crate::ui::components::layout::PROMISE;
use crate::ui::library::Summary;
use crate::ui::state::AppState;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let first_section = Route::Section {
        section: Section::About,
        from_check: false,
    };
    let start_new = {
        let route = first_section.clone();
        move |_| state.start(Assessment::new(browser::new_id()), route.clone())
    };
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

        <h2 class="lia-heading-l">"Your assessments"</h2>
        <SavedList />
        <button type="button" class="lia-button" on:click=start_new>"Start a new assessment"</button>

        <h2 class="lia-heading-l">"Start from an example"</h2>
        <p>"Each example is a complete assessment you can read and change. Your copy is saved as a new assessment."</p>
        <ul class="lia-examples">
            {EXAMPLES
                .iter()
                .map(|example| {
                    let route = Route::Tasks;
                    view! {
                        <li class="lia-example">
                            <h3 class="lia-heading-s">{example.title}</h3>
                            <p>{example.summary}</p>
                            <button
                                type="button"
                                class="lia-button lia-button--secondary"
                                aria-label=format!("Start from this example: {}", example.title)
                                on:click=move |_| state.start((example.build)(&browser::new_id()), route.clone())
                            >
                                "Start from this example"
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn status_text(summary: &Summary) -> String {
    match summary.status {
        Status::Draft => format!("Draft (version {})", summary.version),
        Status::Approved => format!("Approved (version {})", summary.version),
    }
}

/// The saved assessments, most recently changed first.
#[component]
fn SavedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    move || {
        let list = state.summaries.get();
        if list.is_empty() {
            return view! { <p>"You have no saved assessments in this browser yet."</p> }
                .into_any();
        }
        view! {
            <table class="lia-table">
                <caption class="lia-visually-hidden">"Saved assessments"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Assessment"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col">"Review due"</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|summary| {
                            let id = summary.id.clone();
                            let href = Route::Tasks.to_hash(Some(&summary.id));
                            let overdue = summary.review_due.is_some_and(|d| d < today);
                            view! {
                                <tr>
                                    <td>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                state.open_by_id(&id, Route::Tasks);
                                            }
                                        >
                                            {summary.title.clone()}
                                        </a>
                                    </td>
                                    <td>{status_text(&summary)}</td>
                                    <td>{browser::describe_time(summary.saved_at)}</td>
                                    <td>
                                        {summary.review_due.map_or("Not set".to_string(), |d| d.long())}
                                        {overdue.then(|| view! { " " <strong class="lia-tag lia-tag--red">"Overdue"</strong> })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
