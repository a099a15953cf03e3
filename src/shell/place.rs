//! Where the reader is, and how the app moves them. `leptos_router` owns the address: its
//! location is read as an [`Address`] (the page drawn is `Address::parse` of it), moves go
//! through its `use_navigate`, and Back and Forward through its history. Its own following of
//! links is off (see [`ROUTER_BASE`]): the app follows its own links, and only those
//! ([`crate::shell::app_links`]).

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Address;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// The `base` the app gives `leptos_router`'s `<Router>`, which follows every same-origin link
/// of the whole page whose path starts with its base, a portal's own links among them. No path
/// starts with this one, so the router follows none: the app follows its links itself, through
/// the router's `use_navigate` ([`crate::shell::app_links`]), and a portal's links (even to the
/// app's pages) load their page. (The router's base is used for nothing else here: routes are
/// the app's [`Address`], and moves are never resolved against it.)
pub const ROUTER_BASE: &str = "#";

/// The page the app shows, and the way to another. Provided once, by [`Place::provide`].
#[derive(Clone, Copy)]
pub struct Place {
    /// The page shown, with its fragment. On a host page whose own address is outside the
    /// app's `base`, the app's home: the guide in the reader's language.
    pub address: Memo<Address>,
    /// The document's path, for links to a place on the same page (the skip link).
    pub pathname: Memo<String>,
    /// True when the document's address is not its page's own (`/pt-br` for `/pt-BR/`): the
    /// frame replaces it, so each page has one address.
    pub misspelt: Memo<bool>,
    /// The router's `use_navigate`.
    navigate: UnsyncCallback<(String, NavigateOptions)>,
    base: StoredValue<String>,
}

impl Place {
    pub fn current() -> Place {
        expect_context::<Place>()
    }

    /// Goes to `to` (a new history entry).
    pub fn go(&self, to: &Address) {
        self.go_to(&self.href(to), false);
    }

    /// Replaces the current address with `to`: one address per page, and Back does not return
    /// to the replaced one.
    pub fn replace(&self, to: &Address) {
        self.go_to(&self.href(to), true);
    }

    /// Moves the router to `href` (a path under the app's base, with its query and fragment);
    /// once the page is drawn, scrolls to the element its fragment names, else to the top, as
    /// loading the page would (in the app's shadow root too, which the router does not see).
    pub fn go_to(&self, href: &str, replace: bool) {
        let options = NavigateOptions {
            // Already the whole path under the app's base (see ROUTER_BASE).
            resolve: false,
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate.run((href.to_owned(), options));
        request_animation_frame(|| {
            let at_fragment =
                crate::browser::current_hash().is_some_and(|id| crate::browser::scroll_to(&id));
            if !at_fragment {
                crate::browser::scroll_to_top();
            }
        });
    }

    /// `to` as a link inside this app.
    pub fn href(&self, to: &Address) -> String {
        self.base.with_value(|base| to.href(base))
    }

    /// Reads the router's location as an [`Address`] and provides the [`Place`] to everything
    /// below (inside the app's `<Router>`).
    pub fn provide(config: &Config) -> Place {
        let location = use_location();
        let pathname = location.pathname;
        let whole = Memo::new(move |_| {
            let search = location.search.get();
            let query = if search.is_empty() {
                String::new()
            } else {
                format!("?{search}")
            };
            format!("{}{query}{}", pathname.get(), fragment(&location))
        });
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
        let navigate = use_navigate();
        let navigate = UnsyncCallback::new(move |(href, options): (String, NavigateOptions)| {
            navigate(&href, options)
        });
        let place = Place {
            address,
            pathname,
            misspelt,
            navigate,
            base: StoredValue::new(config.base.clone()),
        };
        crate::shell::app_links::follow(place, config.base.clone());
        provide_context(place);
        place
    }
}

/// The location's fragment, with its `#`. (Drawn natively, at build time, an address has none:
/// the router's server-side location warns when asked for it.)
fn fragment(location: &leptos_router::location::Location) -> String {
    if cfg!(target_arch = "wasm32") {
        location.hash.get()
    } else {
        String::new()
    }
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
