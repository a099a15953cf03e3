//! "The FastTrack process": the guide page, rendered from the typed content model.

mod diagram;
mod freshness;
mod page;
mod render;
mod roles_table;
mod toc;

pub use page::GuidePage;
pub use render::external_link;
