//! Which wizard page an address draws. A deep link past an unanswered question lands on the
//! first question that still needs answers; the review needs every answer.

use crate::request::check::CheckAnswers;
use crate::request::confirmation::Confirmation;
use crate::request::context::provide_wizard_context;
use crate::request::question::QuestionPage;
use crate::request::start::RequestStart;
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
        Address::Confirmation { .. } => view! { <Confirmation /> }.into_any(),
        Address::Step { step, changing, .. } => match first_incomplete {
            Some(first) if first < step => redirect(Address::step(locale, first)),
            _ => view! { <QuestionPage step changing /> }.into_any(),
        },
        Address::Check { .. } => match first_incomplete {
            Some(first) => redirect(Address::step(locale, first)),
            None => view! { <CheckAnswers /> }.into_any(),
        },
        _ => view! { <NotFound /> }.into_any(),
    }
}

fn redirect(to: Address) -> AnyView {
    Place::current().replace(&to);
    ().into_any()
}
