//! What stands under every wizard page: where answers are kept (and the reader's choice to
//! keep them on this device), and "Delete my answers".

use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::state::{DraftStatus, OtherTab};
use crate::shell::{Address, Place};
use leptos::prelude::*;

#[component]
pub fn DraftNotice() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    view! {
        <div class="ft-draft-notice" role="status">
            {move || match cx.state.status.get() {
                DraftStatus::Saved if cx.state.remembered.get() => view! {
                    <p class="ft-hint">{cx.text().kept_on_device(expiry_date(cx))}</p>
                }
                .into_any(),
                DraftStatus::Saved => view! { <p class="ft-hint">{cx.text().kept_in_tab}</p> }.into_any(),
                DraftStatus::NotKept => view! {
                    <p class="ft-callout ft-callout--warning">{cx.text().draft_unavailable}</p>
                }
                .into_any(),
            }}
            {move || cx.state.discarded.get().then(|| view! { <p class="ft-hint">{cx.text().draft_discarded}</p> })}
            {move || cx.state.other_tab.get().map(|what| {
                let text = match what {
                    OtherTab::Changed => cx.text().changed_in_other_tab,
                    OtherTab::Removed => cx.text().removed_in_other_tab,
                };
                view! { <p class="ft-callout ft-callout--warning" id="ft-other-tab">{text}</p> }
            })}
        </div>
    }
}

/// The day the answers will be forgotten, in the reader's words.
fn expiry_date(cx: WizardContext) -> String {
    let at = cx.state.env.date_at(cx.state.expires_at());
    crate::i18n::format_date(cx.locale.get().intl(), at.year, at.month, at.day)
}

/// "Remember my answers on this device until DATE": off by default, offered where the
/// deployment leaves the choice to the reader. Unticking moves the answers back to the tab.
#[component]
pub fn RememberChoice() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    (cx.state.can_remember()).then(|| {
        view! {
            <div class="ft-checkbox ft-remember">
                <input
                    class="ft-checkbox__input"
                    type="checkbox"
                    id="ft-remember"
                    aria-describedby="ft-remember-hint"
                    prop:checked=move || cx.state.remembered.get()
                    on:change=move |ev| {
                        let checked = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                        cx.state.remembered.set(checked);
                    }
                />
                <label class="ft-checkbox__label" for="ft-remember">
                    {move || cx.text().remember(expiry_date(cx))}
                </label>
                <div id="ft-remember-hint" class="ft-hint ft-checkbox__hint">{move || cx.text().remember_hint}</div>
            </div>
        }
    })
}

/// "Delete my answers", with a confirmation before anything is deleted: from the tab and
/// the device.
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
