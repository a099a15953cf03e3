//! Where the reader is, and how the app moves them. The full build follows the browser's
//! history (`shell::history`: its links move it without loading a page); the guide-only build
//! reads the address once and moves by loading addresses (`boot.js` picking the build).

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Address;
use leptos::prelude::*;

/// The page the app shows, and the way to another. Provided once, by [`Place::provide`].
#[derive(Clone, Copy)]
pub struct Place {
    /// The page shown, with its fragment. On a host page whose own address is outside the
    /// app's `base`, the app's home: the guide in the reader's language.
    pub address: Memo<Address>,
    /// The document's path, for links to a place on the same page (the skip link).
    pub pathname: Signal<String>,
    /// True when the document's address is not its page's own (`/pt-br` for `/pt-BR/`): the
    /// frame replaces it, so each page has one address.
    pub misspelt: Memo<bool>,
    navigate: UnsyncCallback<(String, bool)>,
    base: StoredValue<String>,
}

/// The address to draw when there is no browser to ask: the build-time prerender's
/// (`src/prerender.rs`). The guide-only build reads it instead of `location`.
#[derive(Clone, Debug)]
pub struct DrawnAt(pub String);

impl Place {
    pub fn current() -> Place {
        expect_context::<Place>()
    }

    /// Goes to `to` (a new history entry).
    pub fn go(&self, to: &Address) {
        self.navigate.run((self.href(to), false));
    }

    /// Replaces the current address with `to`: one address per page, and Back does not return
    /// to the replaced one.
    pub fn replace(&self, to: &Address) {
        self.navigate.run((self.href(to), true));
    }

    /// `to` as a link inside this app.
    pub fn href(&self, to: &Address) -> String {
        self.base.with_value(|base| to.href(base))
    }

    /// Follows the browser's address and provides the [`Place`] to everything below.
    #[cfg(feature = "wizard")]
    pub fn provide(config: &Config) -> Place {
        let history = crate::shell::history::follow(&config.base);
        let whole = history.address;
        let pathname = Signal::derive(move || whole.with(|w| path_of(w).to_owned()));
        Self::provide_from(config, whole.into(), pathname, history.navigate)
    }

    #[cfg(not(feature = "wizard"))]
    pub fn provide(config: &Config) -> Place {
        let (whole, navigate) = match use_context::<DrawnAt>() {
            Some(DrawnAt(whole)) => (whole, UnsyncCallback::new(|_: (String, bool)| {})),
            None => {
                let navigate = UnsyncCallback::new(move |(href, replace): (String, bool)| {
                    if let Some(location) = crate::browser::window().map(|w| w.location()) {
                        let _ = if replace {
                            location.replace(&href)
                        } else {
                            location.assign(&href)
                        };
                    }
                });
                (crate::browser::current_address(), navigate)
            }
        };
        let pathname = path_of(&whole).to_owned();
        Self::provide_from(
            config,
            Signal::stored(whole),
            Signal::stored(pathname),
            navigate,
        )
    }

    fn provide_from(
        config: &Config,
        whole: Signal<String>,
        pathname: Signal<String>,
        navigate: UnsyncCallback<(String, bool)>,
    ) -> Place {
        let base = config.base.clone();
        let standalone = config.standalone;
        let home = config.clone();
        let parsed = Memo::new({
            let base = base.clone();
            move |_| Address::parse(&whole.get(), &base)
        });
        let misspelt = Memo::new(move |_| {
            parsed.with(|a| a.locale().is_some() && pathname.with(|p| *p != a.path(&base)))
        });
        let address = Memo::new(move |_| {
            match parsed.get() {
                // A portal's dashboard showing the app as a help panel: the app's home.
                Address::Outside if !standalone => Address::guide(reader_locale(&home)),
                // A standalone page served outside its own base is misconfigured: say so.
                Address::Outside => Address::NotFound {
                    requested_locale: None,
                },
                address => address,
            }
        });
        let place = Place {
            address,
            pathname,
            misspelt,
            navigate,
            base: StoredValue::new(config.base.clone()),
        };
        provide_context(place);
        place
    }
}

/// An address's path: without its query and fragment.
fn path_of(whole: &str) -> &str {
    whole.split(['?', '#']).next().unwrap_or_default()
}

/// The language for a reader who has not named one: the one they chose before, else the best
/// match for the browser's languages, else the deployment's default.
pub fn reader_locale(config: &Config) -> Locale {
    let remembered = crate::browser::remembered_locale();
    let languages = crate::browser::preferred_languages();
    let preferences = remembered
        .iter()
        .chain(languages.iter())
        .map(String::as_str);
    crate::locale::negotiate(preferences, &config.offered())
        .unwrap_or_else(|| config.fallback_locale())
}
