//! What every wizard component reads: the state, the reader's locale, and helpers that word a
//! field's label, hint and error in that locale.

use crate::i18n::{FieldText, WizardText};
use crate::locale::Locale;
use crate::request::messages::message;
use crate::request::state::WizardState;
use crate::shell::CurrentLocale;
use fasttrack_model::{Draft, Field, FieldError, Reason, Refusal};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct WizardContext {
    pub state: WizardState,
    pub locale: Signal<Locale>,
}

/// Puts the wizard's context in place for the page below.
pub fn provide_wizard_context() -> WizardContext {
    let CurrentLocale(locale) = expect_context::<CurrentLocale>();
    let cx = WizardContext {
        state: expect_context::<WizardState>(),
        locale,
    };
    provide_context(cx);
    cx
}

impl WizardContext {
    /// The wizard's strings in the current locale (reactive).
    pub fn text(&self) -> &'static WizardText {
        &self.locale.get().ui().wizard
    }

    /// The same, read once (not tracked): for what is said when a page appears.
    pub fn text_untracked(&self) -> &'static WizardText {
        &self.locale.get_untracked().ui().wizard
    }

    pub fn words(&self, field: Field) -> &'static FieldText {
        let text = self.text();
        self.state
            .draft
            .with(|d| text.fields.get(field, &d.customer_id_kind))
    }

    /// The error shown on `field`, if any.
    pub fn error_for(&self, field: Field) -> Option<Refusal> {
        self.state.errors.with(|e| {
            e.as_ref()
                .and_then(|(_, list)| list.iter().find(|x| x.field == field).cloned())
        })
    }

    /// The words for a refusal: a code in the reader's language, else the backend's own text
    /// (shown as text), else a plain refusal.
    pub fn message(&self, refusal: &Refusal) -> String {
        let locale = self.locale.get();
        match &refusal.reason {
            Reason::Code(code) => {
                let error = FieldError {
                    field: refusal.field,
                    code: *code,
                };
                self.state.draft.with(|d| message(locale, error, d))
            }
            Reason::Said(text) if !text.trim().is_empty() => text.clone(),
            Reason::Said(_) => locale.ui().wizard.errors.refused.to_owned(),
        }
    }
}

/// Reads and writes one text answer of the draft.
#[derive(Clone, Copy)]
pub struct Lens {
    pub get: fn(&Draft) -> &String,
    pub set: fn(&mut Draft) -> &mut String,
}

/// `lens!(requester.email)`: a [`Lens`] on that draft field.
macro_rules! lens {
    ($($path:ident).+) => {
        $crate::request::context::Lens {
            get: |d| &d.$($path).+,
            set: |d| &mut d.$($path).+,
        }
    };
}
pub(crate) use lens;
