//! "Request assistance for Microsoft 365".

use crate::config::Config;
use crate::shell::CurrentLocale;
use leptos::prelude::*;

#[component]
pub fn RequestPage() -> impl IntoView {
    let CurrentLocale(locale) = expect_context::<CurrentLocale>();
    let config = expect_context::<Config>();
    move || {
        let ui = locale.get().ui();
        let back = config.href(&format!("/{}/", locale.get().tag()));
        view! {
            <h1>{ui.request_page.title}</h1>
            <p>{ui.request_page.intro}</p>
            <p><a href=back>{ui.request_page.back_to_guide}</a></p>
        }
    }
}
