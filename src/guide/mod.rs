//! "The FastTrack process": the guide page, rendered from the typed content model.

mod diagram;
mod freshness;
mod inline;
mod page;
mod render;
mod roles_table;
mod toc;

pub use inline::external_link;
pub use page::{fetch_code, fetched_guide};
pub use page::{page_title, GuidePage};
