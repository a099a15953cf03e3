//! The roles-and-responsibilities table: a caption, column and row headers with `scope`, and
//! each responsibility as a list item so screen readers count them. The explicit roles keep
//! the table's semantics when narrow screens restyle it as stacked blocks.

use crate::guide::inline::{render_inlines, RenderContext};
use fasttrack_content::model;
use leptos::prelude::*;

#[component]
pub fn RolesTable(table: model::RolesTable, cx: RenderContext) -> impl IntoView {
    let caption = cx.locale.ui().sections.roles_and_responsibilities;
    view! {
        <div class="ft-table-wrap">
            <table class="ft-roles" role="table">
                <caption>{caption}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{render_inlines(table.role_header, &cx)}</th>
                        <th scope="col" role="columnheader">{render_inlines(table.responsibility_header, &cx)}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {table
                        .roles
                        .iter()
                        .map(|role| {
                            view! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{render_inlines(role.name, &cx)}</th>
                                    <td role="cell">
                                        <ul>
                                            {role
                                                .responsibilities
                                                .iter()
                                                .map(|run| view! { <li>{render_inlines(run, &cx)}</li> })
                                                .collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
