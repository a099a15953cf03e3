//! Which wizard page an address draws. A deep link past an unanswered question lands on the
//! first question that still needs answers; the review needs every answer.
//!
//! The later questions' fields, and the review with the confirmation, are two pieces of the
//! build of their own, fetched when first shown ([`crate::piece`]).

use crate::piece::drawn;
use crate::request::check::closing;
use crate::request::context::provide_wizard_context;
use crate::request::question::QuestionPage;
use crate::request::start::RequestStart;
use crate::request::steps::step_fields;
use crate::shell::{Address, NotFound, Place};
use leptos::prelude::*;

#[component]
pub fn WizardPage(page: Address) -> impl IntoView {
    let cx = provide_wizard_context();
    cx.state.forget_if_expired();
    let first_incomplete = cx.state.first_incomplete.get_untracked();
    let locale = cx.locale.get_untracked();
    match page {
        Address::WizardStart { .. } => view! { <RequestStart /> }.into_any(),
        Address::Confirmation { .. } => drawn(closing(page)),
        Address::Step { step, changing, .. } => match first_incomplete {
            Some(first) if first < step => redirect(Address::step(locale, first)),
            _ => drawn(async move {
                let fields = step_fields(step).await?;
                Ok(view! { <QuestionPage step changing fields /> }.into_any())
            }),
        },
        Address::Check { .. } => match first_incomplete {
            Some(first) => redirect(Address::step(locale, first)),
            None => drawn(closing(page)),
        },
        _ => view! { <NotFound /> }.into_any(),
    }
}

fn redirect(to: Address) -> AnyView {
    Place::current().replace(&to);
    ().into_any()
}
