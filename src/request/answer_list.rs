//! Every answer, in a section per question, as the check page shows them (with "Change"
//! links) and as the requester's record shows them (without).

use crate::locale::Locale;
use crate::request::context::WizardContext;
use crate::request::names::region_name;
use crate::request::review_rows::{rows, Answer};
use crate::shell::{Address, Place};
use fasttrack_model::{Draft, Step};
use leptos::prelude::*;

/// An answer in the reader's words.
fn answer_text(locale: Locale, answer: Answer) -> String {
    match answer {
        Answer::Text(text) => text,
        Answer::Region(code) => region_name(locale, &code),
        Answer::Date(date) => {
            crate::i18n::format_date(locale.tag(), date.year, date.month, date.day)
        }
    }
}

/// `ids`: the prefix of the section headings' ids; `change_links`: a "Change" link on each
/// row, back to its question.
#[component]
pub fn AnswerList(draft: Signal<Draft>, ids: &'static str, change_links: bool) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    move || {
        let text = cx.text();
        let locale = cx.locale.get();
        Step::ALL
            .iter()
            .map(|&step| {
                let rows = draft.with(|d| rows(step, d, text));
                let heading_id = format!("{ids}-{}", step.slug());
                view! {
                    <h2 id=heading_id.clone() class="ft-summary-heading">{text.steps.get(step).section}</h2>
                    <dl class="ft-summary-list" aria-labelledby=heading_id>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let change = change_links.then(|| {
                                    let href = place.href(&Address::change(locale, step, Some(row.anchor)));
                                    view! {
                                        <dd class="ft-summary-list__actions">
                                            <a href=href>
                                                {text.change}
                                                <span class="ft-visually-hidden">" " {row.label}</span>
                                            </a>
                                        </dd>
                                    }
                                });
                                view! {
                                    <div class="ft-summary-list__row">
                                        <dt class="ft-summary-list__key">{row.label}</dt>
                                        <dd class="ft-summary-list__value">
                                            {row.answer.into_iter().map(|a| view! { <p>{answer_text(locale, a)}</p> }).collect_view()}
                                        </dd>
                                        {change}
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                }
            })
            .collect_view()
    }
}
