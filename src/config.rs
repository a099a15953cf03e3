//! Run-time settings of one mounted app.

/// What a mounted app needs to know about where it lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The path the app lives under, without a trailing slash (`""` at the site root,
    /// `/tools/fasttrack` under a sub-path). The router only handles addresses below it.
    pub base: String,
    /// True when the app owns the whole page (it may then set the document's title and
    /// `lang`); false when a host page embeds it.
    pub standalone: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            base: String::new(),
            standalone: true,
        }
    }
}

impl Config {
    /// An address inside the app: `href("/en/")` is `/tools/fasttrack/en/` under that base.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}
