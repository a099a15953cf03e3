//! The requester's record: what was sent, when, where, and every answer, for printing or
//! saving as PDF from the confirmation page; the print and copy buttons the wizard shows.
//!
//! Printing inside a host page prints the app alone: while the app prints, `<html>` carries
//! `ft-printing` and each ancestor of the app `ft-print-path`, and the print styles
//! (`style/wizard.css`) hide everything off that path. The host's own print styles apply
//! whenever the app is not the one printing.

use crate::browser;
use crate::host::events::HostElement;
use crate::host::Config;
use crate::request::answer_list::AnswerList;
use crate::request::context::WizardContext;
use leptos::prelude::*;

const PRINTING: &str = "ft-printing";
const PRINT_PATH: &str = "ft-print-path";

/// Marks (or unmarks) `<html>` and the path from it to the app.
fn mark_print_path(on: bool) {
    let Some(HostElement(host)) = use_context::<HostElement>() else {
        return;
    };
    let mut element: Option<web_sys::Element> = Some(host.get_value().into());
    while let Some(current) = element {
        let classes = current.class_list();
        let class = if current.parent_element().is_none() {
            PRINTING
        } else {
            PRINT_PATH
        };
        let _ = if on {
            classes.add_1(class)
        } else {
            classes.remove_1(class)
        };
        element = current.parent_element();
    }
}

/// Opens the browser's print dialog on the app alone.
#[component]
pub fn PrintButton(label: impl Fn() -> &'static str + Send + Sync + 'static) -> impl IntoView {
    let owner = Owner::current();
    let unmark = move || {
        if let Some(owner) = &owner {
            owner.with(|| mark_print_path(false));
        }
    };
    let listener = window_event_listener_untyped("afterprint", move |_| unmark());
    on_cleanup(move || listener.remove());
    view! {
        <button type="button" class="ft-button ft-button--secondary ft-print-button" on:click=|_| {
            mark_print_path(true);
            browser::print();
        }>{label}</button>
    }
}

/// Copies `reference` to the clipboard and says so; where the clipboard is refused, selects
/// the reference for the reader to copy.
#[component]
pub fn CopyReference(reference: String) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let outcome = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let reference = reference.clone();
        leptos::task::spawn_local(async move {
            let copied = browser::copy_to_clipboard(&reference).await;
            if !copied {
                browser::select_contents("ft-reference");
            }
            outcome.set(Some(copied));
        });
    };
    view! {
        <div class="ft-copy">
            <button type="button" id="ft-copy-reference" class="ft-button ft-button--secondary" on:click=copy>
                {move || cx.text().sending.copy_reference}
            </button>
            <p class="ft-hint" id="ft-copy-status" role="status">
                {move || outcome.get().map(|copied| {
                    let s = &cx.text().sending;
                    if copied { s.copied } else { s.copy_by_hand }
                })}
            </p>
        </div>
    }
}

/// What was sent: when, where, and every answer (as the check page shows them, without
/// "Change" links). After a reload only the reference is left: the record says so.
#[component]
pub fn Record() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let host = endpoint_host(&expect_context::<Config>().endpoint);
    let s = move || &cx.text().sending;
    view! {
        <section class="ft-record" aria-labelledby="ft-record-title">
            <h2 id="ft-record-title">{move || s().record_title}</h2>
            {move || match cx.state.sent.get() {
                Some(sent) => {
                    let when = move || crate::i18n::format_date_time(cx.locale.get().intl(), sent.sent_at_ms);
                    let host = host.clone();
                    view! {
                        <p id="ft-sent-at">{move || s().sent_at(when())}</p>
                        <p id="ft-sent-to">{move || s().sent_to(&host)}</p>
                        <AnswerList draft=Signal::stored(sent.draft) ids="ft-record" change_links=false />
                    }
                    .into_any()
                }
                None => view! { <p id="ft-answers-not-kept">{move || s().answers_not_kept}</p> }.into_any(),
            }}
        </section>
    }
}

/// The host the endpoint names, resolved against the page (`/api/requests` → this site's).
fn endpoint_host(endpoint: &str) -> String {
    let base = browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(endpoint, &base)
        .map(|url| url.host())
        .unwrap_or_else(|_| endpoint.to_owned())
}
