//! "There is a problem": every error of the page, each linking to (and focusing) its field.

use crate::request::context::WizardContext;
use fasttrack_model::Step;
use leptos::prelude::*;

pub const SUMMARY_ID: &str = "ft-error-summary";

/// Shows the errors recorded for `step` (`None`: the review page).
#[component]
pub fn ErrorSummary(step: Option<Step>) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let errors = move || {
        cx.state.errors.with(|e| match e {
            Some((s, list)) if *s == step => list.clone(),
            _ => Vec::new(),
        })
    };
    move || {
        let list = errors();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|e| {
                    let id = e.field.id();
                    view! {
                        <li>
                            <a href=crate::browser::on_this_page(id) on:click=move |ev| {
                                ev.prevent_default();
                                crate::browser::focus(id);
                            }>{cx.message(&e)}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="ft-error-summary" id=SUMMARY_ID tabindex="-1" aria-labelledby="ft-error-summary-title">
                    <div role="alert">
                        <h2 id="ft-error-summary-title" class="ft-error-summary__title">
                            {cx.text().error_summary_title}
                        </h2>
                        <ul class="ft-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}
