//! Files the user downloads: made in the page as a Blob and saved through a temporary
//! link. Nothing is uploaded anywhere; the object URL is local to this page.

use wasm_bindgen::JsCast;

use super::browser;
use crate::assessment::Assessment;
use crate::export;
use crate::handover::Trust;

/// Saves `contents` as a file called `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    save_blob(name, mime, &parts)
}

/// Saves `bytes` as a file called `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    save_blob(name, mime, &parts)
}

fn save_blob(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not save the file".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("the page has no body")?;
    let _ = body.append_child(&link);
    link.click();
    let _ = body.remove_child(&link);
    // Let the download start before the URL goes.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The organisation's settings loaded here: the exports' findings include theirs.
fn settings() -> Option<std::sync::Arc<crate::organisation::Settings>> {
    use leptos::prelude::{use_context, GetUntracked};
    use_context::<crate::ui::state::AppState>().and_then(|s| s.org_settings.get_untracked())
}

/// The JSON export of an assessment, named as `export::file_name` says (its approval,
/// if any, verified against `trust` for the name).
pub fn download_json(a: &Assessment, trust: &Trust) -> Result<(), String> {
    let today = browser::today();
    let json = super::timing::measure("lia-export-json", || {
        export::to_json_under(a, &browser::now_iso(), Some(today), settings().as_deref())
    });
    download(
        &export::file_name(a, today, "json", trust),
        "application/json",
        &json,
    )
}

/// The printable HTML report, its approval verified against `trust`; for a review, with the changes since `previous` (the
/// version it reviews) as an appendix.
pub fn download_html(
    a: &Assessment,
    previous: Option<&Assessment>,
    trust: &Trust,
) -> Result<(), String> {
    let today = browser::today();
    let html = super::timing::measure("lia-export-html", || {
        export::to_html_with_previous(
            a,
            previous,
            &browser::now_iso(),
            Some(today),
            trust,
            settings().as_deref(),
        )
    });
    download(
        &export::file_name(a, today, "html", trust),
        "text/html",
        &html,
    )
}

/// A calendar file with a reminder of the assessment's review date, if it has one.
pub fn download_reminder(a: &Assessment, trust: &Trust) -> Result<(), String> {
    let reminder = crate::register::ics::Reminder::of(a)
        .ok_or_else(|| "the assessment has no review date".to_string())?;
    let text = crate::register::ics::calendar(&[reminder], &browser::now_iso());
    download(
        &export::file_name(a, browser::today(), "ics", trust),
        "text/calendar",
        &text,
    )
}

/// The Word document; for a review, with the changes since `previous` as an appendix.
pub fn download_docx(
    a: &Assessment,
    previous: Option<&Assessment>,
    trust: &Trust,
) -> Result<(), String> {
    let today = browser::today();
    let bytes = super::timing::measure("lia-export-docx", || {
        export::to_docx_with_previous(
            a,
            previous,
            &browser::now_iso(),
            Some(today),
            trust,
            settings().as_deref(),
        )
    });
    download_bytes(
        &export::file_name(a, today, "docx", trust),
        export::DOCX_MIME,
        &bytes,
    )
}

/// The OpenDocument text; for a review, with the changes since `previous` as an appendix.
pub fn download_odt(
    a: &Assessment,
    previous: Option<&Assessment>,
    trust: &Trust,
) -> Result<(), String> {
    let today = browser::today();
    let bytes = super::timing::measure("lia-export-odt", || {
        export::to_odt(
            a,
            previous,
            &browser::now_iso(),
            Some(today),
            trust,
            settings().as_deref(),
        )
    });
    download_bytes(
        &export::file_name(a, today, "odt", trust),
        export::ODT_MIME,
        &bytes,
    )
}

/// The hand-over's HTML report as it stands (sent for approval, returned or approved),
/// named as `export::handover_file_name` says; returns the name.
pub fn download_handover(a: &Assessment, trust: &Trust) -> Result<String, String> {
    let today = browser::today();
    let html = export::to_html_with_previous(
        a,
        None,
        &browser::now_iso(),
        Some(today),
        trust,
        settings().as_deref(),
    );
    let name = export::handover_file_name(a, today, trust);
    download(&name, "text/html", &html).map(|()| name)
}
