//! Form controls wired the GOV.UK way: label, then hint, then error message, then the input,
//! with `aria-describedby` naming the hint and error and `aria-invalid` set on error.

use crate::request::context::{Lens, WizardContext};
use fasttrack_model::Field;
use leptos::prelude::*;

fn hint_id(field: Field) -> String {
    format!("{}-hint", field.id())
}

fn error_id(field: Field) -> String {
    format!("{}-error", field.id())
}

/// The ids an input is described by: its hint (when it has one) and its error (when shown).
pub(crate) fn described_by(
    cx: WizardContext,
    field: Field,
    extra: Option<String>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if !cx.words(field).hint.is_empty() {
            ids.push(hint_id(field));
        }
        if cx.error_for(field).is_some() {
            ids.push(error_id(field));
        }
        ids.extend(extra.clone());
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The hint and the inline error of a field, in that order.
#[component]
pub(crate) fn HintAndError(field: Field) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let hint = move || cx.words(field).hint;
    view! {
        <Show when=move || !hint().is_empty()>
            <div id=hint_id(field) class="ft-hint">{hint}</div>
        </Show>
        {move || {
            cx.error_for(field)
                .map(|e| {
                    view! {
                        <p id=error_id(field) class="ft-error-message">
                            <span class="ft-visually-hidden">{cx.text().error_inline_prefix} " "</span>
                            {cx.message(&e)}
                        </p>
                    }
                })
        }}
    }
}

#[component]
fn Label(field: Field, #[prop(optional)] optional: bool) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    view! {
        <label class="ft-label" for=field.id()>
            {move || cx.words(field).label}
            {optional.then(|| view! { " " <span class="ft-optional">{move || cx.text().optional}</span> })}
        </label>
    }
}

/// The frame of a labelled control: its error styling, label, hint and error, then the control
/// itself (`children`), which carries `id=field.id()` and [`described_by`].
#[component]
fn LabelledField(
    field: Field,
    #[prop(optional)] optional: bool,
    children: Children,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    view! {
        <div class=error_class(cx, field)>
            <Label field optional />
            <HintAndError field />
            {children()}
        </div>
    }
}

pub(crate) fn error_class(cx: WizardContext, field: Field) -> impl Fn() -> &'static str {
    move || {
        if cx.error_for(field).is_some() {
            "ft-field ft-field--error"
        } else {
            "ft-field"
        }
    }
}

/// A one-line text answer.
#[component]
pub fn TextField(
    field: Field,
    lens: Lens,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "ft-input")] class: &'static str,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    view! {
        <LabelledField field>
            <input
                class=class
                id=field.id()
                name=field.id()
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described_by(cx, field, None)
                aria-invalid=move || cx.error_for(field).map(|_| "true")
                prop:value=move || draft.with(|d| (lens.get)(d).clone())
                on:input=move |ev| draft.update(|d| *(lens.set)(d) = event_target_value(&ev))
            />
        </LabelledField>
    }
}

/// A date answer (`YYYY-MM-DD`). A partly typed date is kept as `invalid`, so the reader is
/// told it is not a real date rather than that it is missing.
#[component]
pub fn DateField(field: Field, lens: Lens, min: String) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    view! {
        <LabelledField field>
            <input
                class="ft-input ft-input--date"
                id=field.id()
                name=field.id()
                type="date"
                min=min
                aria-describedby=described_by(cx, field, None)
                aria-invalid=move || cx.error_for(field).map(|_| "true")
                prop:value=move || draft.with(|d| (lens.get)(d).clone())
                on:input=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let value = input.value();
                    let value = if value.is_empty() && input.validity().bad_input() {
                        "invalid".to_owned()
                    } else {
                        value
                    };
                    draft.update(|d| *(lens.set)(d) = value);
                }
            />
        </LabelledField>
    }
}

/// A multi-line answer with a running character count.
#[component]
pub fn TextArea(
    field: Field,
    lens: Lens,
    max: usize,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    let count_id = format!("{}-count", field.id());
    let count = move || {
        let used = draft.with(|d| fasttrack_model::text::trim((lens.get)(d)).chars().count());
        let text = cx.text();
        let locale = cx.locale.get();
        if used <= max {
            text.characters_left(&locale.number(max - used))
        } else {
            text.characters_over(&locale.number(used - max))
        }
    };
    view! {
        <LabelledField field optional>
            <textarea
                class="ft-textarea"
                id=field.id()
                name=field.id()
                rows="5"
                aria-describedby=described_by(cx, field, Some(count_id.clone()))
                aria-invalid=move || cx.error_for(field).map(|_| "true")
                prop:value=move || draft.with(|d| (lens.get)(d).clone())
                on:input=move |ev| draft.update(|d| *(lens.set)(d) = event_target_value(&ev))
            ></textarea>
            <div id=count_id class="ft-hint ft-character-count">{count}</div>
        </LabelledField>
    }
}

/// A choice from a long list.
#[component]
pub fn SelectField(
    field: Field,
    lens: Lens,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    view! {
        <LabelledField field>
            <select
                class="ft-select"
                id=field.id()
                name=field.id()
                aria-describedby=described_by(cx, field, None)
                aria-invalid=move || cx.error_for(field).map(|_| "true")
                on:change=move |ev| draft.update(|d| *(lens.set)(d) = event_target_value(&ev))
            >
                <option value="">{move || cx.text().select_placeholder}</option>
                {move || {
                    let current = draft.with(|d| (lens.get)(d).clone());
                    options
                        .get()
                        .into_iter()
                        .map(|(code, name)| {
                            let selected = code == current;
                            view! { <option value=code selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </LabelledField>
    }
}

/// The id of a choice's input: the first carries the field's id, so error links land on it.
fn option_id(field: Field, index: usize, value: &str) -> String {
    if index == 0 {
        field.id().to_owned()
    } else {
        format!("{}-{value}", field.id())
    }
}

/// The frame of a question answered by choosing: its error styling, a fieldset described by
/// the hint and error, the legend, hint and error, then the options (`children`) in a box of
/// class `options_class`.
#[component]
fn ChoiceFieldset(field: Field, options_class: &'static str, children: Children) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    view! {
        <div class=error_class(cx, field)>
            <fieldset class="ft-fieldset" aria-describedby=described_by(cx, field, None)>
                <legend id=format!("{}-legend", field.id()) class="ft-legend">{move || cx.words(field).label}</legend>
                <HintAndError field />
                <div class=options_class>{children()}</div>
            </fieldset>
        </div>
    }
}

/// One radio button's value and words.
#[derive(Clone)]
pub struct RadioOption {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

/// A question answered by one choice. The first radio carries the field's id, so error links
/// land on it.
#[component]
pub fn RadioGroup(
    field: Field,
    lens: Lens,
    options: Signal<Vec<RadioOption>>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    let class = if inline {
        "ft-radios ft-radios--inline"
    } else {
        "ft-radios"
    };
    view! {
        <ChoiceFieldset field options_class=class>
            {move || {
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, option)| {
                        let id = option_id(field, i, option.value);
                        let value = option.value;
                        view! {
                            <div class="ft-radio">
                                <input
                                    class="ft-radio__input"
                                    type="radio"
                                    id=id.clone()
                                    name=field.id()
                                    value=value
                                    prop:checked=move || draft.with(|d| (lens.get)(d) == value)
                                    on:change=move |_| draft.update(|d| *(lens.set)(d) = value.to_owned())
                                />
                                <label class="ft-radio__label" for=id>{option.label}</label>
                                {(!option.hint.is_empty()).then(|| view! { <div class="ft-hint ft-radio__hint">{option.hint}</div> })}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </ChoiceFieldset>
    }
}

/// One checkbox of a [`CheckboxGroup`]: the value it stands for and its words.
#[derive(Clone)]
pub struct CheckboxOption {
    pub value: &'static str,
    pub label: &'static str,
}

/// A question answered by ticking any number of boxes (a fieldset with the field's legend,
/// hint and error). The first box carries the field's id, so error links land on it.
#[component]
pub fn CheckboxGroup(
    field: Field,
    options: Vec<CheckboxOption>,
    /// Whether `value` is ticked in the draft.
    is_checked: fn(&fasttrack_model::Draft, &str) -> bool,
    /// Ticks or unticks `value` in the draft.
    set: fn(&mut fasttrack_model::Draft, &str, bool),
    #[prop(optional)] columns: bool,
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = option_id(field, i, option.value);
            let value = option.value;
            view! {
                <div class="ft-checkbox">
                    <input
                        class="ft-checkbox__input"
                        type="checkbox"
                        id=id.clone()
                        name=field.id()
                        value=value
                        prop:checked=move || draft.with(|d| is_checked(d, value))
                        on:change=move |ev| {
                            let checked = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                            draft.update(|d| set(d, value, checked));
                        }
                    />
                    <label class="ft-checkbox__label" for=id>{option.label}</label>
                </div>
            }
        })
        .collect_view();
    let class = if columns {
        "ft-checkboxes ft-checkboxes--columns"
    } else {
        "ft-checkboxes"
    };
    view! { <ChoiceFieldset field options_class=class>{boxes}</ChoiceFieldset> }
}

/// A checkbox for a yes/no answer of the draft.
#[component]
pub fn Checkbox(
    id: &'static str,
    label: Signal<&'static str>,
    hint: Signal<&'static str>,
    get: fn(&fasttrack_model::Draft) -> bool,
    set: fn(&mut fasttrack_model::Draft, bool),
) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let draft = cx.state.draft;
    let hint_id = format!("{id}-hint");
    view! {
        <div class="ft-checkbox">
            <input
                class="ft-checkbox__input"
                type="checkbox"
                id=id
                name=id
                aria-describedby=hint_id.clone()
                prop:checked=move || draft.with(get)
                on:change=move |ev| {
                    let checked = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                    draft.update(|d| set(d, checked));
                }
            />
            <label class="ft-checkbox__label" for=id>{label}</label>
            <div id=hint_id class="ft-hint ft-checkbox__hint">{hint}</div>
        </div>
    }
}

/// Focuses an element by id once the view has been updated (after a re-render).
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        crate::browser::focus(id);
    });
}
