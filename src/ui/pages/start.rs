//! The start page: what an LIA is, and the privacy promise.

use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <main class="lia-page" id="lia-main">
            <h1>"Legitimate interests assessment"</h1>
            <p class="lia-lead">
                "Before you rely on legitimate interests as your lawful basis under UK GDPR, you "
                "must show that your purpose is legitimate, that the processing is necessary for "
                "it, and that people's interests do not override it. This tool walks you through "
                "those three tests, checks your answers as you go and produces a record you can file."
            </p>
            <p class="lia-promise">
                <strong>"Everything you type stays in this browser. Nothing is sent anywhere."</strong>
            </p>
        </main>
    }
}
