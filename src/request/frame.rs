//! What stands under every wizard page: whether answers are being kept, and "Start again".

use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::state::DraftStatus;
use crate::shell::{Address, Place};
use leptos::prelude::*;

#[component]
pub fn DraftNotice() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    view! {
        <div class="ft-draft-notice" role="status">
            {move || match cx.state.status.get() {
                DraftStatus::Saved => view! { <p class="ft-hint">{cx.text().draft_saved}</p> }.into_any(),
                DraftStatus::NotKept => view! {
                    <p class="ft-callout ft-callout--warning">{cx.text().draft_unavailable}</p>
                }
                .into_any(),
            }}
            {move || cx.state.discarded.get().then(|| view! { <p class="ft-hint">{cx.text().draft_discarded}</p> })}
        </div>
    }
}

/// "Start again", with a confirmation before anything is deleted.
#[component]
pub fn StartAgain() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    let confirming = RwSignal::new(false);
    let ask = move |_| {
        confirming.set(true);
        focus_later("ft-start-again-warning");
    };
    let cancel = move |_| {
        confirming.set(false);
        focus_later("ft-start-again");
    };
    let confirm = move |_| {
        cx.state.clear();
        confirming.set(false);
        place.go(&Address::first_step(cx.locale.get_untracked()));
    };
    view! {
        <div class="ft-start-again">
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" id="ft-start-again" class="ft-button ft-button--secondary" on:click=ask>
                        {move || cx.text().start_again}
                    </button>
                }
            >
                <div class="ft-confirm" role="group" aria-labelledby="ft-start-again-warning">
                    <p id="ft-start-again-warning" tabindex="-1">{move || cx.text().start_again_warning}</p>
                    <div class="ft-button-group">
                        <button type="button" class="ft-button ft-button--warning" on:click=confirm>
                            {move || cx.text().start_again_confirm}
                        </button>
                        <button type="button" class="ft-button ft-button--secondary" on:click=cancel>
                            {move || cx.text().cancel}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
