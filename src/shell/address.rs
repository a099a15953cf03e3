//! Every page the app has, as one type. An address inside the app is parsed into an
//! [`Address`], and every link, redirect and `aria-current` is built back from one: nothing
//! else in the app writes a path.
//!
//! ```text
//! {base}/                                  Root: sends the reader to their language
//! {base}/LOCALE/#SECTION                   Guide
//! {base}/LOCALE/request                    WizardStart
//! {base}/LOCALE/request/SLUG?change=1#ID   Step (changing: reached from the review)
//! {base}/LOCALE/request/check              Check
//! {base}/LOCALE/request/confirmation       Confirmation
//! ```

use crate::locale::{Locale, Needs};
use fasttrack_model::Step;

/// The wizard's address segment, after the locale.
const WIZARD: &str = "request";
const CHECK: &str = "check";
const CONFIRMATION: &str = "confirmation";
/// The query that marks a question reached by a review's "Change" link.
const CHANGING: &str = "change=1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    /// The app's root: the reader is sent on to their language.
    Root,
    /// "The FastTrack process"; `section` names one of its sections (the fragment).
    Guide {
        locale: Locale,
        section: Option<String>,
    },
    /// What a request needs, and the way in (or back in).
    WizardStart { locale: Locale },
    /// A question page. `changing`: reached from the review, so Continue returns there;
    /// `field`: the id of the input to focus on arrival (the fragment).
    Step {
        locale: Locale,
        step: Step,
        changing: bool,
        field: Option<String>,
    },
    /// "Check your answers".
    Check { locale: Locale },
    /// The reference of the request just sent.
    Confirmation { locale: Locale },
    /// No such page: an unknown path, or (`requested_locale`) a language this build lacks.
    NotFound { requested_locale: Option<String> },
    /// An address outside `base`: the host page's own, when a portal shows the app on one of
    /// its pages (a dashboard's help panel).
    Outside,
}

impl Address {
    /// Reads `address` (a path with optional `?query` and `#fragment`) as seen by an app
    /// living under `base` (`""` or a path without a trailing slash, e.g. `/tools/fasttrack`).
    /// A locale is recognised in any case (`pt-br`); [`Address::path`] gives the canonical form.
    pub fn parse(address: &str, base: &str) -> Address {
        let (rest, fragment) = match address.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment).filter(|f| !f.is_empty())),
            None => (address, None),
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let inside = match path.strip_prefix(base) {
            Some(inside) if inside.is_empty() || inside.starts_with('/') => inside,
            _ => return Address::Outside,
        };
        let inside = inside.strip_prefix('/').unwrap_or(inside);
        if inside.is_empty() {
            return Address::Root;
        }
        let mut segments: Vec<&str> = inside.split('/').collect();
        // One trailing slash is the same page (`/en/request/` is `/en/request`).
        if segments.len() > 1 && segments.last() == Some(&"") {
            segments.pop();
        }
        let not_found = Address::NotFound {
            requested_locale: None,
        };
        if segments.iter().any(|s| s.is_empty()) {
            return not_found;
        }
        let Some(locale) = Locale::from_tag(segments[0]) else {
            return Address::NotFound {
                requested_locale: Some(segments[0].to_owned()),
            };
        };
        let fragment = fragment.map(str::to_owned);
        match segments[1..] {
            [] => Address::Guide {
                locale,
                section: fragment,
            },
            [WIZARD] => Address::WizardStart { locale },
            [WIZARD, CHECK] => Address::Check { locale },
            [WIZARD, CONFIRMATION] => Address::Confirmation { locale },
            [WIZARD, slug] => match Step::from_slug(slug) {
                Some(step) => Address::Step {
                    locale,
                    step,
                    changing: query.split('&').any(|p| p == CHANGING),
                    field: fragment,
                },
                None => not_found,
            },
            _ => not_found,
        }
    }

    /// The canonical path of this page under `base`, without query or fragment. The root (and
    /// what has no page of its own) is `{base}/`.
    pub fn path(&self, base: &str) -> String {
        match self {
            Address::Root | Address::NotFound { .. } | Address::Outside => format!("{base}/"),
            Address::Guide { locale, .. } => format!("{base}/{}/", locale.tag()),
            Address::WizardStart { locale } => format!("{base}/{}/{WIZARD}", locale.tag()),
            Address::Step { locale, step, .. } => {
                format!("{base}/{}/{WIZARD}/{}", locale.tag(), step.slug())
            }
            Address::Check { locale } => format!("{base}/{}/{WIZARD}/{CHECK}", locale.tag()),
            Address::Confirmation { locale } => {
                format!("{base}/{}/{WIZARD}/{CONFIRMATION}", locale.tag())
            }
        }
    }

    /// The whole address under `base`: the path, `?change=1` while changing an answer, and the
    /// section or field as the fragment.
    pub fn href(&self, base: &str) -> String {
        let mut href = self.path(base);
        if let Address::Step { changing: true, .. } = self {
            href.push('?');
            href.push_str(CHANGING);
        }
        if let Some(fragment) = self.fragment() {
            href.push('#');
            href.push_str(fragment);
        }
        href
    }

    /// The place on the page: a section of the guide, a field of a step.
    pub fn fragment(&self) -> Option<&str> {
        match self {
            Address::Guide { section, .. } => section.as_deref(),
            Address::Step { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The language of the page, for the pages that have one.
    pub fn locale(&self) -> Option<Locale> {
        match self {
            Address::Guide { locale, .. }
            | Address::WizardStart { locale }
            | Address::Step { locale, .. }
            | Address::Check { locale }
            | Address::Confirmation { locale } => Some(*locale),
            Address::Root | Address::NotFound { .. } | Address::Outside => None,
        }
    }

    /// The same page in another language (the language switcher's links), at the same section
    /// of the guide; a fragment that names no section (the skip link's `#ft-main`, followed
    /// before the app took a prerendered page over) is not carried.
    pub fn in_locale(&self, to: Locale) -> Address {
        let mut address = self.clone();
        match &mut address {
            Address::Guide { locale, section } => {
                // Every locale has the same sections (the build checks): the one shown knows them.
                if section
                    .as_deref()
                    .is_some_and(|id| locale.guide().section(id).is_none())
                {
                    *section = None;
                }
                *locale = to;
            }
            Address::WizardStart { locale }
            | Address::Step { locale, .. }
            | Address::Check { locale }
            | Address::Confirmation { locale } => *locale = to,
            Address::Root | Address::NotFound { .. } | Address::Outside => {
                return Address::guide(to)
            }
        }
        address
    }

    /// The page without its fragment: what decides which view is drawn (following a link to a
    /// section of the same page does not draw the page again).
    pub fn page(&self) -> Address {
        let mut address = self.clone();
        match &mut address {
            Address::Guide { section, .. } => *section = None,
            Address::Step { field, .. } => *field = None,
            _ => {}
        }
        address
    }

    /// What of its locale's text the page is drawn with: the guide for the guide, and for the
    /// root and addresses outside the app, which lead to it.
    pub fn needs(&self) -> Needs {
        match self {
            Address::Guide { .. } | Address::Root | Address::Outside => Needs::Guide,
            _ => Needs::Strings,
        }
    }

    /// True for the wizard's pages (the navigation marks "Request assistance" as current).
    pub fn is_wizard(&self) -> bool {
        matches!(
            self,
            Address::WizardStart { .. }
                | Address::Step { .. }
                | Address::Check { .. }
                | Address::Confirmation { .. }
        )
    }

    /// The guide in `locale`, from its top.
    pub fn guide(locale: Locale) -> Address {
        Address::Guide {
            locale,
            section: None,
        }
    }

    /// A section of the guide in `locale`.
    pub fn guide_section(locale: Locale, section: &str) -> Address {
        Address::Guide {
            locale,
            section: Some(section.to_owned()),
        }
    }

    /// A question, as reached by Continue or Back.
    pub fn step(locale: Locale, step: Step) -> Address {
        Address::Step {
            locale,
            step,
            changing: false,
            field: None,
        }
    }

    /// A question reached from the review to change one answer (`field`: the input to focus).
    pub fn change(locale: Locale, step: Step, field: Option<&str>) -> Address {
        Address::Step {
            locale,
            step,
            changing: true,
            field: field.map(str::to_owned),
        }
    }

    /// Where a new request starts: the first question.
    pub fn first_step(locale: Locale) -> Address {
        Address::step(locale, Step::ALL[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASES: [&str; 3] = ["", "/tools/fasttrack", "/a"];

    fn every_page(locale: Locale) -> Vec<Address> {
        let mut pages = vec![
            Address::guide(locale),
            Address::guide_section(locale, "getting-help"),
            Address::WizardStart { locale },
            Address::Check { locale },
            Address::Confirmation { locale },
        ];
        for &step in Step::ALL {
            pages.push(Address::step(locale, step));
            pages.push(Address::change(locale, step, None));
            pages.push(Address::change(locale, step, Some("licences")));
            pages.push(Address::Step {
                locale,
                step,
                changing: false,
                field: Some("project-name".into()),
            });
        }
        pages
    }

    #[test]
    fn every_page_in_every_locale_under_every_base_reads_back_as_itself() {
        for base in BASES {
            for locale in Locale::all() {
                for address in every_page(locale) {
                    let href = address.href(base);
                    assert!(href.starts_with(&format!("{base}/")), "{href}");
                    assert_eq!(
                        Address::parse(&href, base),
                        address,
                        "{href} under {base:?}"
                    );
                    // The path alone names the page, without the fragment.
                    assert_eq!(
                        Address::parse(&address.path(base), base),
                        address.page().in_changing(false),
                        "{href}"
                    );
                }
            }
        }
    }

    impl Address {
        fn in_changing(mut self, to: bool) -> Address {
            if let Address::Step { changing, .. } = &mut self {
                *changing = to;
            }
            self
        }
    }

    #[test]
    fn the_root_is_the_base_with_or_without_a_trailing_slash() {
        for base in BASES {
            assert_eq!(Address::parse(base, base), Address::Root);
            assert_eq!(Address::parse(&format!("{base}/"), base), Address::Root);
            assert_eq!(Address::Root.href(base), format!("{base}/"));
        }
    }

    #[test]
    fn one_trailing_slash_and_any_case_name_the_same_page() {
        let pt = Locale::from_tag("pt-BR").unwrap();
        assert_eq!(Address::parse("/pt-br", ""), Address::guide(pt));
        assert_eq!(Address::parse("/pt-BR/", ""), Address::guide(pt));
        assert_eq!(
            Address::parse("/x/pt-br/request/", "/x"),
            Address::WizardStart { locale: pt }
        );
        assert_eq!(
            Address::parse("/pt-br/request/contacts/", ""),
            Address::step(pt, Step::Contacts)
        );
        // The canonical path differs, so the app replaces the address with it.
        assert_eq!(Address::parse("/pt-br", "").path(""), "/pt-BR/");
    }

    #[test]
    fn addresses_outside_the_base_are_not_the_apps() {
        for (path, base) in [
            ("/portal/", "/portal/help"),
            ("/portal/helpdesk/en/", "/portal/help"),
            ("/other/en/", "/tools/ft"),
            ("/", "/tools/ft"),
        ] {
            assert_eq!(
                Address::parse(path, base),
                Address::Outside,
                "{path} {base}"
            );
        }
    }

    #[test]
    fn unknown_paths_and_languages_are_not_found() {
        let nowhere = Address::NotFound {
            requested_locale: None,
        };
        for path in [
            "/en//",
            "/en/nope",
            "/en/requests",
            "/en/request/nope",
            "/en/request/check/x",
            "//en/",
        ] {
            assert_eq!(Address::parse(path, ""), nowhere, "{path}");
        }
        assert_eq!(
            Address::parse("/nl-NL/request", ""),
            Address::NotFound {
                requested_locale: Some("nl-NL".into())
            }
        );
    }

    #[test]
    fn only_change_1_marks_a_change_and_empty_fragments_are_none() {
        let en = Locale::from_tag("en").unwrap();
        assert_eq!(
            Address::parse("/en/request/services?x=1&change=1#", ""),
            Address::change(en, Step::Services, None)
        );
        assert_eq!(
            Address::parse("/en/request/services?changed=1", ""),
            Address::step(en, Step::Services)
        );
        assert_eq!(Address::parse("/en/?utm=x#", ""), Address::guide(en));
    }

    #[test]
    fn a_page_in_another_language_keeps_its_place() {
        let en = Locale::from_tag("en").unwrap();
        let fr = Locale::from_tag("fr-FR").unwrap();
        let here = Address::change(en, Step::Organisation, Some("licences"));
        assert_eq!(
            here.in_locale(fr).href("/b"),
            "/b/fr-FR/request/organisation?change=1#licences"
        );
        assert_eq!(
            Address::guide_section(en, "partners")
                .in_locale(fr)
                .href(""),
            "/fr-FR/#partners"
        );
        assert_eq!(Address::Root.in_locale(fr), Address::guide(fr));
        assert_eq!(Address::Outside.in_locale(fr), Address::guide(fr));
        // Regression: the skip link's fragment, left in the address when it was followed
        // before the app took the prerendered page over, is not a place to keep.
        assert_eq!(
            Address::guide_section(en, "ft-main").in_locale(fr).href(""),
            "/fr-FR/"
        );
    }

    #[test]
    fn only_wizard_pages_are_the_wizards() {
        let en = Locale::from_tag("en").unwrap();
        for address in every_page(en) {
            assert_eq!(
                address.is_wizard(),
                !matches!(address, Address::Guide { .. }),
                "{address:?}"
            );
        }
        assert!(!Address::Root.is_wizard());
        assert!(!Address::Outside.is_wizard());
    }
}
