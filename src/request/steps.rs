//! The five question pages' fields. Each step shows only what earlier answers make relevant.

use crate::i18n::Choice;
use crate::piece::{piece, Unavailable};
use crate::request::context::{lens, WizardContext};
use crate::request::controls::*;
use crate::request::names::{language_options, region_options};
use fasttrack_model::{limits, CustomerIdKind, Field, Product, RequesterKind, Step, YES_NO};

/// The two answers of "the same as the requester?", as the draft keeps them.
const YES: &str = YES_NO[0];
const NO: &str = YES_NO[1];
use leptos::prelude::*;

/// Fetches the piece of the page after `step`'s (the later questions, or the review), so that
/// Continue need not wait for it. (A piece already here, or no `split` feature: nothing to do.)
pub fn prefetch_after(step: Step) {
    leptos::task::spawn_local(async move {
        let _ = match step.next() {
            Some(_) => fetch_later_fields().await.map_err(drop),
            None => crate::request::check::fetch_closing().await.map_err(drop),
        };
    });
}

/// The fields of `step`. The first question's are in the build's first piece (readers arrive
/// there); the later questions' are one piece of their own.
pub async fn step_fields(step: Step) -> Result<AnyView, Unavailable> {
    match step {
        Step::About => Ok(view! { <AboutFields /> }.into_any()),
        later => later_fields(later).await,
    }
}

piece!(later_fields in questions, prefetch fetch_later_fields: fn(step: Step) {
    match step {
        Step::About => view! { <AboutFields /> }.into_any(),
        Step::Services => view! { <ServicesFields /> }.into_any(),
        Step::Organisation => view! { <OrganisationFields /> }.into_any(),
        Step::Requester => view! { <RequesterFields /> }.into_any(),
        Step::Contacts => view! { <ContactsFields /> }.into_any(),
    }
});

#[component]
fn AboutFields() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let kinds = Signal::derive(move || {
        let choices = &cx.text().requester_kinds;
        RequesterKind::ALL
            .iter()
            .map(|&kind| radio(kind.code(), choices.get(kind)))
            .collect()
    });
    let id_kinds = Signal::derive(move || {
        let choices = &cx.text().customer_id_kinds;
        CustomerIdKind::ALL
            .iter()
            .map(|&kind| radio(kind.code(), choices.get(kind)))
            .collect()
    });
    let is_partner = move || cx.state.draft.with(|d| d.is_partner());
    let has_id_kind = move || {
        cx.state
            .draft
            .with(|d| CustomerIdKind::from_code(&d.customer_id_kind).is_some())
    };
    view! {
        <RadioGroup field=Field::RequesterKind lens=lens!(requester_kind) options=kinds />
        <Show when=is_partner>
            <div class="ft-conditional">
                <RadioGroup field=Field::CustomerIdKind lens=lens!(customer_id_kind) options=id_kinds />
                <Show when=has_id_kind>
                    <TextField field=Field::CustomerId lens=lens!(customer_id) class="ft-input ft-input--wide" />
                </Show>
            </div>
        </Show>
    }
}

fn radio(value: &'static str, choice: &Choice) -> RadioOption {
    RadioOption {
        value,
        label: choice.label,
        hint: choice.hint,
    }
}

#[component]
fn ServicesFields() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    // The browser's date picker starts after today; the rule itself is in the model.
    let tomorrow = cx.state.env.today().next_day().to_string();
    // Product names are Microsoft's and are not translated.
    let products = Product::ALL
        .iter()
        .map(|p| CheckboxOption {
            value: p.code(),
            label: p.english_name(),
        })
        .collect();
    view! {
        <CheckboxGroup
            field=Field::Products
            options=products
            is_checked=|d, code| d.products.iter().any(|p| p == code)
            set=|d, code, chosen| {
                if let Some(product) = Product::from_code(code) {
                    d.set_product(product, chosen);
                }
            }
            columns=true
        />
        <DateField field=Field::DeploymentDate lens=lens!(deployment_date) min=tomorrow />
        <fieldset class="ft-fieldset ft-field">
            <legend class="ft-legend">{move || cx.text().options_heading}</legend>
            <div class="ft-checkboxes">
                <Checkbox
                    id="data-migration"
                    label=Signal::derive(move || cx.text().data_migration.label)
                    hint=Signal::derive(move || cx.text().data_migration.hint)
                    get=|d| d.data_migration
                    set=|d, v| d.data_migration = v
                />
                <Checkbox
                    id="user-adoption"
                    label=Signal::derive(move || cx.text().user_adoption.label)
                    hint=Signal::derive(move || cx.text().user_adoption.hint)
                    get=|d| d.user_adoption
                    set=|d, v| d.user_adoption = v
                />
            </div>
        </fieldset>
    }
}

#[component]
fn OrganisationFields() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let regions = Memo::new(move |_| region_options(cx.locale.get()));
    let languages = Signal::derive(move || language_options(cx.locale.get()));
    view! {
        <TextField field=Field::ProjectName lens=lens!(project_name) class="ft-input ft-input--wide" />
        <SelectField field=Field::ServiceLocation lens=lens!(service_location) options=Signal::from(regions) />
        <SelectField field=Field::Language lens=lens!(language) options=languages />
        <TextField field=Field::Licences lens=lens!(licences) inputmode="numeric" class="ft-input ft-input--short" />
        <TextArea field=Field::Comments lens=lens!(comments) max=limits::COMMENTS optional=true />
    }
}

#[component]
fn RequesterFields() -> impl IntoView {
    view! {
        <TextField field=Field::RequesterName lens=lens!(requester.name) autocomplete="name" class="ft-input ft-input--wide" />
        <TextField field=Field::RequesterEmail lens=lens!(requester.email) kind="email" autocomplete="email" class="ft-input ft-input--wide" />
        <TextField field=Field::RequesterPhone lens=lens!(requester.phone) kind="tel" autocomplete="tel" class="ft-input" />
        <TextField field=Field::RequesterJobTitle lens=lens!(requester.job_title) autocomplete="organization-title" class="ft-input ft-input--wide" />
    }
}

#[component]
fn ContactsFields() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let yes_no = Signal::derive(move || {
        let same = &cx.text().same_person;
        let option = |value, label| RadioOption {
            value,
            label,
            hint: "",
        };
        vec![option(YES, same.yes), option(NO, same.no)]
    });
    let primary_else = move || cx.state.draft.with(|d| d.primary_contact.is_someone_else());
    let sponsor_else = move || {
        cx.state
            .draft
            .with(|d| d.business_sponsor.is_someone_else())
    };
    view! {
        <RadioGroup field=Field::PrimaryContactSame lens=lens!(primary_contact.same_as_requester) options=yes_no />
        <Show when=primary_else>
            <div class="ft-conditional">
                <TextField field=Field::PrimaryContactName lens=lens!(primary_contact.name) class="ft-input ft-input--wide" />
                <TextField field=Field::PrimaryContactEmail lens=lens!(primary_contact.email) kind="email" class="ft-input ft-input--wide" />
            </div>
        </Show>
        <RadioGroup field=Field::SponsorSame lens=lens!(business_sponsor.same_as_requester) options=yes_no />
        <Show when=sponsor_else>
            <div class="ft-conditional">
                <TextField field=Field::SponsorName lens=lens!(business_sponsor.name) class="ft-input ft-input--wide" />
                <TextField field=Field::SponsorEmail lens=lens!(business_sponsor.email) kind="email" class="ft-input ft-input--wide" />
            </div>
        </Show>
    }
}
