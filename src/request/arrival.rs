//! What happens when a wizard page appears: the document's title (standalone only), the host's
//! `fasttrack:step` event, and the sentence the live region announces.

use crate::browser;
use crate::host::Config;
use crate::i18n::WizardText;
use crate::request::context::WizardContext;
use fasttrack_model::Step;
use leptos::prelude::*;

/// The page names hosts see in `fasttrack:step` besides the step slugs.
pub const START: &str = "start";
pub const CHECK: &str = "check";
pub const CONFIRMATION: &str = "confirmation";

/// Tells the host which wizard page is showing (`fasttrack:step`): `page` is a step's slug or
/// one of [`START`], [`CHECK`], [`CONFIRMATION`].
pub fn tell_host(cx: WizardContext, page: &str, step: Option<Step>) {
    crate::host::events::emit("fasttrack:step", || {
        [
            ("page", page.into()),
            // The documented contract says null outside the five question pages.
            (
                "step",
                step.map_or(wasm_bindgen::JsValue::NULL, |s| s.number().into()),
            ),
            ("locale", cx.locale.get_untracked().tag().into()),
        ]
    });
}

/// Sets the document title in standalone mode, prefixed with "Error: " when errors show.
pub fn title_effect(
    cx: WizardContext,
    heading: impl Fn(&'static WizardText) -> &'static str + 'static,
    has_errors: impl Fn() -> bool + 'static,
) {
    let config = expect_context::<Config>();
    if !config.standalone {
        return;
    }
    Effect::new(move |_| {
        let text = cx.text();
        let prefix = if has_errors() {
            text.error_title_prefix
        } else {
            ""
        };
        browser::set_document_title(&format!("{prefix}{}", titled(text, heading(text))));
    });
}

/// A wizard page's document title: its heading, then the wizard's.
fn titled(text: &WizardText, heading: &str) -> String {
    format!("{heading} – {}", text.title)
}

/// The document title of a question's page (the build-time prerender's too).
pub fn question_title(text: &WizardText, step: Step) -> String {
    titled(text, text.steps.get(step).question)
}

/// "Step 2 of 5" in the reader's numbers.
pub fn progress(cx: WizardContext, step: Step) -> String {
    let locale = cx.locale.get();
    cx.text()
        .step_of(locale.number(step.number()), locale.number(Step::ALL.len()))
}
