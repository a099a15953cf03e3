//! "Check your answers": every answer in sections, each with a "Change" link back to its
//! question (which then returns here), and the button that sends the request.

use crate::config::Config;
use crate::locale::Locale;
use crate::request::client;
use crate::request::confirmation::CONFIRMATION;
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::draft_store::Pending;
use crate::request::error_summary::ErrorSummary;
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::names::{language_name, product_name, region_name};
use crate::request::page::{announce_page, step_title, title_effect, wizard_path};
use crate::request::state::today;
use crate::request::submit::Outcome;
use fasttrack_model::{
    validate, CustomerIdKind, Draft, FastTrackLanguage, Field, Product, RequesterKind, Step,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// One line of the review: what was asked, the answer, and where to change it.
struct Row {
    key: String,
    value: Vec<String>,
    /// The id of the input the "Change" link focuses.
    anchor: &'static str,
}

fn rows(step: Step, d: &Draft, locale: Locale) -> Vec<Row> {
    let text = &locale.ui().wizard;
    let label = |f: Field| text.fields.get(f, &d.customer_id_kind).label.to_owned();
    let row = |f: Field, value: Vec<String>| Row {
        key: label(f),
        value,
        anchor: f.id(),
    };
    let one = |f: Field, value: String| row(f, vec![value]);
    let optional = |value: &str| {
        let value = value.trim();
        if value.is_empty() {
            text.not_provided.to_owned()
        } else {
            value.to_owned()
        }
    };
    let yes_no = |b: bool| if b { text.yes } else { text.no }.to_owned();
    let contact = |c: &fasttrack_model::ContactDraft| {
        if c.is_someone_else() {
            vec![c.name.trim().to_owned(), c.email.trim().to_owned()]
        } else {
            vec![text.yes_no[0].to_owned()]
        }
    };
    let choice_label = |options: &[&'static str], labels: &[&'static str], value: &str| {
        options
            .iter()
            .position(|o| *o == value)
            .and_then(|i| labels.get(i))
            .copied()
            .unwrap_or("")
            .to_owned()
    };
    match step {
        Step::About => {
            let kinds: Vec<&str> = RequesterKind::ALL.iter().map(|k| k.code()).collect();
            let kind_labels: Vec<&str> = text.requester_kinds.iter().map(|c| c.label).collect();
            let mut rows = vec![one(
                Field::RequesterKind,
                choice_label(&kinds, &kind_labels, &d.requester_kind),
            )];
            if d.is_partner() {
                let ids: Vec<&str> = CustomerIdKind::ALL.iter().map(|k| k.code()).collect();
                let id_labels: Vec<&str> = text.customer_id_kinds.iter().map(|c| c.label).collect();
                rows.push(one(
                    Field::CustomerIdKind,
                    choice_label(&ids, &id_labels, &d.customer_id_kind),
                ));
                rows.push(one(Field::CustomerId, d.customer_id.trim().to_owned()));
            }
            rows
        }
        Step::Services => vec![
            row(
                Field::Products,
                d.products
                    .iter()
                    .filter_map(|c| Product::from_code(c))
                    .map(|p| product_name(p).to_owned())
                    .collect(),
            ),
            one(
                Field::DeploymentDate,
                fasttrack_model::Date::parse(&d.deployment_date)
                    .map(|x| {
                        locale.format_date(fasttrack_content::model::Date {
                            year: x.year,
                            month: x.month,
                            day: x.day,
                        })
                    })
                    .unwrap_or_default(),
            ),
            Row {
                key: text.data_migration.label.to_owned(),
                value: vec![yes_no(d.data_migration)],
                anchor: "data-migration",
            },
            Row {
                key: text.user_adoption.label.to_owned(),
                value: vec![yes_no(d.user_adoption)],
                anchor: "user-adoption",
            },
        ],
        Step::Organisation => vec![
            one(Field::ProjectName, d.project_name.trim().to_owned()),
            one(
                Field::ServiceLocation,
                region_name(locale, &d.service_location),
            ),
            one(
                Field::Language,
                FastTrackLanguage::from_code(&d.language)
                    .map(|l| language_name(locale, l).to_owned())
                    .unwrap_or_default(),
            ),
            one(Field::Licences, d.licences.trim().to_owned()),
            one(Field::Comments, optional(&d.comments)),
        ],
        Step::Requester => vec![
            one(Field::RequesterName, d.requester.name.trim().to_owned()),
            one(Field::RequesterEmail, d.requester.email.trim().to_owned()),
            one(Field::RequesterPhone, d.requester.phone.trim().to_owned()),
            one(
                Field::RequesterJobTitle,
                d.requester.job_title.trim().to_owned(),
            ),
        ],
        Step::Contacts => vec![
            row(Field::PrimaryContactSame, contact(&d.primary_contact)),
            row(Field::SponsorSame, contact(&d.business_sponsor)),
        ],
    }
}

/// The words for a failed submission.
fn failure_text(text: &crate::i18n::SendingText, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Unreachable => text.unreachable.to_owned(),
        Outcome::Offline => text.offline.to_owned(),
        Outcome::TimedOut => text.timed_out.to_owned(),
        Outcome::Busy => text.busy.to_owned(),
        Outcome::ServerError => text.server_error.to_owned(),
        Outcome::SignInAgain => text.sign_in_again.to_owned(),
        Outcome::TooLarge => text.too_large.to_owned(),
        Outcome::Conflict => text.conflict.to_owned(),
        Outcome::Refused { .. } => text.refused.to_owned(),
        Outcome::Unexpected(status) => {
            crate::i18n::fill(text.unexpected, &[("status", &status.to_string())])
        }
        Outcome::Accepted { .. } => String::new(),
    }
}

/// Shows the field errors of `errors` on the first step that has any.
fn show_on_step(
    cx: WizardContext,
    errors: Vec<fasttrack_model::FieldError>,
    navigate: impl Fn(&str, NavigateOptions),
) {
    let Some(first) = errors.first() else { return };
    let step = Step::of(first.field);
    let on_step = errors
        .into_iter()
        .filter(|e| Step::of(e.field) == step)
        .collect();
    cx.state.errors.set(Some((Some(step), on_step)));
    let tag = cx.locale.get_untracked().tag();
    navigate(
        &wizard_path(tag, step.slug(), true),
        NavigateOptions::default(),
    );
}

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let config = expect_context::<Config>();
    let navigate = use_navigate();
    cx.state.page.set(crate::request::page::CHECK.to_owned());
    announce_page(cx, crate::request::page::CHECK, None);
    crate::shell::Announcer::say(cx.text_untracked().check_title.to_owned());
    title_effect(cx, |t| t.check_title, || false);
    focus_later("ft-step-heading");

    // The attempt under way (for "trying again, 2 of 3"), and the last failure.
    let attempt = RwSignal::new(None::<u32>);
    let failure = RwSignal::new(None::<Outcome>);
    let action = Action::new_local({
        let config = config.clone();
        move |(key, body): &(String, String)| {
            let (config, key, body) = (config.clone(), key.clone(), body.clone());
            async move { client::send(&config, &key, &body, move |n| attempt.set(Some(n))).await }
        }
    });
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            let Some(outcome) = action.value().get() else {
                return;
            };
            attempt.set(None);
            match outcome {
                Outcome::Accepted { reference } => {
                    crate::events::emit(
                        "fasttrack:submitted",
                        &[("reference", reference.as_str().into())],
                    );
                    cx.state.accepted(reference);
                    let tag = cx.locale.get_untracked().tag();
                    navigate(
                        &wizard_path(tag, CONFIRMATION, false),
                        NavigateOptions::default(),
                    );
                }
                Outcome::Refused { errors, .. } if !errors.is_empty() => {
                    show_on_step(cx, errors, &navigate)
                }
                other => {
                    crate::events::emit(
                        "fasttrack:error",
                        &[
                            ("kind", "submission".into()),
                            ("reason", other.reason().into()),
                        ],
                    );
                    if other == Outcome::Conflict {
                        // The next try is a new request: it gets a new key.
                        cx.state.submission.set(None);
                    }
                    failure.set(Some(other));
                    focus_later("ft-failure");
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if action.pending().get_untracked() {
            return;
        }
        match cx.state.draft.with_untracked(|d| validate(d, today())) {
            Ok(request) => {
                let Ok(body) = serde_json::to_string(&request) else {
                    return;
                };
                // A retry of the same answers reuses the key; changed answers get a new one.
                let key = cx
                    .state
                    .submission
                    .with_untracked(|p| {
                        p.as_ref().filter(|p| p.body == body).map(|p| p.key.clone())
                    })
                    .unwrap_or_else(client::new_key);
                cx.state.submission.set(Some(Pending {
                    key: key.clone(),
                    body: body.clone(),
                }));
                failure.set(None);
                action.dispatch((key, body));
            }
            Err(errors) => show_on_step(cx, errors, &navigate),
        }
    };
    let status = move || {
        let s = &cx.text().sending;
        attempt.get().map(|n| {
            if n <= 1 {
                s.sending.to_owned()
            } else {
                let total = crate::request::submit::MAX_ATTEMPTS.to_string();
                crate::i18n::fill(s.retrying, &[("n", &n.to_string()), ("total", &total)])
            }
        })
    };
    let failure_box = move || {
        failure.get().map(|outcome| {
            let s = &cx.text().sending;
            let details = match &outcome {
                Outcome::Refused { other, .. } => other.clone(),
                _ => Vec::new(),
            };
            view! {
                <div class="ft-error-summary ft-failure" id="ft-failure" tabindex="-1" aria-labelledby="ft-failure-title">
                    <div role="alert">
                        <h2 id="ft-failure-title" class="ft-error-summary__title">{s.failure_title}</h2>
                        <p>{failure_text(s, &outcome)}</p>
                        {(!details.is_empty()).then(|| view! {
                            <ul class="ft-list">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        })}
                        <p>{s.answers_kept}</p>
                    </div>
                </div>
            }
        })
    };
    let button_label = move || {
        let s = &cx.text().sending;
        if action.pending().get() {
            s.sending
        } else if failure.with(Option::is_some) {
            s.try_again
        } else {
            cx.text().submit
        }
    };

    let sections = {
        let config = config.clone();
        move || {
            let locale = cx.locale.get();
            let text = &locale.ui().wizard;
            let tag = locale.tag();
            Step::ALL
            .iter()
            .map(|step| {
                let step = *step;
                let rows = cx.state.draft.with(|d| rows(step, d, locale));
                let heading_id = format!("ft-check-{}", step.slug());
                view! {
                    <h2 id=heading_id.clone() class="ft-summary-heading">{step_title(text, step).1}</h2>
                    <dl class="ft-summary-list" aria-labelledby=heading_id>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let href = config.href(&format!("{}#{}", wizard_path(tag, step.slug(), true), row.anchor));
                                view! {
                                    <div class="ft-summary-list__row">
                                        <dt class="ft-summary-list__key">{row.key.clone()}</dt>
                                        <dd class="ft-summary-list__value">
                                            {row.value.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                                        </dd>
                                        <dd class="ft-summary-list__actions">
                                            <a href=href>
                                                {text.change}
                                                <span class="ft-visually-hidden">" " {row.key}</span>
                                            </a>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                }
            })
            .collect_view()
        }
    };

    view! {
        <div class="ft-wizard ft-wizard--wide">
            <a class="ft-back-link" href=move || config.href(&wizard_path(cx.locale.get().tag(), Step::Contacts.slug(), false))>
                {move || cx.text().back}
            </a>
            <ErrorSummary step=None />
            <h1 id="ft-step-heading" tabindex="-1">{move || cx.text().check_title}</h1>
            <p>{move || cx.text().check_intro}</p>
            {sections}
            {failure_box}
            <form class="ft-form" novalidate on:submit=on_submit>
                <button
                    type="submit"
                    class="ft-button"
                    disabled=move || action.pending().get()
                    aria-describedby="ft-send-status"
                >
                    {button_label}
                </button>
                <p id="ft-send-status" class="ft-hint" role="status">{status}</p>
            </form>
            <DraftNotice />
            <StartAgain />
        </div>
    }
}
