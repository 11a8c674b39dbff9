//! The root component: owns the app's state and chooses the page to show.

use leptos::prelude::*;

use super::pages::start::StartPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="lia">
            <StartPage />
        </div>
    }
}
