//! `/LOCALE/request/confirmation`: the reference (to copy), the requester's record (to print
//! or save), what happens next, and ways on. Survives a reload (the reference is kept in
//! storage; the answers are not).

use crate::request::arrival::{tell_host, title_effect, CONFIRMATION};
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::record::{CopyReference, PrintButton, Record};
use crate::shell::{Address, Place};
use leptos::prelude::*;

#[component]
pub fn Confirmation() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    let locale = cx.locale.get_untracked();
    let Some(reference) = cx.state.confirmation.get_untracked() else {
        place.replace(&Address::WizardStart { locale });
        return ().into_any();
    };
    title_effect(cx, |t| t.sending.confirmation_title, || false);
    tell_host(cx, CONFIRMATION, None);
    let sending = &cx.text_untracked().sending;
    crate::shell::Announcer::say(if reference.is_empty() {
        format!("{}: {}", sending.confirmation_title, sending.no_reference)
    } else {
        format!("{}: {reference}", sending.confirmation_title)
    });
    focus_later("ft-step-heading");
    let s = move || &cx.text().sending;
    let to_copy = (!reference.is_empty()).then(|| reference.clone());
    let guide_href = place.href(&Address::guide(locale));
    let new_href = place.href(&Address::first_step(locale));
    view! {
        <div class="ft-wizard">
            <div class="ft-panel">
                <h1 id="ft-step-heading" tabindex="-1" class="ft-panel__title">{move || s().confirmation_title}</h1>
                {if reference.is_empty() {
                    // Accepted, but the backend gave no reference: say so, and offer no resend.
                    view! { <p class="ft-panel__body" id="ft-no-reference">{move || s().no_reference}</p> }.into_any()
                } else {
                    view! {
                        <div class="ft-panel__body">
                            {move || s().reference_label}
                            <br />
                            <strong id="ft-reference">{reference}</strong>
                        </div>
                    }
                    .into_any()
                }}
            </div>
            {to_copy.map(|reference| view! { <CopyReference reference /> })}
            <p class="ft-no-print">{move || s().keep_record}</p>
            <PrintButton label=move || cx.text().sending.print_record />
            <Record />
            <h2>{move || s().next_heading}</h2>
            <p>{move || s().next_text}</p>
            <ul class="ft-list ft-no-print">
                <li><a href=new_href>{move || s().new_request}</a></li>
                <li><a href=guide_href>{move || s().back_to_guide}</a></li>
            </ul>
        </div>
    }
    .into_any()
}
