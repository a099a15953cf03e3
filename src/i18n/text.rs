//! The shape of a locale's UI strings: what content/locales/<tag>.toml must fill (the build
//! reads these definitions, so keep one `pub field: Type,` per line).

use super::Message;

pub use super::wizard_text::*;

/// Every string the interface shows that does not come from the guide's content files.
pub struct Ui {
    /// The language's own name, as the switcher shows it ("Français").
    pub language_name: &'static str,
    /// The locale the browser's `Intl` writes numbers and dates in ("en-GB": our English is
    /// British English).
    pub intl: &'static str,
    pub app_name: &'static str,
    /// Shown alone where this locale's packs cannot be loaded, so it is kept in the app's index
    /// of locales (`Locale::load_failed`), not in a pack.
    pub load_failed: &'static str,
    pub skip_to_content: &'static str,
    pub language_nav_label: &'static str,
    pub main_nav_label: &'static str,
    pub nav_guide: &'static str,
    pub nav_request: &'static str,
    pub toc_heading: &'static str,
    pub sections: SectionLabels,
    /// The date the locale's text was last updated, in the locale's words.
    pub last_updated: Message,
    /// Shown on a locale whose text is older than the newest.
    pub older_notice: Message,
    pub older_notice_links: &'static str,
    /// Shown on our own translations: `language` is the source's language.
    pub translation_notice: Message,
    pub attribution: &'static str,
    pub license_name: &'static str,
    pub opens_in_new_tab: &'static str,
    pub callouts: CalloutLabels,
    pub diagram: DiagramText,
    pub not_found: NotFoundText,
    /// The wizard's: a pack of their own, which the guide's pages are not sent.
    pub wizard: WizardText,
}

/// Table-of-contents labels, and headings for the sections the sources leave without one.
pub struct SectionLabels {
    pub the_fasttrack_process: &'static str,
    pub the_onboarding_process: &'static str,
    pub getting_help: &'static str,
    pub fasttrack_center: &'static str,
    pub meeting_schedule: &'static str,
    pub partners: &'static str,
    pub roles_and_responsibilities: &'static str,
}

impl SectionLabels {
    /// The label of a content section id; `None` for an id this build does not know.
    pub fn get(&self, id: &str) -> Option<&'static str> {
        Some(match id {
            "the-fasttrack-process" => self.the_fasttrack_process,
            "the-onboarding-process" => self.the_onboarding_process,
            "getting-help" => self.getting_help,
            "fasttrack-center" => self.fasttrack_center,
            "meeting-schedule" => self.meeting_schedule,
            "partners" => self.partners,
            "roles-and-responsibilities" => self.roles_and_responsibilities,
            _ => return None,
        })
    }
}

/// The label a `> [!NOTE]`-style callout shows.
pub struct CalloutLabels {
    pub note: &'static str,
    pub tip: &'static str,
    pub important: &'static str,
    pub warning: &'static str,
    pub caution: &'static str,
}

/// The onboarding diagram, which we draw because the sources' image is not available.
pub struct DiagramText {
    pub summary: &'static str,
    pub step_purchase: &'static str,
    pub step_initiate: &'static str,
    pub core_onboarding: &'static str,
    pub service_onboarding: &'static str,
    pub first_wave: &'static str,
    pub data_migration: &'static str,
    pub then: &'static str,
    /// `name` is the product's former name.
    pub formerly: Message,
    pub user_adoption: &'static str,
    pub footnote: &'static str,
}

pub struct NotFoundText {
    pub title: &'static str,
    /// `tag` is what the address asked for.
    pub unknown_language: Message,
    pub missing_page: &'static str,
    pub choose: &'static str,
}
