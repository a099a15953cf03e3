//! The guide's blocks (paragraphs, lists, callouts, the diagram, the roles table) as views.

use crate::guide::diagram::Diagram;
use crate::guide::inline::{render_inlines, RenderContext};
use crate::guide::roles_table::RolesTable;
use crate::locale::Locale;
use fasttrack_content::model::{Block, CalloutKind};
use leptos::prelude::*;

pub fn render_block(block: &'static Block, cx: &RenderContext) -> AnyView {
    match block {
        Block::Paragraph(run) => view! { <p>{render_inlines(run, cx)}</p> }.into_any(),
        Block::List { ordered: true, items } => view! {
            <ol class="ft-steps">
                {items.iter().map(|run| view! { <li>{render_inlines(run, cx)}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
        Block::List { ordered: false, items } => view! {
            <ul class="ft-list">
                {items.iter().map(|run| view! { <li>{render_inlines(run, cx)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Block::Callout { kind, paragraphs } => {
            let label = callout_label(*kind, cx.locale);
            view! {
                <aside class="ft-callout" aria-label=label>
                    <p class="ft-callout__label" aria-hidden="true">{label}</p>
                    {paragraphs.iter().map(|run| view! { <p>{render_inlines(run, cx)}</p> }).collect_view()}
                </aside>
            }
            .into_any()
        }
        Block::Diagram { title, edition } => {
            view! { <Diagram title=*title edition=*edition locale=cx.locale /> }.into_any()
        }
        Block::Roles(table) => view! { <RolesTable table=*table cx=cx.clone() /> }.into_any(),
    }
}

fn callout_label(kind: CalloutKind, locale: Locale) -> &'static str {
    let c = &locale.ui().callouts;
    match kind {
        CalloutKind::Note => c.note,
        CalloutKind::Tip => c.tip,
        CalloutKind::Important => c.important,
        CalloutKind::Warning => c.warning,
        CalloutKind::Caution => c.caution,
    }
}
