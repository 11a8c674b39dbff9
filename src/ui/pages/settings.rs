//! The organisation's settings (`#/settings`): what the settings loaded here add (the
//! host page's, or a file chosen here), and choosing, downloading and removing a file.
//! Whether a file may be used is the core's (`organisation::read`, like a file from
//! outside; `session::KeptSettings` for the one kept here); `AppState` uses it.

use leptos::prelude::*;

use crate::assessment::model::{Risk, YesNo};
use crate::assessment::Section;
use crate::organisation::{read::MAX_BYTES, Kind, Settings, When};
use crate::route::Route;
use crate::session::Protection;
use crate::ui::components::button::button;
use crate::ui::components::downloads::{download_button, Download};
use crate::ui::components::error_message::error_message;
use crate::ui::components::error_summary::{error_summary, ErrorItem};
use crate::ui::components::passphrase::UnlockForm;
use crate::ui::components::summary_row::summary_row;
use crate::ui::page_title::page_title;
use crate::ui::read_files::{Read, Reader};
use crate::ui::state::{AppState, Chosen};

const INPUT_ID: &str = "lia-settings-file";
const ERRORS: &str = "lia-settings-errors";
const DONE: &str = "lia-settings-done";

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    page_title(|| Some("Your organisation's settings".into()));
    let host = state.host_gives_settings();
    view! {
        {button("lia-back-link lia-link-button", "Back to the start page", move || state.navigate(Route::Start))}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Your organisation's settings"</h1>
        <p>"An organisation can give this tool a settings file. It adds the organisation's own \
            questions, asked after the ICO's in each section; checks on their answers, shown with \
            the tool's own findings; the approvers whose signatures it trusts; its review policy; \
            questions added to the screening for a data protection impact assessment (DPIA); and \
            what a new assessment starts with, such as the organisation's name. It never removes \
            or changes the ICO's questions."</p>
        {move || {
            // Where they came from changes without the settings changing (kept once a
            // passphrase is set).
            state.chosen.track();
            state.org_settings.get().map_or_else(
                || paragraph("lia-settings-none", "No settings are loaded: the tool asks only the ICO's questions."),
                |settings| loaded(state, &settings),
            )
        }}
        <h2 class="lia-heading-l">"Make or change a settings file"</h2>
        <p>"Add, order and remove your organisation's questions and checks, try them on an \
            example assessment, and download the file: no JSON to write by hand."</p>
        <p>{crate::ui::components::nav_link::nav_link(Route::SettingsEdit, None, "Edit these settings, or start new ones")}</p>
        {if host {
            paragraph("lia-settings-host", "These settings are given by the page this tool is part of: they are your \
                organisation's, and cannot be replaced or removed here. If none are shown, its settings \
                file could not be used; whoever looks after that page can see why in the browser's console.")
        } else {
            view! { <ChooseFile /> }.into_any()
        }}
    }
}

/// `<p id=id>text</p>`.
#[inline(never)]
fn paragraph(id: &'static str, text: &'static str) -> AnyView {
    view! { <p id=id>{text}</p> }.into_any()
}

/// Where the settings in use came from, and how they are kept.
fn source(state: AppState) -> String {
    if state.host_gives_settings() {
        return "The page this tool is part of".into();
    }
    let sealed = state.storage.protection.get_untracked() == Protection::On;
    match state.chosen.get_untracked() {
        Chosen::Kept(_) if sealed => {
            "A file chosen here, kept in this browser sealed with your passphrase".into()
        }
        Chosen::Kept(_) => "A file chosen here, kept in this browser without a passphrase: another page of this site could change it. Set a passphrase on the start page to seal it.".into(),
        Chosen::NotKept(_, why) => format!("A file chosen here, not kept. {why}"),
        _ => String::new(),
    }
}

/// A summary list: each row a key and its value.
#[inline(never)]
fn summary(id: Option<&'static str>, rows: Vec<(&'static str, String)>) -> AnyView {
    view! {
        <dl class="lia-summary-list" id=id>
            {rows.into_iter().map(|(key, value)| {
                summary_row(key.into(), Some("lia-summary-list__value lia-break"), value.into_any())
            }).collect_view()}
        </dl>
    }
    .into_any()
}

/// A titled list ("None." when empty).
#[inline(never)]
fn listed(title: &'static str, items: Vec<String>) -> AnyView {
    let list = if items.is_empty() {
        view! { <p>"None."</p> }.into_any()
    } else {
        view! { <ul class="lia-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
    };
    view! { <h3 class="lia-heading-m">{title}</h3> {list} }.into_any()
}

fn or_none(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "None".into())
}

/// What the settings add, for the page.
fn loaded(state: AppState, s: &Settings) -> AnyView {
    // The first 16 hexadecimal digits, in groups of four.
    let digest: Vec<&str> = (0..4)
        .filter_map(|i| s.digest.get(i * 4..i * 4 + 4))
        .collect();
    let questions = Section::ALL
        .into_iter()
        .flat_map(|section| {
            s.questions
                .iter()
                .filter(move |q| q.section == section)
                .map(move |q| {
                    let kind = match &q.kind {
                        Kind::Text => "a text answer".to_string(),
                        Kind::YesNo => "yes or no".to_string(),
                        Kind::Choice(options) => {
                            let labels: Vec<&str> =
                                options.iter().map(|(_, l)| l.as_str()).collect();
                            format!("one of: {}", labels.join("; "))
                        }
                    };
                    let required = if q.required { "required" } else { "optional" };
                    format!("{}: {} ({kind}; {required})", section.title(), q.label)
                })
        })
        .collect();
    let checks = s
        .checks
        .iter()
        .map(|c| {
            let question = s.questions.iter().find(|q| q.id == c.question);
            let label = question.map_or(c.question.as_str(), |q| q.label.as_str());
            let answer = match &c.when {
                When::Unanswered => "is not answered".to_string(),
                When::Answered => "is answered".to_string(),
                When::Is(value) => {
                    let option = question.and_then(|q| match &q.kind {
                        Kind::Choice(options) => options
                            .iter()
                            .find(|(id, _)| id == value)
                            .map(|(_, l)| l.as_str()),
                        _ => YesNo::from_key(value).map(YesNo::label),
                    });
                    format!("is answered “{}”", option.unwrap_or(value))
                }
            };
            format!(
                "{}: {} (when “{label}” {answer})",
                c.severity.label(),
                c.message
            )
        })
        .collect();
    let screening = s
        .policy
        .screening
        .iter()
        .map(|q| format!("{} (a “yes” means a DPIA is needed)", q.label))
        .collect();
    let mut approvers: Vec<String> = s
        .approvers
        .cards
        .iter()
        .map(|card| format!("{}. Fingerprint: {}", card.signer().who(), card.fingerprint))
        .collect();
    approvers.push(
        if s.approvers.self_approval {
            "An author may approve their own assessment."
        } else {
            "An author may not approve their own assessment."
        }
        .into(),
    );
    let review = s
        .policy
        .max_review_months
        .map(|months| format!("At most {months} months after the assessment is completed"));
    let consult = s.policy.consult.as_ref().map(|c| {
        let risk = match c.at_least {
            Risk::High => "high",
            _ => "medium or high",
        };
        format!(
            "{}, when the risk to people after safeguards is {risk}",
            c.who
        )
    });
    let d = &s.defaults;
    view! {
        <h2 class="lia-heading-l">"The settings loaded"</h2>
        {summary(Some("lia-settings-loaded"), vec![
            ("Name", s.name.clone()),
            ("Revision", s.revision.clone()),
            ("Digest", format!("{} (the start of the fingerprint of their content: an assessment made under them records the whole of it)", digest.join(" "))),
            ("From", source(state)),
        ])}
        <h2 class="lia-heading-l">"What they add"</h2>
        {[
            ("Questions", questions),
            ("Checks on their answers", checks),
            ("DPIA screening questions", screening),
            ("Approvers they trust", approvers),
        ].into_iter().map(|(title, items)| listed(title, items)).collect_view()}
        <h3 class="lia-heading-m">"Policy and defaults"</h3>
        {summary(None, vec![
            ("Next review", or_none(&review)),
            ("Who to consult", or_none(&consult)),
            ("Organisation", or_none(&d.organisation)),
            ("Data protection officer", or_none(&d.dpo_contact)),
            ("Privacy notice", or_none(&d.privacy_notice_title)),
            ("Privacy notice address", or_none(&d.privacy_notice_url)),
        ])}
    }
    .into_any()
}

/// The text of the file chosen here, to download as chosen.
fn chosen_text(state: AppState, _: &str) -> Option<String> {
    state.chosen.with_untracked(|c| c.text().map(String::from))
}

/// Choosing a file, and the file chosen here: refused, kept, or sealed until the
/// passphrase is given.
#[component]
fn ChooseFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors: RwSignal<Vec<ErrorItem>> = RwSignal::new(Vec::new());
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let problem = |message: String| ErrorItem {
        message,
        target: Some(INPUT_ID.into()),
    };
    let refuse = move |name: String, items: Vec<ErrorItem>| {
        failed.set(Some(format!(
            "“{name}” is not a settings file this tool can use, so the settings in use have not changed. What is wrong with it is listed at the top of this part of the page."
        )));
        done.set(None);
        errors.set(items);
        state.focus(ERRORS);
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Choosing the same file again reads it again.
        input.set_value("");
        leptos::task::spawn_local(async move {
            let mut reader = Reader::new(vec![file], MAX_BYTES);
            let Some((name, read)) = reader.next().await.and_then(|b| b.into_iter().next()) else {
                return;
            };
            let text = match read {
                Read::Bytes(bytes) => String::from_utf8(bytes).map_err(|_| "it is not text (a settings file is JSON, in UTF-8)".to_string()),
                Read::TooLarge(_) => Err(format!("it is larger than a settings file can be ({} KB at most)", MAX_BYTES / 1024)),
                Read::Unreadable => Err("this browser could not read it (it may have been moved or changed since it was chosen)".to_string()),
            };
            let outcome = text
                .map_err(|why| vec![problem(format!("The file: {why}"))])
                .and_then(|text| {
                    state
                        .choose_settings(text)
                        .map_err(|all| all.iter().map(|p| problem(p.to_string())).collect())
                });
            match outcome {
                Ok(()) => {
                    errors.set(Vec::new());
                    failed.set(None);
                    done.set(Some(format!("The settings in “{name}” are now used. New assessments are made under them; assessments already started keep the answers they have.")));
                    state.focus(DONE);
                }
                Err(items) => refuse(name, items),
            }
        });
    };
    let remove = move || match state.remove_settings() {
        Ok(()) => {
            done.set(Some(
                "The settings chosen here are removed: the tool works without settings.".into(),
            ));
            state.focus(DONE);
        }
        Err(why) => done.set(Some(why)),
    };
    // The file chosen here: sealed until the passphrase is given; or refused (why, every
    // problem, and removing it); or in use (downloading and removing it).
    let kept = move || {
        let chosen = state.chosen.get();
        if chosen == Chosen::Locked {
            return view! {
                <p>"A settings file is kept in this browser, sealed with your passphrase. Give your passphrase to use it."</p>
                <UnlockForm />
            }
            .into_any();
        }
        let (why, problems) = match chosen {
            Chosen::Refused(why, problems) => (Some(why), problems),
            Chosen::None => return ().into_any(),
            _ => (None, Vec::new()),
        };
        view! {
            {why.map(|why| view! {
                <div class="lia-warning-text" id="lia-settings-refused" role="alert">
                    <p><strong>{why}</strong></p>
                    <ul class="lia-list">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="lia-button-group">
                {why.is_none().then(|| download_button(Download::Text { name: "lia-settings.json".into(), mime: "application/json", text: chosen_text, key: String::new() }, "Download the settings file"))}
                {button("lia-button lia-button--secondary", "Remove these settings", remove)}
            </div>
        }
        .into_any()
    };
    view! {
        <h2 class="lia-heading-l">"Choose a settings file"</h2>
        {error_summary(ERRORS, errors)}
        {move || done.get().map(|message| view! { <p class="lia-notice" id=DONE tabindex="-1" role="status">{message}</p> })}
        {kept}
        <div class=move || if failed.with(Option::is_some) { "lia-field lia-field--error" } else { "lia-field" }>
            <label class="lia-label" for=INPUT_ID>"Choose a settings file"</label>
            <div class="lia-hint" id="lia-settings-file-hint">
                "A settings file (JSON) from your organisation, up to 512 KB. It is read in this browser "
                "and not sent anywhere. If it can be used, it replaces the settings in use now and is kept "
                "in this browser until you choose another or remove it: sealed with your passphrase if you "
                "set one."
            </div>
            {move || failed.get().map(|message| error_message(Some("lia-settings-file-error".into()), message))}
            <input class="lia-file-upload" type="file" id=INPUT_ID accept=".json,application/json"
                aria-describedby=move || if failed.with(Option::is_some) { "lia-settings-file-hint lia-settings-file-error" } else { "lia-settings-file-hint" }
                on:change=on_change />
        </div>
    }
}

/// The input element an event came from.
fn event_target(ev: &leptos::ev::Event) -> web_sys::HtmlInputElement {
    use wasm_bindgen::JsCast;
    ev.target()
        .expect("a change event has a target")
        .unchecked_into()
}
